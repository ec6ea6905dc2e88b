import {
  jobStartedSchema,
  okResponseSchema,
  SKM_DEVICE_HEADER,
  skmBatchParamsSchema,
  skmExportBodySchema,
  skmFormResponseSchema,
  skmIdParamsSchema,
  skmKarantinaQuerySchema,
  skmKarantinaSummarySchema,
  skmKodeBatchBodySchema,
  skmKodeBatchSchema,
  skmModerateBodySchema,
  skmPaperBodySchema,
  skmPaperResponseSchema,
  skmPosterUnitsSchema,
  skmReleaseBodySchema,
  skmReportQuerySchema,
  skmReportSchema,
  skmResponsesPageSchema,
  skmResponsesQuerySchema,
  skmSaranPageSchema,
  skmSaranQuerySchema,
  skmSettingsBodySchema,
  skmSettingsQuerySchema,
  skmSettingsSchema,
  skmSubmitBodySchema,
  skmSubmitResponseSchema,
  skmUnitKodeSchema,
  skmUnitsQuerySchema,
  skmUnitsSchema,
  skmVoidBodySchema,
  wilayahKodeSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { JobsService } from '../jobs/jobs.service';
import type { SkmExports } from './skm.jobs';
import type { SkmService } from './skm.service';
import type { SkmKodeService } from './skm-kode.service';
import type { SkmResponsesService } from './skm-responses.service';

const unitParams = z.strictObject({ kode: skmUnitKodeSchema });
const kodeParams = z.strictObject({ kode: wilayahKodeSchema });

export const skmRoutes: FastifyPluginAsyncZod<{
  skmService: SkmService;
  responsesService: SkmResponsesService;
  kodeService: SkmKodeService;
  exports: SkmExports;
  jobsService: Pick<JobsService, 'get'>;
  submitRateLimitPerMinute: number;
}> = async (
  app,
  { skmService, responsesService, kodeService, exports, jobsService, submitRateLimitPerMinute },
) => {
  // --- public: the citizens' survey (no login, no cookies) ---
  app.get(
    '/api/public/skm',
    {
      config: { public: true },
      schema: {
        tags: ['skm'],
        summary: 'Survei kepuasan masyarakat: kecamatan dan kelurahan pemda untuk memilih unit (publik)',
        querystring: skmUnitsQuerySchema,
        response: { 200: skmUnitsSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      // Reference data that changes with a wilayah import only.
      reply.header('cache-control', 'public, max-age=300');
      return skmService.units(req.query.pemda);
    },
  );

  app.get(
    '/api/public/skm/:kode',
    {
      config: { public: true },
      schema: {
        tags: ['skm'],
        summary: 'Survei kepuasan masyarakat: data formulir unit (publik)',
        params: unitParams,
        response: { 200: skmFormResponseSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const device = req.headers[SKM_DEVICE_HEADER];
      return skmService.form(req.params.kode, typeof device === 'string' ? device : undefined);
    },
  );

  app.post(
    '/api/public/skm/:kode',
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: submitRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['skm'],
        summary:
          'Kirim jawaban survei (publik; bukti kerja ALTCHA; formulir sekali pakai; idempoten pada idempotencyKey)',
        params: unitParams,
        body: skmSubmitBodySchema,
        response: { 200: skmSubmitResponseSchema, 201: skmSubmitResponseSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const result = await skmService.submit(req.params.kode, req.body);
      return reply.status(result.ulang ? 200 : 201).send(result);
    },
  );

  // --- signed-in users, within their scope ---
  app.get(
    '/api/skm/:kode',
    {
      schema: {
        tags: ['skm'],
        summary: 'Laporan IKM unit, kecamatan atau pemda per tahun/semester',
        params: kodeParams,
        querystring: skmReportQuerySchema,
        response: { 200: skmReportSchema, ...errorResponses },
      },
    },
    async (req) => skmService.report(actorOf(req), req.params.kode, req.query),
  );

  app.post(
    '/api/skm/:kode/export',
    {
      schema: {
        tags: ['skm'],
        summary:
          'Mulai ekspor jawaban survei (CSV atau XLSX) sebagai pekerjaan latar; berkasnya diunduh dari /api/jobs/:id/file',
        params: kodeParams,
        body: skmExportBodySchema,
        response: { 202: jobStartedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await exports.start(actor, req.params.kode, req.body);
      return reply.status(202).send({ job: await jobsService.get(actor, id) });
    },
  );

  app.get(
    '/api/skm/:kode/jawaban',
    {
      schema: {
        tags: ['skm'],
        summary: 'Daftar jawaban survei satu per satu (admin, untuk pembatalan)',
        params: kodeParams,
        querystring: skmResponsesQuerySchema,
        response: { 200: skmResponsesPageSchema, ...errorResponses },
      },
    },
    async (req) => responsesService.listResponses(actorOf(req), req.params.kode, req.query),
  );

  app.get(
    '/api/skm/:kode/posters',
    {
      schema: {
        tags: ['skm'],
        summary: 'Unit yang mendapat poster QR (unit; kecamatan: juga kelurahannya)',
        params: unitParams,
        response: { 200: skmPosterUnitsSchema, ...errorResponses },
      },
    },
    async (req) => skmService.posterUnits(actorOf(req), req.params.kode),
  );

  app.post(
    '/api/skm/jawaban/:id/batal',
    {
      schema: {
        tags: ['skm'],
        summary: 'Batalkan satu jawaban survei (admin; alasan wajib; diaudit)',
        params: skmIdParamsSchema,
        body: skmVoidBodySchema,
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) =>
      responsesService.voidResponse(actorOf(req), Number(req.params.id), req.body.alasan, req.ip),
  );

  app.post(
    '/api/skm/jawaban/:id/lepas',
    {
      schema: {
        tags: ['skm'],
        summary: 'Lepaskan jawaban dari karantina sehingga dihitung (admin; alasan wajib; diaudit)',
        params: skmIdParamsSchema,
        body: skmReleaseBodySchema,
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) =>
      responsesService.releaseResponse(actorOf(req), Number(req.params.id), req.body.alasan, req.ip),
  );

  app.get(
    '/api/skm/karantina',
    {
      schema: {
        tags: ['skm'],
        summary: 'Jumlah jawaban dalam karantina per unit (admin)',
        querystring: skmKarantinaQuerySchema,
        response: { 200: skmKarantinaSummarySchema, ...errorResponses },
      },
    },
    async (req) => responsesService.karantina(actorOf(req), req.query.kode),
  );

  app.post(
    '/api/skm/:kode/kertas',
    {
      schema: {
        tags: ['skm'],
        summary: 'Masukkan kuesioner kertas (admin atau operator unit; diaudit; idempoten)',
        params: unitParams,
        body: skmPaperBodySchema,
        response: { 200: skmPaperResponseSchema, 201: skmPaperResponseSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await responsesService.enterPaper(actorOf(req), req.params.kode, req.body, req.ip);
      return reply.status(r.ulang ? 200 : 201).send(r);
    },
  );

  app.get(
    '/api/skm/:kode/pengaturan',
    {
      schema: {
        tags: ['skm'],
        summary: 'Mode kode layanan unit dan kode yang sudah dibuat (per tahun)',
        params: unitParams,
        querystring: skmSettingsQuerySchema,
        response: { 200: skmSettingsSchema, ...errorResponses },
      },
    },
    async (req) => kodeService.unitSettings(actorOf(req), req.params.kode, req.query.tahun),
  );

  app.put(
    '/api/skm/:kode/pengaturan',
    {
      schema: {
        tags: ['skm'],
        summary: 'Nyalakan atau matikan mode kode layanan unit untuk satu tahun (admin; diaudit)',
        params: unitParams,
        body: skmSettingsBodySchema,
        response: { 200: skmSettingsSchema, ...errorResponses },
      },
    },
    async (req) => kodeService.saveUnitSettings(actorOf(req), req.params.kode, req.body, req.ip),
  );

  app.post(
    '/api/skm/:kode/kode-layanan',
    {
      schema: {
        tags: ['skm'],
        summary: 'Buat sekumpulan kode layanan sekali pakai untuk dicetak (diaudit)',
        params: unitParams,
        body: skmKodeBatchBodySchema,
        response: { 201: skmKodeBatchSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await kodeService.createKodeBatch(actorOf(req), req.params.kode, req.body.jumlah, req.ip)),
  );

  app.get(
    '/api/skm/:kode/kode-layanan/:batchId',
    {
      schema: {
        tags: ['skm'],
        summary: 'Kode layanan satu kumpulan (untuk dicetak ulang)',
        params: skmBatchParamsSchema,
        response: { 200: skmKodeBatchSchema, ...errorResponses },
      },
    },
    async (req) => kodeService.kodeBatch(actorOf(req), req.params.kode, req.params.batchId),
  );

  app.get(
    '/api/skm/saran',
    {
      schema: {
        tags: ['skm'],
        summary: 'Saran masyarakat untuk dimoderasi (admin, verifikator)',
        querystring: skmSaranQuerySchema,
        response: { 200: skmSaranPageSchema, ...errorResponses },
      },
    },
    async (req) => responsesService.listSaran(actorOf(req), req.query),
  );

  app.post(
    '/api/skm/saran/:id/moderasi',
    {
      schema: {
        tags: ['skm'],
        summary: 'Setujui atau sembunyikan satu saran (diaudit)',
        params: skmIdParamsSchema,
        body: skmModerateBodySchema,
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) => responsesService.moderate(actorOf(req), Number(req.params.id), req.body.status, req.ip),
  );
};
