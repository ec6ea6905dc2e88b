/**
 * The storage contract's figures: the same operations on both implementations of FileStorage, a
 * local folder and an S3 bucket (s3rver, an S3-compatible server in this process, over HTTP on
 * 127.0.0.1 with the real AWS SDK), over the same files:
 *  - one at a time: put, head, get, delete of N files of a typical bukti size (time per operation);
 *  - 8 at once: put and get of the same files (files per second, MB/s);
 *  - a 10 MB file (the upload limit): put and get.
 * s3rver keeps objects on the local disk too, so the S3 column is the price of the protocol (HTTP,
 * signing, Content-MD5 and SHA-256, XML) on this machine, not of a real network or MinIO.
 * Run: npx -y pnpm@10 bench:storage   (BENCH_FILES=200 BENCH_KB=256 to change the set)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalStorage } from '../src/lib/storage/local';
import { createS3Client, createS3Storage } from '../src/lib/storage/s3';
import type { FileStorage } from '../src/lib/storage/storage';
import { startS3Server } from '../test/s3-server';

const N = Number(process.env.BENCH_FILES ?? 200);
const KB = Number(process.env.BENCH_KB ?? 256);
const CONCURRENCY = 8;

const files = Array.from({ length: N }, () => randomBytes(KB * 1024));
const large = randomBytes(10 * 1024 * 1024);

interface Stats {
  mean: number;
  p50: number;
  p95: number;
}
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, p50: at(0.5), p95: at(0.95) };
};
const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
const fmt = (s: Stats) => `mean ${ms(s.mean)}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await run();
  return [r, performance.now() - t];
}

async function pool<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
  return performance.now() - t;
}

interface Result {
  put: Stats;
  head: Stats;
  get: Stats;
  del: Stats;
  putPerSecond: number;
  getPerSecond: number;
  largePut: number;
  largeGet: number;
}

async function measure(storage: FileStorage): Promise<Result> {
  // Warm-up: connections, the fan-out folders.
  for (const f of files.slice(0, 10)) await storage.delete(await storage.put(f));
  const put: number[] = [];
  const head: number[] = [];
  const get: number[] = [];
  const del: number[] = [];
  const keys: string[] = [];
  for (const f of files) {
    const [key, t] = await timed(() => storage.put(f));
    keys.push(key);
    put.push(t);
  }
  for (const k of keys) head.push((await timed(() => storage.head(k)))[1]);
  for (const [i, k] of keys.entries()) {
    const [data, t] = await timed(() => storage.get(k));
    if (!data.equals(files[i]!)) throw new Error(`${k} came back different`);
    get.push(t);
  }
  for (const k of keys) del.push((await timed(() => storage.delete(k)))[1]);

  const concurrentKeys: string[] = [];
  const putMs = await pool(files, async (f) => concurrentKeys.push(await storage.put(f)));
  const getMs = await pool(concurrentKeys, (k) => storage.get(k));
  for (const k of concurrentKeys) await storage.delete(k);

  const [largeKey, largePut] = await timed(() => storage.put(large));
  const [largeBack, largeGet] = await timed(() => storage.get(largeKey));
  if (!largeBack.equals(large)) throw new Error('the 10 MB file came back different');
  await storage.delete(largeKey);
  return {
    put: stats(put),
    head: stats(head),
    get: stats(get),
    del: stats(del),
    putPerSecond: (N / putMs) * 1000,
    getPerSecond: (N / getMs) * 1000,
    largePut,
    largeGet,
  };
}

const work = mkdtempSync(path.join(tmpdir(), 'sip-bench-storage-'));
const s3 = await startS3Server('sip-bench');
const client = createS3Client(s3.s3Config);
try {
  console.log(
    `Storage contract figures: ${N} files of ${KB} KB, then ${CONCURRENCY} at once, then one of 10 MB.`,
  );
  const results: [string, Result][] = [
    ['local folder', await measure(createLocalStorage(path.join(work, 'uploads')))],
    [
      'S3 (s3rver, 127.0.0.1)',
      await measure(createS3Storage(client, { bucket: s3.bucket, prefix: '' }, 'bukti')),
    ],
  ];
  const mbps = (perSecond: number) => ((perSecond * KB) / 1024).toFixed(1);
  for (const [name, r] of results) {
    console.log(`\n${name}`);
    console.log(`  put     ${fmt(r.put)}`);
    console.log(`  head    ${fmt(r.head)}`);
    console.log(`  get     ${fmt(r.get)}`);
    console.log(`  delete  ${fmt(r.del)}`);
    console.log(
      `  ${CONCURRENCY} at once: put ${r.putPerSecond.toFixed(0)} files/s (${mbps(r.putPerSecond)} MB/s), get ${r.getPerSecond.toFixed(0)} files/s (${mbps(r.getPerSecond)} MB/s)`,
    );
    console.log(`  10 MB   put ${ms(r.largePut)}   get ${ms(r.largeGet)}`);
  }
  const [, local] = results[0]!;
  const [, remote] = results[1]!;
  console.log(
    `\nS3 / local (mean, one at a time): put ×${(remote.put.mean / local.put.mean).toFixed(1)}, get ×${(remote.get.mean / local.get.mean).toFixed(1)}, head ×${(remote.head.mean / local.head.mean).toFixed(1)}, delete ×${(remote.del.mean / local.del.mean).toFixed(1)}`,
  );
} finally {
  client.destroy();
  await s3.dispose();
  rmSync(work, { recursive: true, force: true });
}
