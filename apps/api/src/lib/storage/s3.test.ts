import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3TestServer, startS3Server } from '../../../test/s3-server';
import { loadConfig } from '../../config/env';
import { openStorage } from './open';
import { createS3Client, createS3Storage } from './s3';
import { StorageUnavailableError } from './storage';

const base = { AUTH_SECRET: 'x'.repeat(32) };
let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => s3?.dispose());

/** What the start says when the bucket cannot be used. */
async function startFails(env: Record<string, string>): Promise<string> {
  try {
    const storage = await openStorage(loadConfig({ ...base, ...env }));
    storage.close();
    return '(started)';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('a misconfigured bucket stops the start, naming the variable', () => {
  it('starts with a bucket that answers', async () => {
    expect(await startFails(s3.env)).toBe('(started)');
  });

  it('a bucket that does not exist: S3_BUCKET', async () => {
    expect(await startFails({ ...s3.env, S3_BUCKET: 'tidak-ada' })).toMatch(
      /^Object storage cannot be used:\n {2}S3_BUCKET: the bucket "tidak-ada" does not exist at http:\/\/127\.0\.0\.1:\d+/,
    );
  });

  it('keys the store refuses: S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY', async () => {
    expect(
      await startFails({ ...s3.env, S3_ACCESS_KEY_ID: 'salah', S3_SECRET_ACCESS_KEY: 'salah-juga' }),
    ).toMatch(/S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY: access to the bucket "sip-uji" .* is refused/);
  });

  it('an endpoint nobody listens on: S3_ENDPOINT', async () => {
    expect(await startFails({ ...s3.env, S3_ENDPOINT: 'http://127.0.0.1:1' })).toMatch(
      /S3_ENDPOINT: the object store at http:\/\/127\.0\.0\.1:1 cannot be reached \(.*ECONNREFUSED/,
    );
  });

  it('an endpoint that never answers: S3_ENDPOINT, within the timeout', async () => {
    // Accepts connections and says nothing, as a firewall or a hung proxy would.
    const silent: Server = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const started = performance.now();
    const message = await startFails({
      ...s3.env,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_TIMEOUT_SECONDS: '1',
    });
    expect(message).toMatch(/S3_ENDPOINT: the object store at .* cannot be reached/);
    expect(performance.now() - started).toBeLessThan(4000);
    silent.close();
  });
});

describe('a store that goes down at run time', () => {
  it('fails every operation as STORAGE_UNAVAILABLE (503), and works again once it is back', async () => {
    const client = createS3Client({ ...s3.s3Config, timeoutMs: 2000 });
    const storage = createS3Storage(client, { bucket: s3.bucket, prefix: 'turun/' }, 'bukti');
    const key = await storage.put(Buffer.from('sebelum'));
    await s3.stop();
    try {
      const failures = await Promise.all([
        storage.put(Buffer.from('x')).catch((e: unknown) => e),
        storage.get(key).catch((e: unknown) => e),
        storage.head(key).catch((e: unknown) => e),
        storage.delete(key).catch((e: unknown) => e),
        (async () => {
          for await (const _ of storage.list());
        })().catch((e: unknown) => e),
      ]);
      for (const f of failures) {
        expect(f).toBeInstanceOf(StorageUnavailableError);
        expect(f).toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503 });
      }
    } finally {
      await s3.start();
    }
    expect((await storage.get(key)).toString()).toBe('sebelum');
    client.destroy();
  });
});
