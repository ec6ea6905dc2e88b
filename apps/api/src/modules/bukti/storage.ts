import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where evidence bytes live. The API keeps only metadata in PostgreSQL; several instances share a
 * storage (a shared folder here; an object store implements the same three methods).
 */
export interface FileStorage {
  /** Stores the bytes under a new generated key and returns it (never the uploader's file name). */
  put(data: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  /** Removing a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
}

const keyPattern = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** A local folder (DATA_DIR/uploads by default): two-character fan-out, generated names. */
export function createLocalStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    // Keys are ours, but never let one escape the folder.
    if (!keyPattern.test(key)) throw new Error(`invalid storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(data) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data, { flag: 'wx', mode: 0o640 });
      return key;
    },
    get: (key) => readFile(resolve(key)),
    delete: (key) => rm(resolve(key), { force: true }),
  };
}
