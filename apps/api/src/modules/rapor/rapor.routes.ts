import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import {
  analyticsResponseSchema,
  publicationsResponseSchema,
  publicKelurahanSchema,
  publicRankingsQuerySchema,
  publicRankingsSchema,
  publishBodySchema,
  rankingsExportQuerySchema,
  rankingsQuerySchema,
  rankingsResponseSchema,
  raporDetailSchema,
  raporExportQuerySchema,
  raporParamsSchema,
  reviseBodySchema,
  tahunParamsSchema,
  topTenSchema,
} from '@sip/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import { type ExportFile, rankingsExport, raporExport } from './rapor.export';
import type { RaporService } from './rapor.service';

const tags = ['rapor'];

/** Below this a compressed answer is hardly smaller. */
const MIN_COMPRESS_BYTES = 1024;

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

export const raporRoutes: FastifyPluginAsyncZod<{ raporService: RaporService }> = async (
  app,
  { raporService },
) => {
  // The service returns the same object for the same cached view: validate, serialize and compress
  // it once. A Buffer is sent as is (the route's response schema still documents the shape).
  const encoded = new WeakMap<object, { raw: Buffer; br?: Buffer; gzip?: Buffer }>();
  const JSON_TYPE = 'application/json; charset=utf-8';
  const sendJson = (
    req: FastifyRequest,
    reply: FastifyReply,
    schema: { parse: (v: unknown) => unknown },
    obj: object,
  ): never => {
    let e = encoded.get(obj);
    if (e === undefined) {
      e = { raw: Buffer.from(JSON.stringify(schema.parse(obj))) };
      encoded.set(obj, e);
    }
    reply.type(JSON_TYPE).header('vary', 'accept-encoding');
    const encoding =
      e.raw.length >= MIN_COMPRESS_BYTES ? preferredEncoding(req.headers['accept-encoding']) : null;
    if (encoding === 'br') {
      e.br ??= brotliCompressSync(e.raw, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: e.raw.length },
      });
      return reply.header('content-encoding', 'br').send(e.br) as never;
    }
    if (encoding === 'gzip') {
      e.gzip ??= gzipSync(e.raw, { level: 6 });
      return reply.header('content-encoding', 'gzip').send(e.gzip) as never;
    }
    return reply.send(e.raw) as never;
  };

  const send = (
    reply: { header: (k: string, v: string) => unknown; send: (b: Buffer) => unknown },
    f: ExportFile,
  ) => {
    reply.header('content-type', f.contentType);
    reply.header('content-disposition', `attachment; filename="${f.filename}"`);
    reply.header('cache-control', 'no-store');
    return reply.send(f.body);
  };

  app.get(
    '/api/rapor/:tahun/unit/:kode',
    {
      schema: {
        tags,
        summary: 'Rapor satu unit: total, predikat, peringkat, bidang, indikator, tren, rata-rata pemda',
        params: raporParamsSchema,
        response: { 200: raporDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      sendJson(
        req,
        reply,
        raporDetailSchema,
        await raporService.rapor(actorOf(req), req.params.tahun, req.params.kode),
      ),
  );

  app.get(
    '/api/rapor/:tahun/unit/:kode/ekspor',
    {
      schema: {
        tags,
        summary: 'Ekspor rincian rapor (CSV atau XLSX)',
        params: raporParamsSchema,
        querystring: raporExportQuerySchema,
      },
    },
    async (req, reply) => {
      const r = await raporService.rapor(actorOf(req), req.params.tahun, req.params.kode);
      return send(reply, raporExport(r, req.query.format));
    },
  );

  app.get(
    '/api/rapor/:tahun/peringkat',
    {
      schema: {
        tags,
        summary: 'Peringkat kecamatan, atau kelurahan se-pemda / dalam satu kecamatan',
        params: tahunParamsSchema,
        querystring: rankingsQuerySchema,
        response: { 200: rankingsResponseSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      sendJson(
        req,
        reply,
        rankingsResponseSchema,
        await raporService.rankings(actorOf(req), req.params.tahun, req.query),
      ),
  );

  app.get(
    '/api/rapor/:tahun/peringkat/ekspor',
    {
      schema: {
        tags,
        summary: 'Ekspor peringkat (CSV atau XLSX)',
        params: tahunParamsSchema,
        querystring: rankingsExportQuerySchema,
      },
    },
    async (req, reply) => {
      const r = await raporService.rankingsForExport(actorOf(req), req.params.tahun, req.query);
      return send(
        reply,
        rankingsExport({
          tahun: r.tahun,
          level: req.query.level,
          kecamatan: req.query.kecamatan,
          bidang: r.bidang,
          rows: r.rows,
          format: req.query.format,
        }),
      );
    },
  );

  app.get(
    '/api/rapor/:tahun/sepuluh-besar',
    {
      schema: {
        tags,
        summary: 'Sepuluh besar camat dan lurah',
        params: tahunParamsSchema,
        response: { 200: topTenSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      sendJson(req, reply, topTenSchema, await raporService.topTen(actorOf(req), req.params.tahun)),
  );

  app.get(
    '/api/rapor/:tahun/analitik',
    {
      schema: {
        tags,
        summary: 'Analitik untuk analis: peringkat, bidang, tren bulanan, kepatuhan laporan, SKM per unsur',
        params: tahunParamsSchema,
        response: { 200: analyticsResponseSchema, ...errorResponses },
      },
    },
    async (req) => raporService.analytics(actorOf(req), req.params.tahun),
  );

  app.get(
    '/api/rapor/:tahun/publikasi',
    {
      schema: {
        tags,
        summary: 'Riwayat pengumuman dan revisi hasil periode',
        params: tahunParamsSchema,
        response: { 200: publicationsResponseSchema, ...errorResponses },
      },
    },
    async (req) => raporService.publications(actorOf(req), req.params.tahun),
  );

  app.post(
    '/api/rapor/:tahun/publikasi',
    {
      schema: {
        tags,
        summary: 'Umumkan hasil periode (snapshot tetap; periode ditutup lalu diumumkan)',
        params: tahunParamsSchema,
        body: publishBodySchema,
        response: { 200: publicationsResponseSchema, ...errorResponses },
      },
    },
    async (req) => raporService.publish(actorOf(req), req.params.tahun, req.body.reason, req.ip),
  );

  app.post(
    '/api/rapor/:tahun/revisi',
    {
      schema: {
        tags,
        summary: 'Terbitkan revisi bernomor dengan alasan (snapshot sebelumnya tetap)',
        params: tahunParamsSchema,
        body: reviseBodySchema,
        response: { 200: publicationsResponseSchema, ...errorResponses },
      },
    },
    async (req) => raporService.revise(actorOf(req), req.params.tahun, req.body.reason, req.ip),
  );

  app.get(
    '/api/public/peringkat/:tahun',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Peringkat yang sudah diumumkan dan sepuluh besar (publik, tanpa login)',
        params: tahunParamsSchema,
        querystring: publicRankingsQuerySchema,
        response: { 200: publicRankingsSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return sendJson(
        req,
        reply,
        publicRankingsSchema,
        await raporService.publicRankings(req.query.pemda, req.params.tahun),
      );
    },
  );

  app.get(
    '/api/public/peringkat/:tahun/kelurahan',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Peringkat seluruh kelurahan yang sudah diumumkan (publik, tanpa login)',
        params: tahunParamsSchema,
        querystring: publicRankingsQuerySchema,
        response: { 200: publicKelurahanSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return sendJson(
        req,
        reply,
        publicKelurahanSchema,
        await raporService.publicKelurahan(req.query.pemda, req.params.tahun),
      );
    },
  );
};
