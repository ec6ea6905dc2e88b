import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';

/**
 * Where stored files live (DESIGN.md, Operations): bukti dukung and generated exports. The API keeps
 * only metadata in PostgreSQL; the bytes go to a local folder (the default) or an S3-compatible
 * bucket, so several instances share them. Keys are generated here, never a person's file name.
 */
export interface FileStorage {
  /** Where the files are, for operators' messages: `folder /app/data/uploads`, `bucket s3://sip/bukti/`. */
  readonly where: string;
  /**
   * Stores the bytes under a new generated key and returns it; with `key` (a restore, a copy
   * between storages) under that key, replacing what was there.
   */
  put(data: Buffer, key?: string): Promise<string>;
  /** The bytes; StoredFileMissingError when the key holds nothing. */
  get(key: string): Promise<Buffer>;
  /** Size and checksums of a stored file (null when absent): a copy skips and verifies by them. */
  head(key: string): Promise<StoredFileInfo | null>;
  /** Removing a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key, in no particular order (backups, copies). */
  list(): AsyncIterable<string>;
}

export interface StoredFileInfo {
  size: number;
  /** Hex SHA-256 of the bytes, when the storage knows it. */
  sha256: string | null;
  /** Hex MD5 of the bytes as the storage computed it (an S3 ETag of a single-part upload). */
  md5: string | null;
}

/** A stored key: two-character fan-out, then a UUID (`3f/3f2a…`). */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isStorageKey = (key: string) => KEY.test(key);

export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

/** Keys come from our own rows, but a key is checked before it names a file or an object. */
export function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${key}`);
  return key;
}

/**
 * The storage cannot be used right now (the object store is down or refuses us, the disk is full):
 * 503 with a message a person can act on; the cause goes to the log.
 */
export class StorageUnavailableError extends AppError {
  constructor(cause: unknown) {
    super(
      'STORAGE_UNAVAILABLE',
      'Penyimpanan berkas sedang tidak dapat dihubungi, jadi berkas tidak dapat diunggah atau diunduh. Tidak ada yang tersimpan setengah jalan; coba lagi dalam beberapa menit, dan jika berulang hubungi admin.',
    );
    this.name = 'StorageUnavailableError';
    this.cause = cause;
  }
}

/** A key whose file is not in the storage (a database row naming a file that is gone). */
export class StoredFileMissingError extends AppError {
  constructor(readonly key: string) {
    super('NOT_FOUND', 'Berkas tidak ditemukan di penyimpanan. Hubungi admin.');
    this.name = 'StoredFileMissingError';
  }
}
