import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Keeps built answers: `(key, build) => bytes` (the rapor cache's per-view memo). */
export type AnswerMemo = (key: string, build: () => Buffer) => Buffer;

/** Below this the bytes go out as they are (as @fastify/compress's threshold in app.ts). */
const THRESHOLD = 1024;

function encodingOf(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name?.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Sends an answer every allowed reader gets alike from `memo`: serialized once with the route's
 * own serializer (the response schema), compressed once per encoding with the settings app.ts
 * gives @fastify/compress (which leaves an answer with a Content-Encoding alone).
 */
export function sendShared(req: FastifyRequest, reply: FastifyReply, memo: AnswerMemo, body: unknown) {
  const json = memo('json', () => {
    const serialized = reply.serialize(body);
    return typeof serialized === 'string' ? Buffer.from(serialized) : Buffer.from(serialized as ArrayBuffer);
  });
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  const encoding = encodingOf(req.headers['accept-encoding']);
  if (json.length < THRESHOLD || encoding === 'identity') return reply.send(json);
  const compressed = memo(encoding, () =>
    encoding === 'br'
      ? brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } })
      : gzipSync(json),
  );
  return reply.header('content-encoding', encoding).send(compressed);
}
