import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  checkedKey,
  type FileStorage,
  isStorageKey,
  newStorageKey,
  StorageUnavailableError,
  StoredFileMissingError,
} from './storage';

const errno = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** A file-system failure that is not about one key (disk full, read-only, no permission): unavailable. */
function unavailable(err: unknown): never {
  if (typeof errno(err) === 'string') throw new StorageUnavailableError(err);
  throw err;
}

/** A local folder (DATA_DIR/uploads by default): two-character fan-out, generated names. */
export function createLocalStorage(root: string): FileStorage {
  const fileOf = (key: string) => path.join(root, checkedKey(key));
  return {
    where: `folder ${root}`,

    async put(data, key) {
      const target = key === undefined ? newStorageKey() : checkedKey(key);
      const file = fileOf(target);
      try {
        await mkdir(path.dirname(file), { recursive: true });
        if (key === undefined) {
          await writeFile(file, data, { flag: 'wx', mode: 0o640 });
        } else {
          // A named key replaces its file whole: never a half-written file under a real key.
          const temp = `${file}.${process.pid}.tmp`;
          await writeFile(temp, data, { mode: 0o640 });
          await rename(temp, file);
        }
      } catch (err) {
        if (key === undefined) await rm(file, { force: true }).catch(() => {});
        unavailable(err);
      }
      return target;
    },

    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (err) {
        if (errno(err) === 'ENOENT') throw new StoredFileMissingError(key);
        return unavailable(err);
      }
    },

    async head(key) {
      let data: Buffer;
      try {
        data = await readFile(fileOf(key));
      } catch (err) {
        if (errno(err) === 'ENOENT') return null;
        return unavailable(err);
      }
      return {
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        md5: createHash('md5').update(data).digest('hex'),
      };
    },

    async delete(key) {
      await rm(fileOf(key), { force: true }).catch(unavailable);
    },

    async *list() {
      let dirs: string[];
      try {
        dirs = await readdir(root);
      } catch (err) {
        if (errno(err) === 'ENOENT') return;
        return unavailable(err);
      }
      for (const dir of dirs.sort()) {
        if (!/^[0-9a-f]{2}$/.test(dir)) continue;
        const names = await readdir(path.join(root, dir)).catch(() => [] as string[]);
        for (const name of names.sort()) {
          const key = `${dir}/${name}`;
          if (isStorageKey(key)) yield key;
        }
      }
    },
  };
}
