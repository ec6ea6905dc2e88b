import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3TestServer, startS3Server } from '../../../test/s3-server';
import { createLocalStorage } from './local';
import { createS3Client, createS3Storage } from './s3';
import { type FileStorage, isStorageKey, StoredFileMissingError } from './storage';

/**
 * One contract, both implementations: whatever the app does with a local folder it can do with an
 * S3 bucket (here s3rver, an S3-compatible server in this process: the real SDK over real HTTP).
 * Each test gets a fresh, empty storage (its own folder, or its own prefix in the bucket).
 */
interface Implementation {
  name: string;
  setUp: () => Promise<{ fresh: () => FileStorage; tearDown: () => Promise<void> }>;
}

const implementations: Implementation[] = [
  {
    name: 'local folder',
    setUp: async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'sip-storage-'));
      let n = 0;
      return {
        fresh: () => createLocalStorage(path.join(root, `s${n++}`)),
        tearDown: async () => rmSync(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'S3 bucket (s3rver)',
    setUp: async () => {
      const server: S3TestServer = await startS3Server();
      const client = createS3Client(server.s3Config);
      let n = 0;
      return {
        fresh: () => createS3Storage(client, { bucket: server.bucket, prefix: `t${n++}/` }, 'bukti'),
        tearDown: async () => {
          client.destroy();
          await server.dispose();
        },
      };
    },
  },
];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const listed = async (s: FileStorage) => {
  const keys: string[] = [];
  for await (const k of s.list()) keys.push(k);
  return keys.sort();
};

describe.each(implementations)('file storage contract: $name', ({ setUp }) => {
  let fresh: () => FileStorage;
  let tearDown: () => Promise<void>;
  beforeAll(async () => {
    ({ fresh, tearDown } = await setUp());
  });
  afterAll(async () => tearDown?.());

  it('gives back the bytes it was given, under a key it generated', async () => {
    const s = fresh();
    const data = Buffer.from('%PDF-1.4 bukti dukung Kelurahan Dago\n');
    const key = await s.put(data);
    expect(isStorageKey(key)).toBe(true);
    expect(await s.get(key)).toEqual(data);
    expect(await s.head(key)).toEqual({ size: data.length, sha256: sha256(data), md5: md5(data) });
  });

  it('generates a new key for every put, even for the same bytes', async () => {
    const s = fresh();
    const data = Buffer.from('sama');
    const keys = [await s.put(data), await s.put(data), await s.put(data)];
    expect(new Set(keys).size).toBe(3);
    expect(keys.every(isStorageKey)).toBe(true);
    expect(await listed(s)).toEqual([...keys].sort());
  });

  it('puts under a given key (restore, copy), replacing what was there', async () => {
    const s = fresh();
    const key = await s.put(Buffer.from('lama'));
    expect(await s.put(Buffer.from('baru'), key)).toBe(key);
    expect((await s.get(key)).toString()).toBe('baru');
    expect(await listed(s)).toEqual([key]);
  });

  it('deletes idempotently: deleting twice, or a key never stored, is not an error', async () => {
    const s = fresh();
    const key = await s.put(Buffer.from('hapus saya'));
    await s.delete(key);
    await s.delete(key);
    await s.delete('ab/abcdef01-2345-4678-9abc-def012345678');
    await expect(s.get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    expect(await listed(s)).toEqual([]);
  });

  it('a missing key: get fails as NOT_FOUND naming the key, head answers null', async () => {
    const s = fresh();
    const missing = '0f/0fedcba9-8765-4321-8fed-cba987654321';
    const err = await s.get(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoredFileMissingError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', status: 404, key: missing });
    expect(await s.head(missing)).toBeNull();
  });

  it('refuses a key that is not one of its own (no path out of the storage)', async () => {
    const s = fresh();
    for (const bad of [
      '../etc/passwd',
      'ab/../../x',
      '/abs',
      'AB/ABCDEF01-2345-4678-9ABC-DEF012345678',
      '',
    ]) {
      await expect(s.get(bad)).rejects.toThrow(/invalid storage key/);
      await expect(s.put(Buffer.from('x'), bad)).rejects.toThrow(/invalid storage key/);
    }
  });

  it('is binary safe: every byte value, NUL, CR LF, invalid UTF-8 and an empty file', async () => {
    const s = fresh();
    const every = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
    const awkward = Buffer.concat([Buffer.from([0, 0, 13, 10, 0xff, 0xfe, 0xc3, 0x28]), every]);
    for (const data of [every, awkward, Buffer.alloc(0)]) {
      const key = await s.put(data);
      const back = await s.get(key);
      expect(back.equals(data)).toBe(true);
      expect((await s.head(key))?.sha256).toBe(sha256(data));
    }
  });

  it('keeps a large file (10 MB, the upload limit) whole', async () => {
    const s = fresh();
    const data = randomBytes(10 * 1024 * 1024);
    const key = await s.put(data);
    const back = await s.get(key);
    expect(back.length).toBe(data.length);
    expect(sha256(back)).toBe(sha256(data));
    expect(await s.head(key)).toMatchObject({ size: data.length, sha256: sha256(data) });
  });

  it('takes 40 puts at once: every key distinct, every file intact and listed', async () => {
    const s = fresh();
    const files = Array.from({ length: 40 }, (_, i) => randomBytes(1024 + i * 97));
    const keys = await Promise.all(files.map((f) => s.put(f)));
    expect(new Set(keys).size).toBe(40);
    const back = await Promise.all(keys.map((k) => s.get(k)));
    back.forEach((b, i) => {
      expect(b.equals(files[i]!)).toBe(true);
    });
    expect(await listed(s)).toEqual([...keys].sort());
    for (const k of keys) await s.delete(k);
    expect(await listed(s)).toEqual([]);
  });
});
