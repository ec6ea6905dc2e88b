import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Below this a compressed answer is hardly smaller. */
const MIN_COMPRESS_BYTES = 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

/** br or gzip when the client accepts it (q > 0), brotli first; otherwise null (identity). */
export function preferredEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

/**
 * Sends answers that services keep as one object per cached view (rapor, rankings, the signed-in
 * user): each object is validated against its schema, serialized and compressed once, then the same
 * bytes go to every request for it. The route's response schema still documents the shape.
 */
export function createJsonSender() {
  const encoded = new WeakMap<object, { raw: Buffer; br?: Buffer; gzip?: Buffer }>();
  // Accept-Encoding headers repeat as much as the answers do.
  const encodings = new Map<string, 'br' | 'gzip' | null>();
  const encodingOf = (header: string | string[] | undefined) => {
    if (typeof header !== 'string') return preferredEncoding(header);
    let e = encodings.get(header);
    if (e === undefined) {
      e = preferredEncoding(header);
      if (encodings.size >= 100) encodings.clear();
      encodings.set(header, e);
    }
    return e;
  };

  function sendJson(
    req: FastifyRequest,
    reply: FastifyReply,
    schema: { parse: (v: unknown) => unknown },
    obj: object,
  ): FastifyReply {
    let e = encoded.get(obj);
    if (e === undefined) {
      e = { raw: Buffer.from(JSON.stringify(schema.parse(obj))) };
      encoded.set(obj, e);
    }
    reply.type(JSON_TYPE).header('vary', 'accept-encoding');
    const encoding = e.raw.length >= MIN_COMPRESS_BYTES ? encodingOf(req.headers['accept-encoding']) : null;
    if (encoding === 'br') {
      e.br ??= brotliCompressSync(e.raw, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: e.raw.length },
      });
      return reply.header('content-encoding', 'br').send(e.br);
    }
    if (encoding === 'gzip') {
      e.gzip ??= gzipSync(e.raw, { level: 6 });
      return reply.header('content-encoding', 'gzip').send(e.gzip);
    }
    return reply.send(e.raw);
  }

  /**
   * A handler's answer that may be ready at once (a cached view: sent in the same tick, without a
   * promise, as a callback-style handler does) or later (sent when it resolves).
   */
  function replyWith<T extends object>(
    req: FastifyRequest,
    reply: FastifyReply,
    schema: { parse: (v: unknown) => unknown },
    answer: T | Promise<T>,
  ): undefined | Promise<undefined> {
    if (answer instanceof Promise) {
      return answer.then((obj) => {
        sendJson(req, reply, schema, obj);
        return undefined;
      });
    }
    sendJson(req, reply, schema, answer);
    return undefined;
  }

  return { replyWith };
}
