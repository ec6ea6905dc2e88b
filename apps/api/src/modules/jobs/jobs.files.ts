import type { JobFile } from '@sip/contracts';
import { createSecretBox } from '../../lib/secret-box';
import type { ExportFile } from '../../lib/spreadsheet';
import type { FileStorage } from '../../lib/storage/storage';

/** A file a job made, as its result records it: where it is stored and how it is served. */
export interface StoredJobFile extends JobFile {
  key: string;
  /** Sealed with the secret box before storing (temporary passwords): opened when downloaded. */
  sealed?: boolean;
}

/** What a job leaves for people: a file to download and figures the web app words. */
export interface JobResult {
  file?: StoredJobFile;
  counts?: Record<string, number>;
}

/** Seals bytes at rest (lib/secret-box.ts, its own purpose) and opens them again. */
export interface FileSealer {
  seal(data: Buffer): Buffer;
  open(data: Buffer): Buffer;
}

/** Job files sealed under a key derived from AUTH_SECRET: a copy of the storage alone reveals nothing. */
export function createFileSealer(authSecret: string): FileSealer {
  const box = createSecretBox(authSecret, 'job-files');
  return {
    seal: (data) => Buffer.from(box.seal(data.toString('base64'))),
    open: (data) => Buffer.from(box.open(data.toString('utf8')), 'base64'),
  };
}

/**
 * Stores a job's file through the one storage interface (put/get/delete only): exports of any
 * size end up in the same folder or bucket as the evidence, and are served after the check in
 * jobs.service.ts.
 */
export function createJobFiles({ storage, sealer }: { storage: FileStorage; sealer: FileSealer }) {
  return {
    async store(file: ExportFile, opts: { sealed?: boolean } = {}): Promise<StoredJobFile> {
      const key = await storage.put(opts.sealed ? sealer.seal(file.body) : file.body);
      return {
        key,
        filename: file.filename,
        contentType: file.contentType,
        bytes: file.body.length,
        ...(opts.sealed ? { sealed: true } : {}),
      };
    },

    async read(file: StoredJobFile): Promise<Buffer> {
      const data = await storage.get(file.key);
      return file.sealed ? sealer.open(data) : data;
    },

    async remove(file: StoredJobFile | undefined) {
      if (file) await storage.delete(file.key);
    },
  };
}
export type JobFiles = ReturnType<typeof createJobFiles>;

/** The stored file of a result or checkpoint, if it names one. */
export function fileOf(value: unknown): StoredJobFile | undefined {
  const file = (value as { file?: unknown } | null)?.file as StoredJobFile | undefined;
  return file && typeof file.key === 'string' ? file : undefined;
}
