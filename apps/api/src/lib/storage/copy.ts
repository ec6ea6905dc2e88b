import { createHash } from 'node:crypto';
import type { FileStorage } from './storage';

export interface CopyProgress {
  done: number;
  total: number;
  copied: number;
  skipped: number;
  replaced: number;
  failed: number;
  bytes: number;
}

export interface CopyResult extends CopyProgress {
  /** Keys not copied, with the reason (the command exits non-zero). */
  failures: { key: string; reason: string }[];
  /** Keys the database names that the source does not have. */
  missingInSource: string[];
  ms: number;
}

const digest = (alg: 'sha256' | 'md5', data: Buffer) => createHash(alg).update(data).digest('hex');

/**
 * Copies every file of one storage into another under the same key (a local folder into a bucket
 * when a pemda moves to object storage). Resumable: a file already there with the same size and
 * checksums is skipped, so running it again after an interruption carries on. Verified: each copy
 * is read back (size, SHA-256 and the store's own MD5) before it counts; a target object with other
 * bytes under the key is replaced. With `expected` (the SHA-256 the database recorded at upload) a
 * source file that no longer matches its checksum is reported and not copied.
 */
export async function copyStorage(opts: {
  from: FileStorage;
  to: FileStorage;
  expected?: Map<string, string>;
  concurrency?: number;
  onProgress?: (p: CopyProgress) => void;
}): Promise<CopyResult> {
  const started = performance.now();
  const keys: string[] = [];
  for await (const key of opts.from.list()) keys.push(key);
  keys.sort();
  const present = new Set(keys);
  const r: CopyResult = {
    done: 0,
    total: keys.length,
    copied: 0,
    skipped: 0,
    replaced: 0,
    failed: 0,
    bytes: 0,
    failures: [],
    missingInSource: [...(opts.expected?.keys() ?? [])].filter((k) => !present.has(k)).sort(),
    ms: 0,
  };
  const fail = (key: string, reason: string) => {
    r.failed++;
    r.failures.push({ key, reason });
  };

  async function copyOne(key: string) {
    const data = await opts.from.get(key);
    const sha256 = digest('sha256', data);
    const md5 = digest('md5', data);
    const recorded = opts.expected?.get(key);
    if (recorded && recorded !== sha256) {
      fail(
        key,
        `the source file differs from the SHA-256 recorded at upload (${recorded.slice(0, 12)}…): damaged, not copied`,
      );
      return;
    }
    const same = (i: Awaited<ReturnType<FileStorage['head']>>) =>
      i !== null && i.size === data.length && i.sha256 === sha256 && (i.md5 === null || i.md5 === md5);
    const existing = await opts.to.head(key);
    if (same(existing)) {
      r.skipped++;
      return;
    }
    await opts.to.put(data, key);
    if (!same(await opts.to.head(key))) {
      fail(key, 'the copy read back differs from the source (size or checksum)');
      return;
    }
    if (existing) r.replaced++;
    else r.copied++;
    r.bytes += data.length;
  }

  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < keys.length) {
      const key = keys[next++]!;
      try {
        await copyOne(key);
      } catch (err) {
        // The store went away: stop here; a new run skips what was done.
        stopped = true;
        throw err;
      }
      r.done++;
      opts.onProgress?.({ ...r });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  r.ms = Math.round(performance.now() - started);
  return r;
}
