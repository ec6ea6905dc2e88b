import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isBadText, isDatabaseDown } from '../lib/db-errors';
import { AppError, type ErrorCode } from '../lib/errors';
import { StoredFileMissingError } from '../lib/storage/storage';

interface FieldIssue {
  path: string;
  message: string;
}

/** The error answer; `requestId` names the request in the server's log (what the admin quotes). */
function send(
  reply: import('fastify').FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  return reply.status(status).send({
    error: { code, message, ...(details === undefined ? {} : { details }), requestId: reply.request.id },
  });
}

/** One error model: every failure leaves as `{ error: { code, message, details } }`, 5xx internals hidden. */
export const errorsPlugin = fp(async (app: FastifyInstance, opts: { bodyLimitBytes: number }) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'ACCOUNT_LOCKED' || err.code === 'RATE_LIMITED') {
        const retry = (err.details as { retryAfterMinutes?: number } | undefined)?.retryAfterMinutes;
        if (retry) reply.header('retry-after', String(retry * 60));
      }
      if (err.code === 'STORAGE_UNAVAILABLE') {
        // What the store said goes to the log, for the admin; the person reads the message.
        req.log.warn({ err: err.cause ?? err }, 'file storage unavailable');
        reply.header('retry-after', '30');
      }
      // A row that names a file the storage does not have: the admin must hear of it.
      if (err instanceof StoredFileMissingError) req.log.error({ key: err.key }, 'stored file missing');
      return send(reply, err.status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details: FieldIssue[] = err.validation.map((v) => {
        const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        const field = keys?.length ? [base, keys.join(', ')].filter(Boolean).join('.') : base;
        const message = keys?.length
          ? `Kolom tidak dikenal: ${keys.join(', ')}`
          : (v.message ?? 'tidak valid');
        return { path: field ? `${where}.${field}` : where, message };
      });
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return send(reply, 400, 'VALIDATION', `Data tidak valid — ${summary}`, details);
    }
    const code = err.code ?? '';
    if (code.startsWith('FST_JWT_') || code === 'FAST_JWT_INVALID_SIGNATURE') {
      return send(
        reply,
        401,
        'UNAUTHENTICATED',
        'Sesi Anda tidak valid atau telah berakhir. Silakan masuk kembali.',
      );
    }
    if (code.startsWith('FST_CSRF_')) {
      return send(
        reply,
        403,
        'CSRF',
        'Token keamanan (CSRF) tidak ada atau tidak valid. Muat ulang halaman lalu coba lagi.',
      );
    }
    if (err.statusCode === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const kb = Math.round(opts.bodyLimitBytes / 1024);
      return send(reply, 413, 'PAYLOAD_TOO_LARGE', `Data yang dikirim terlalu besar (maksimal ${kb} KB).`);
    }
    if (err.statusCode === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Jenis isi permintaan tidak didukung; kirim JSON.');
    }
    if (err.statusCode === 429) {
      return send(reply, 429, 'RATE_LIMITED', 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.');
    }
    if (err.statusCode === 400) {
      const message =
        err instanceof SyntaxError || code.startsWith('FST_ERR_CTP')
          ? 'Isi permintaan bukan JSON yang valid.'
          : 'Permintaan tidak valid.';
      return send(reply, 400, 'VALIDATION', message);
    }
    if (isBadText(err)) {
      return send(
        reply,
        400,
        'VALIDATION',
        'Teks berisi karakter yang tidak diizinkan (misalnya karakter NUL).',
      );
    }
    if (isDatabaseDown(err)) {
      req.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(
        reply,
        503,
        'UNAVAILABLE',
        'Basis data sedang tidak dapat dihubungi. Coba lagi dalam beberapa detik.',
      );
    }
    if (err.statusCode && err.statusCode < 500) {
      return send(reply, err.statusCode, 'REQUEST_ERROR', 'Permintaan tidak dapat diproses.');
    }
    req.log.error({ err }, 'unhandled error');
    return send(
      reply,
      500,
      'INTERNAL',
      'Terjadi kesalahan pada server. Coba lagi; jika berulang, hubungi admin.',
    );
  });
});
