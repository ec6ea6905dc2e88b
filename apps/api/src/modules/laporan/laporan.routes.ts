import {
  acceptUndecidedBodySchema,
  approveBodySchema,
  decisionBodySchema,
  endorseBodySchema,
  exceptionBodySchema,
  komentarBodySchema,
  komentarListSchema,
  laporanDetailSchema,
  openLaporanBodySchema,
  previewResponseSchema,
  queueCountsSchema,
  queuePageSchema,
  queueQuerySchema,
  reopenBodySchema,
  returnBodySchema,
  saveEntriesBodySchema,
  saveEntriesResponseSchema,
  timelineSchema,
  unitLaporanOverviewSchema,
  unitOverviewQuerySchema,
  versionBodySchema,
  wilayahKodeSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { QueueService } from './laporan.queue';
import type { LaporanService } from './laporan.service';
import type { KomentarService } from './laporan-komentar.service';
import type { LaporanReviewService } from './laporan-review.service';

const idParams = z.strictObject({ id: z.uuid('ID laporan tidak valid') });
const entryParams = z.strictObject({ id: z.uuid('ID laporan tidak valid'), code: z.string().min(1).max(40) });

export const laporanRoutes: FastifyPluginAsyncZod<{
  laporanService: LaporanService;
  reviewService: LaporanReviewService;
  queueService: QueueService;
  komentarService: KomentarService;
}> = async (app, { laporanService: svc, reviewService: review, queueService, komentarService }) => {
  const detail = { 200: laporanDetailSchema, ...errorResponses };

  app.get(
    '/api/laporan/unit/:kode',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Daftar laporan bulanan dan tahunan sebuah unit dalam periode',
        params: z.strictObject({ kode: wilayahKodeSchema }),
        querystring: unitOverviewQuerySchema,
        response: { 200: unitLaporanOverviewSchema, ...errorResponses },
      },
    },
    async (req) => svc.overview(actorOf(req), req.params.kode, req.query.periodeId),
  );

  app.post(
    '/api/laporan',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Buka laporan sebuah unit (dibuat saat pertama dibuka)',
        body: openLaporanBodySchema,
        response: { 200: laporanDetailSchema, 201: laporanDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { created, detail: d } = await svc.open(actorOf(req), req.body, req.ip);
      return reply.status(created ? 201 : 200).send(d);
    },
  );

  app.get(
    '/api/laporan/:id',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Isi laporan, status dan izin',
        params: idParams,
        response: detail,
      },
    },
    async (req) => svc.get(actorOf(req), req.params.id),
  );

  app.get(
    '/api/laporan/:id/preview',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Pratinjau nilai (sama dengan hitungan di peramban)',
        params: idParams,
        response: { 200: previewResponseSchema, ...errorResponses },
      },
    },
    async (req) => svc.preview(actorOf(req), req.params.id),
  );

  app.get(
    '/api/laporan/:id/timeline',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Riwayat laporan: siapa, kapan, apa, mengapa',
        params: idParams,
        response: { 200: timelineSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await svc.timeline(actorOf(req), req.params.id) }),
  );

  app.patch(
    '/api/laporan/:id/isian',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Simpan isian (draf); setiap isian membawa versinya',
        params: idParams,
        body: saveEntriesBodySchema,
        response: { 200: saveEntriesResponseSchema, ...errorResponses },
      },
    },
    async (req) => svc.saveEntries(actorOf(req), req.params.id, req.body.entries, req.ip),
  );

  app.post(
    '/api/laporan/:id/ajukan',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Ajukan laporan',
        params: idParams,
        body: versionBodySchema,
        response: detail,
      },
    },
    async (req) => review.submit(actorOf(req), req.params.id, req.body.version, req.ip),
  );

  app.post(
    '/api/laporan/:id/sahkan',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Sahkan laporan kelurahan (camat)',
        params: idParams,
        body: endorseBodySchema,
        response: detail,
      },
    },
    async (req) => review.endorse(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.post(
    '/api/laporan/:id/kembalikan',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Kembalikan laporan ke unit dengan alasan dan komentar per isian',
        params: idParams,
        body: returnBodySchema,
        response: detail,
      },
    },
    async (req) => review.returnToUnit(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.put(
    '/api/laporan/:id/isian/:code/keputusan',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Keputusan verifikator atas satu isian: terima, koreksi, tolak',
        params: entryParams,
        body: decisionBodySchema,
        response: detail,
      },
    },
    async (req) => review.decide(actorOf(req), req.params.id, req.params.code, req.body, req.ip),
  );

  app.get(
    '/api/laporan/:id/komentar',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Diskusi per indikator laporan (unit dan pengkajinya)',
        params: idParams,
        response: { 200: komentarListSchema, ...errorResponses },
      },
    },
    async (req) => komentarService.list(actorOf(req), req.params.id),
  );

  app.post(
    '/api/laporan/:id/isian/:code/komentar',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Tulis komentar pada diskusi satu indikator',
        params: entryParams,
        body: komentarBodySchema,
        response: { 200: komentarListSchema, ...errorResponses },
      },
    },
    async (req) => komentarService.add(actorOf(req), req.params.id, req.params.code, req.body, req.ip),
  );

  app.post(
    '/api/laporan/:id/terima-semua',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Terima sekaligus semua isian yang belum diputuskan (verifikator)',
        params: idParams,
        body: acceptUndecidedBodySchema,
        response: detail,
      },
    },
    async (req) => review.acceptUndecided(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.post(
    '/api/laporan/:id/setujui',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Setujui laporan (verifikator), dengan komentar opsional; laporan dikunci',
        params: idParams,
        body: approveBodySchema,
        response: detail,
      },
    },
    async (req) => review.approve(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.post(
    '/api/laporan/:id/buka-kembali',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Buka kembali laporan terverifikasi (admin)',
        params: idParams,
        body: reopenBodySchema,
        response: detail,
      },
    },
    async (req) => review.reopen(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.put(
    '/api/laporan/:id/izin-terlambat',
    {
      schema: {
        tags: ['laporan'],
        summary: 'Izin pengisian terlambat untuk satu laporan (admin)',
        params: idParams,
        body: exceptionBodySchema,
        response: detail,
      },
    },
    async (req) => review.grantException(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.get(
    '/api/laporan/queue',
    {
      schema: {
        tags: ['verifikasi'],
        summary: 'Antrean laporan yang menunggu kajian (terlama dahulu)',
        querystring: queueQuerySchema,
        response: { 200: queuePageSchema, ...errorResponses },
      },
    },
    async (req) => queueService.list(actorOf(req), req.query),
  );

  app.get(
    '/api/laporan/queue/counts',
    {
      schema: {
        tags: ['verifikasi'],
        summary: 'Jumlah laporan per status dalam cakupan',
        querystring: z.object({ periodeId: z.uuid().optional() }),
        response: { 200: queueCountsSchema, ...errorResponses },
      },
    },
    async (req) => queueService.counts(actorOf(req), req.query.periodeId),
  );
};
