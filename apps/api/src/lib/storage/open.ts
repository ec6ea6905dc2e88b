import path from 'node:path';
import { type Config, ConfigError } from '../../config/env';
import { createLocalStorage } from './local';
import { checkBucket, createS3Client, createS3Storage } from './s3';
import type { FileStorage } from './storage';

/** The stored files of the app, by kind: each kind its own folder, or its own prefix in the bucket. */
export interface Storages {
  /** Bukti dukung (evidence files of report entries). */
  bukti: FileStorage;
  /** Generated exports kept for a later download. */
  ekspor: FileStorage;
  close: () => void;
}

/**
 * The configured storage: the local folder by default, or the S3 bucket, which must answer before
 * the app starts; a bucket that does not exist, refuses the keys or cannot be reached stops the start
 * with the variable to fix.
 */
export async function openStorage(config: Pick<Config, 's3' | 'uploadDir' | 'dataDir'>): Promise<Storages> {
  if (!config.s3) {
    return {
      bukti: createLocalStorage(config.uploadDir),
      ekspor: createLocalStorage(path.join(config.dataDir, 'ekspor')),
      close: () => {},
    };
  }
  const client = createS3Client(config.s3);
  const problem = await checkBucket(client, config.s3);
  if (problem) {
    client.destroy();
    throw new ConfigError(`Object storage cannot be used:\n  ${problem}`);
  }
  return {
    bukti: createS3Storage(client, config.s3, 'bukti'),
    ekspor: createS3Storage(client, config.s3, 'ekspor'),
    close: () => client.destroy(),
  };
}
