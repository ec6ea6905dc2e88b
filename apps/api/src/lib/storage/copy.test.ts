import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3TestServer, startS3Server } from '../../../test/s3-server';
import { repoRoot } from '../../config/env';
import { copyStorage } from './copy';
import { createLocalStorage } from './local';
import { createS3Client, createS3Storage } from './s3';
import { type FileStorage, StorageUnavailableError } from './storage';

/** `cli copy-storage`: a local folder of evidence into a bucket, resumable and verified (s3rver). */

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let s3: S3TestServer;
let client: ReturnType<typeof createS3Client>;
let work: string;
let folder: FileStorage;
const files = new Map<string, Buffer>();
let n = 0;
/** A fresh, empty place in the bucket for each test. */
const freshBucket = () => createS3Storage(client, { bucket: s3.bucket, prefix: `salin${n++}/` }, 'bukti');
const keysOf = async (s: FileStorage) => {
  const keys: string[] = [];
  for await (const k of s.list()) keys.push(k);
  return keys.sort();
};

beforeAll(async () => {
  s3 = await startS3Server();
  client = createS3Client(s3.s3Config);
  work = mkdtempSync(path.join(tmpdir(), 'sip-copy-'));
  folder = createLocalStorage(path.join(work, 'uploads'));
  for (let i = 0; i < 12; i++) {
    const data = randomBytes(2000 + i * 5000);
    files.set(await folder.put(data), data);
  }
});
afterAll(async () => {
  client?.destroy();
  await s3?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('copying a folder into a bucket', () => {
  it('copies every file, verified, and a second run finds them all there', async () => {
    const to = freshBucket();
    const first = await copyStorage({ from: folder, to });
    expect(first).toMatchObject({ total: 12, copied: 12, skipped: 0, replaced: 0, failed: 0 });
    expect(first.bytes).toBe([...files.values()].reduce((s, f) => s + f.length, 0));
    for (const [key, data] of files) expect(await to.get(key)).toEqual(data);
    const second = await copyStorage({ from: folder, to });
    expect(second).toMatchObject({ total: 12, copied: 0, skipped: 12, failed: 0 });
  });

  it('resumes after the bucket went away mid-copy: what arrived is skipped, the rest copied', async () => {
    const to = freshBucket();
    let stopping: Promise<void> | undefined;
    const interrupted = copyStorage({
      from: folder,
      to,
      concurrency: 2,
      onProgress: (p) => {
        if (p.done === 5 && !stopping) stopping = s3.stop();
      },
    });
    await expect(interrupted).rejects.toBeInstanceOf(StorageUnavailableError);
    await stopping;
    await s3.start();
    const arrived = await keysOf(to);
    expect(arrived.length).toBeGreaterThanOrEqual(5);
    expect(arrived.length).toBeLessThan(12);
    const resumed = await copyStorage({ from: folder, to });
    // A put cut off by the outage may still land in the store after the listing, whole (then
    // skipped) or cut short (then its checksums differ and it is replaced): every file is
    // accounted for once, and the copy ends with every file intact.
    expect(resumed).toMatchObject({ total: 12, failed: 0 });
    expect(resumed.skipped + resumed.replaced).toBeGreaterThanOrEqual(arrived.length);
    expect(resumed.skipped + resumed.copied + resumed.replaced).toBe(12);
    expect(resumed.skipped).toBeLessThan(12);
    for (const [key, data] of files) expect(await to.get(key)).toEqual(data);
  });

  it('replaces an object with other bytes under the key, and refuses a source file that no longer matches its checksum', async () => {
    const to = freshBucket();
    const [wrongInBucket, damagedAtSource] = [...files.keys()];
    // In the bucket: other bytes under one key (an earlier, different copy).
    await to.put(Buffer.from('bukan berkas ini'), wrongInBucket);
    // At the source: a file whose bytes differ from what the database recorded at upload.
    const expected = new Map([...files].map(([k, d]) => [k, sha256(d)]));
    expected.set(damagedAtSource!, sha256(Buffer.from('isi saat diunggah')));
    // And a row whose file is not in the folder at all.
    expected.set('ff/ffffffff-ffff-4fff-8fff-ffffffffffff', sha256(Buffer.from('hilang')));
    const r = await copyStorage({ from: folder, to, expected });
    expect(r).toMatchObject({ total: 12, copied: 10, replaced: 1, failed: 1 });
    expect(r.failures).toEqual([
      { key: damagedAtSource, reason: expect.stringMatching(/differs from the SHA-256 recorded at upload/) },
    ]);
    expect(r.missingInSource).toEqual(['ff/ffffffff-ffff-4fff-8fff-ffffffffffff']);
    expect(await to.get(wrongInBucket!)).toEqual(files.get(wrongInBucket!));
    expect(await to.head(damagedAtSource!)).toBeNull();
  });
});

describe('cli copy-storage', () => {
  it('copies the folder into the configured bucket, prints progress and a summary, and resumes', async () => {
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'),
            'apps/api/src/cli.ts',
            'copy-storage',
            '--from',
            path.join(work, 'uploads'),
          ],
          {
            cwd: repoRoot,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: process.env.HOME ?? '/tmp',
              DATA_DIR: path.join(work, 'data'),
              AUTH_SECRET: 'x'.repeat(40),
              ...s3.env,
              S3_PREFIX: 'cli/',
              AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
            },
          },
        );
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.stderr.on('data', (d) => {
          out += d;
        });
        child.on('close', (code) => resolve({ code, out }));
      });
    const first = await run();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/Copy of the folder .*uploads into the bucket s3:\/\/sip-uji\/cli\/bukti\//);
    expect(first.out).toMatch(/12 \/ 12 files: 12 copied, 0 already there/);
    expect(first.out).toMatch(
      /Done in [\d.]+ s: 12 files, 12 copied \([\d.]+ MB\), 0 already there with the same checksum, 0 replaced .*, 0 failed\./,
    );
    const second = await run();
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/12 files, 0 copied \(0\.0 MB\), 12 already there with the same checksum/);
  }, 180_000);
});
