import {
  analyticsResponseSchema,
  jobStartedSchema,
  publicationPreviewSchema,
  publicationsResponseSchema,
  publicKelurahanSchema,
  publicRankingsQuerySchema,
  publicRankingsSchema,
  publicRaporSchema,
  publicYearsSchema,
  publishBodySchema,
  rankingsExportQuerySchema,
  rankingsQuerySchema,
  rankingsResponseSchema,
  raporAllExportBodySchema,
  raporDetailSchema,
  raporExportQuerySchema,
  raporParamsSchema,
  reviseBodySchema,
  tahunParamsSchema,
  topTenSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { type AnswerMemo, sendShared } from '../../lib/shared-answer';
import { actorOf } from '../../plugins/auth';
import type { JobsService } from '../jobs/jobs.service';
import type { RaporCache } from './rapor.cache';
import { type ExportFile, rankingsExport, raporExport } from './rapor.export';
import type { RaporService } from './rapor.service';
import type { RaporPublicService } from './rapor-public.service';
import type { RaporPublicationService } from './rapor-publication.service';

const tags = ['rapor'];

export const raporRoutes: FastifyPluginAsyncZod<{
  raporService: RaporService;
  jobsService: Pick<JobsService, 'get'>;
  publicationService: RaporPublicationService;
  publicService: RaporPublicService;
  answers: Pick<RaporCache, 'answer'>;
}> = async (app, { raporService, jobsService, publicationService, publicService, answers }) => {
  /** The answers of one view under one name (a unit's rapor, a ranking …), kept with the view. */
  const memoOf =
    (view: object, name: string): AnswerMemo =>
    (key, build) =>
      answers.answer(view, `${name}:${key}`, build);

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
    async (req, reply) => {
      const { body, view } = await raporService.raporShared(actorOf(req), req.params.tahun, req.params.kode);
      return view ? sendShared(req, reply, memoOf(view, `rapor:${req.params.kode}`), body) : body;
    },
  );

  app.get(
    '/api/rapor/:tahun/unit/:kode/export',
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
    async (req, reply) => {
      const { body, view } = await raporService.rankingsShared(actorOf(req), req.params.tahun, req.query);
      if (!view) return body;
      return sendShared(
        req,
        reply,
        memoOf(view, `peringkat:${req.query.level}:${req.query.kecamatan ?? ''}`),
        body,
      );
    },
  );

  app.get(
    '/api/rapor/:tahun/peringkat/export',
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

  app.post(
    '/api/rapor/:tahun/export',
    {
      schema: {
        tags,
        summary:
          'Mulai ekspor rapor semua unit (peringkat dan tiap indikator tiap unit) sebagai pekerjaan latar; berkasnya diunduh dari /api/jobs/:id/file',
        params: tahunParamsSchema,
        body: raporAllExportBodySchema,
        response: { 202: jobStartedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await raporService.startExport(actor, req.params.tahun, req.body.format);
      return reply.status(202).send({ job: await jobsService.get(actor, id) });
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
    async (req, reply) => {
      const { body, view } = await raporService.topTenShared(actorOf(req), req.params.tahun);
      return view ? sendShared(req, reply, memoOf(view, 'sepuluh-besar'), body) : body;
    },
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
    async (req) => publicationService.publications(actorOf(req), req.params.tahun),
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
    async (req) => publicationService.publish(actorOf(req), req.params.tahun, req.body, req.ip),
  );

  app.get(
    '/api/rapor/:tahun/publikasi/pratinjau',
    {
      schema: {
        tags,
        summary:
          'Yang dihitung bila diumumkan sekarang: bulan jatuh tempo dan unit yang predikatnya bergantung pada tanggal',
        params: tahunParamsSchema,
        response: { 200: publicationPreviewSchema, ...errorResponses },
      },
    },
    async (req) => publicationService.preview(actorOf(req), req.params.tahun),
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
    async (req) => publicationService.revise(actorOf(req), req.params.tahun, req.body.reason, req.ip),
  );

  app.get(
    '/api/public/peringkat',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Tahun yang hasilnya sudah diumumkan, terbaru dahulu (publik, tanpa login)',
        querystring: publicRankingsQuerySchema,
        response: { 200: publicYearsSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return publicService.years(req.query.pemda);
    },
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
      const { body, view } = await publicService.rankingsShared(req.query.pemda, req.params.tahun);
      return view ? sendShared(req, reply, memoOf(view, 'publik'), body) : body;
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
      return publicService.kelurahan(req.query.pemda, req.params.tahun);
    },
  );

  app.get(
    '/api/public/peringkat/:tahun/unit/:kode',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Rapor satu unit dan IKM-nya sebagaimana diumumkan (publik, tanpa login)',
        params: raporParamsSchema,
        querystring: publicRankingsQuerySchema,
        response: { 200: publicRaporSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return publicService.rapor(req.query.pemda, req.params.tahun, req.params.kode);
    },
  );
};
