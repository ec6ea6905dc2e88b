import fastifyMultipart from '@fastify/multipart';
import { evidenceSchema, okResponseSchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { BuktiService } from './bukti.service';

const mb = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 });

/** RFC 6266/5987 disposition header: an ASCII fallback plus the UTF-8 name. */
function disposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The types the browser may show in the app's viewer; anything else is only ever downloaded. */
const VIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export const buktiRoutes: FastifyPluginAsyncZod<{
  buktiService: BuktiService;
  maxUploadBytes: number;
}> = async (app, { buktiService, maxUploadBytes }) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxUploadBytes, files: 1, fields: 0, parts: 1 },
  });
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `Berkas terlalu besar: maksimal ${mb(maxUploadBytes)} MB.`);
  /** A body that is not well-formed multipart (no boundary, a part cut short): the sender's fault. */
  const malformed = (err: unknown): never => {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'VALIDATION',
      'Kiriman berkas rusak atau terpotong (multipart/form-data tidak lengkap). Unggah ulang berkasnya.',
    );
  };

  app.post(
    '/api/laporan/:id/isian/:code/bukti',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Unggah bukti dukung (PDF, JPEG, PNG) untuk satu isian',
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: z.uuid('ID laporan tidak valid'), code: z.string().min(1).max(40) }),
        response: { 201: evidenceSchema, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw new AppError('VALIDATION', 'Kirim berkas sebagai multipart/form-data (kolom "file").');
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      // Refuse at once what cannot fit (the multipart envelope adds a few hundred bytes).
      if (declared > maxUploadBytes + 64 * 1024) throw tooLarge();
      const part = await req.file().catch(malformed);
      if (!part) throw new AppError('VALIDATION', 'Tidak ada berkas yang dikirim.');
      const saved = await buktiService.upload(
        actorOf(req),
        req.params.id,
        req.params.code,
        {
          name: part.filename,
          read: async () => {
            try {
              return await part.toBuffer();
            } catch (err) {
              if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
              return malformed(err);
            }
          },
        },
        req.ip,
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/bukti/:id',
    {
      schema: {
        tags: ['laporan'],
        summary:
          'Unduh bukti dukung (hanya pengguna dalam cakupan; sebagai lampiran, atau ?tampil=1 untuk penampil PDF/gambar di aplikasi)',
        params: z.strictObject({ id: z.uuid('ID bukti dukung tidak valid') }),
        querystring: z.strictObject({ tampil: z.literal('1').optional() }),
      },
    },
    async (req, reply) => {
      const { meta, data } = await buktiService.download(actorOf(req), req.params.id);
      const inline = req.query.tampil === '1' && VIEWABLE.has(meta.mime);
      // Shown inline only inside the app's own viewer (a same-origin frame), still sandboxed.
      if (inline) reply.header('x-frame-options', 'SAMEORIGIN');
      return reply
        .header('content-type', meta.mime)
        .header('content-disposition', disposition(inline ? 'inline' : 'attachment', meta.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header(
          'content-security-policy',
          inline ? "default-src 'none'; sandbox; frame-ancestors 'self'" : "default-src 'none'; sandbox",
        )
        .send(data);
    },
  );

  app.delete(
    '/api/bukti/:id',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Hapus bukti dukung dari laporan yang masih dapat diubah',
        params: z.strictObject({ id: z.uuid('ID bukti dukung tidak valid') }),
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      await buktiService.remove(actorOf(req), req.params.id, req.ip);
      return { ok: true as const };
    },
  );
};
