import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

// The AWS SDK warns once per process that its 2027 releases need Node 22; the tests need not say so.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** s3rver's own account: it checks request signatures against these keys. */
export const S3RVER_KEYS = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };

/**
 * An S3-compatible server in this process (s3rver: objects in a temporary folder) on 127.0.0.1 and
 * a free port, with one bucket. `stop` takes it down as an outage would; `start` brings it back on
 * the same port with the same objects.
 */
export async function startS3Server(bucket = 'sip-uji') {
  const directory = mkdtempSync(path.join(tmpdir(), 'sip-s3-'));
  let server: S3rver | undefined;
  let port = 0;
  const start = async () => {
    const s = new S3rver({
      address: '127.0.0.1',
      port,
      directory,
      silent: true,
      configureBuckets: [{ name: bucket }],
    });
    port = (await s.run()).port;
    server = s;
  };
  await start();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    bucket,
    endpoint,
    directory,
    /** The app's settings for this server. */
    env: { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', ...S3RVER_KEYS },
    s3Config: {
      bucket,
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
      prefix: '',
      timeoutMs: 5000,
    },
    start,
    /** As an outage: no new connections, and the open ones (kept alive by the SDK) cut at once. */
    stop: async () => {
      const s = server;
      server = undefined;
      if (!s) return;
      const closed = s.close();
      s.httpServer?.closeAllConnections();
      await closed;
    },
    dispose: async () => {
      await server?.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
export type S3TestServer = Awaited<ReturnType<typeof startS3Server>>;
