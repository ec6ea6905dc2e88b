import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../../config/env';
import {
  checkedKey,
  type FileStorage,
  isStorageKey,
  newStorageKey,
  StorageUnavailableError,
  StoredFileMissingError,
} from './storage';

const status = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const isMissing = (err: unknown) =>
  (err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound')) ||
  status(err) === 404;

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Checksums only where the API requires them: not every S3-compatible store knows the SDK's
    // newer CRC headers. Our own integrity check is Content-MD5 on every put (verified by the store).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: Math.min(config.timeoutMs, 5000), requestTimeout: config.timeoutMs },
  });
}

/**
 * An S3-compatible bucket (MinIO, any cloud): the object key is the prefix, the area (`bukti/`,
 * `ekspor/`) and the storage key. Every put sends Content-MD5, so the store refuses bytes damaged on
 * the way, and keeps the SHA-256 as metadata for copies and checks.
 */
export function createS3Storage(
  client: S3Client,
  config: Pick<S3Config, 'bucket' | 'prefix'>,
  area: string,
): FileStorage {
  const base = `${config.prefix}${area}/`;
  const Bucket = config.bucket;
  const objectKey = (key: string) => `${base}${checkedKey(key)}`;

  /** Any failure of the store (down, timing out, refusing us) is the storage being unavailable. */
  async function call<T>(key: string | null, run: () => Promise<T>): Promise<T> {
    if (key !== null) checkedKey(key);
    try {
      return await run();
    } catch (err) {
      if (err instanceof StoredFileMissingError) throw err;
      throw new StorageUnavailableError(err);
    }
  }

  /**
   * A put that failed may still land (the store took the bytes as the connection broke). Nobody holds
   * a generated key whose put failed, so it is deleted again a few times over the next minute, until
   * the store is back (deletes are idempotent): no orphan object is left behind.
   */
  function retract(key: string) {
    for (const seconds of [1, 3, 7, 15, 30, 60]) {
      setTimeout(() => {
        client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) })).catch(() => {});
      }, seconds * 1000).unref();
    }
  }

  return {
    where: `bucket s3://${Bucket}/${base}`,

    async put(data, key) {
      const target = key === undefined ? newStorageKey() : checkedKey(key);
      await call(target, () =>
        client.send(
          new PutObjectCommand({
            Bucket,
            Key: objectKey(target),
            Body: data,
            ContentLength: data.length,
            ContentType: 'application/octet-stream',
            ContentMD5: createHash('md5').update(data).digest('base64'),
            Metadata: { sha256: createHash('sha256').update(data).digest('hex') },
          }),
        ),
      ).catch((err) => {
        if (key === undefined) retract(target);
        throw err;
      });
      return target;
    },

    get: (key) =>
      call(key, async () => {
        try {
          const res = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
          if (!res.Body) throw new StoredFileMissingError(key);
          return Buffer.from(await res.Body.transformToByteArray());
        } catch (err) {
          if (isMissing(err)) throw new StoredFileMissingError(key);
          throw err;
        }
      }),

    head: (key) =>
      call(key, async () => {
        try {
          const res = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
          const etag = res.ETag?.replaceAll('"', '') ?? '';
          return {
            size: res.ContentLength ?? 0,
            sha256: res.Metadata?.sha256 ?? null,
            // A multipart ETag (`…-3`) is not the MD5 of the bytes.
            md5: /^[0-9a-f]{32}$/.test(etag) ? etag : null,
          };
        } catch (err) {
          if (isMissing(err)) return null;
          throw err;
        }
      }),

    delete: async (key) => {
      await call(key, () => client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) })));
    },

    async *list() {
      let token: string | undefined;
      do {
        const page = await call(null, () =>
          client.send(new ListObjectsV2Command({ Bucket, Prefix: base, ContinuationToken: token })),
        );
        for (const o of page.Contents ?? []) {
          const key = o.Key?.slice(base.length) ?? '';
          if (isStorageKey(key)) yield key;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}

/** Why a bucket cannot be used, naming the variable to fix (the start stops with it). */
export async function checkBucket(client: S3Client, config: S3Config): Promise<string | null> {
  const at = config.endpoint ?? `AWS S3 (${config.region})`;
  // A short wait: a start that hangs on a dead endpoint helps nobody.
  const waitMs = Math.min(config.timeoutMs, 5000);
  try {
    await client.send(new HeadBucketCommand({ Bucket: config.bucket }), {
      abortSignal: AbortSignal.timeout(waitMs),
    });
    return null;
  } catch (err) {
    const code = status(err);
    const detail =
      (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError'
        ? `no answer within ${waitMs / 1000} s`
        : (err as Error).message || (err as Error).name;
    if (code === 404)
      return `S3_BUCKET: the bucket "${config.bucket}" does not exist at ${at}; create it (mc mb) or name an existing one`;
    if (code === 403)
      return `S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: access to the bucket "${config.bucket}" at ${at} is refused; check the keys and the bucket's policy`;
    if (code === 301 || code === 400)
      return `S3_REGION: the bucket "${config.bucket}" is not in ${config.region} at ${at} (${detail})`;
    if (code === undefined) return `S3_ENDPOINT: the object store at ${at} cannot be reached (${detail})`;
    return `S3_BUCKET: the bucket "${config.bucket}" at ${at} cannot be used (HTTP ${code}: ${detail})`;
  }
}
