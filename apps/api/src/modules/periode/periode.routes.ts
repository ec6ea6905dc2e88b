import {
  createPeriodeBodySchema,
  LATIHAN_COOKIE,
  latihanBodySchema,
  latihanModeBodySchema,
  latihanModeSchema,
  latihanStateSchema,
  periodeListSchema,
  periodeSchema,
  periodeTahunListSchema,
  periodeTransitionBodySchema,
  updateFrameworkBodySchema,
  updatePeriodeSettingsBodySchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { PeriodeService } from './periode.service';
import type { PeriodeLatihanService } from './periode-latihan.service';
import type { PeriodeTahunService } from './periode-tahun.service';

export const periodeIdParams = z.strictObject({ id: z.uuid('Periode tidak ditemukan') });

export const periodeRoutes: FastifyPluginAsyncZod<{
  periodeService: PeriodeService;
  periodeTahunService: PeriodeTahunService;
  periodeLatihanService: PeriodeLatihanService;
  cookieSecure: boolean;
}> = async (app, { periodeService, periodeTahunService, periodeLatihanService, cookieSecure }) => {
  app.get(
    '/api/periode',
    {
      schema: {
        tags: ['periode'],
        summary: 'Periode penilaian pemda',
        response: { 200: periodeListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await periodeService.list(actorOf(req)) }),
  );

  app.get(
    '/api/periode/tahun',
    {
      schema: {
        tags: ['periode'],
        summary:
          'Tahun yang boleh dibuka pengguna (draf hanya admin), dengan jumlah tugas terbuka per tahun dan tahun bawaan',
        response: { 200: periodeTahunListSchema, ...errorResponses },
      },
    },
    async (req) => periodeTahunService.list(actorOf(req)),
  );

  app.get(
    '/api/periode/latihan',
    {
      schema: {
        tags: ['periode'],
        summary: 'Periode latihan pemda (mode latihan), atau null bila belum ada',
        response: { 200: latihanStateSchema, ...errorResponses },
      },
    },
    async (req) => periodeLatihanService.state(actorOf(req)),
  );

  app.put(
    '/api/periode/latihan',
    {
      schema: {
        tags: ['periode'],
        summary:
          'Buat periode latihan, atau mulai ulang dari awal: salinan kerangka dan pengaturan sebuah periode; semua laporan latihan dihapus',
        body: latihanBodySchema,
        response: { 200: latihanStateSchema, ...errorResponses },
      },
    },
    async (req) => periodeLatihanService.reset(actorOf(req), req.body, req.ip),
  );

  app.get(
    '/api/periode/latihan/mode',
    {
      schema: {
        tags: ['periode'],
        summary: 'Apakah sesi ini dalam mode latihan, dan apakah pemda punya periode latihan',
        response: { 200: latihanModeSchema, ...errorResponses },
      },
    },
    async (req) => periodeLatihanService.mode(actorOf(req)),
  );

  app.put(
    '/api/periode/latihan/mode',
    {
      schema: {
        tags: ['periode'],
        summary:
          'Masuk atau keluar dari mode latihan (cookie sesi): selama aktif, tahun, laporan dan rapor yang dibuka adalah periode latihan',
        body: latihanModeBodySchema,
        response: { 200: latihanModeSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const mode = await periodeLatihanService.switchMode(actorOf(req), req.body.aktif);
      if (mode.modeLatihan) {
        reply.setCookie(LATIHAN_COOKIE, '1', {
          path: '/api',
          httpOnly: true,
          sameSite: 'lax',
          secure: cookieSecure,
        });
      } else {
        reply.clearCookie(LATIHAN_COOKIE, { path: '/api' });
      }
      return mode;
    },
  );

  app.post(
    '/api/periode',
    {
      schema: {
        tags: ['periode'],
        summary: 'Buat periode: kosong, dari templat "Bandung Juara", salinan tahun lain, atau impor JSON',
        body: createPeriodeBodySchema,
        response: { 201: periodeSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const created = await periodeService.create(actorOf(req), req.body, req.ip);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/periode/:id',
    {
      schema: {
        tags: ['periode'],
        summary: 'Periode dengan kerangka penilaian, pengaturan dan hasil validasinya',
        params: periodeIdParams,
        response: { 200: periodeSchema, ...errorResponses },
      },
    },
    async (req) => periodeService.get(actorOf(req), req.params.id),
  );

  app.put(
    '/api/periode/:id/framework',
    {
      schema: {
        tags: ['periode'],
        summary: 'Simpan kerangka penilaian (setelah aktif: hanya nama, definisi dan satuan)',
        params: periodeIdParams,
        body: updateFrameworkBodySchema,
        response: { 200: periodeSchema, ...errorResponses },
      },
    },
    async (req) => periodeService.updateFramework(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.put(
    '/api/periode/:id/settings',
    {
      schema: {
        tags: ['periode'],
        summary: 'Ubah pengaturan periode (jatuh tempo, pengesahan camat, keterbukaan hasil)',
        params: periodeIdParams,
        body: updatePeriodeSettingsBodySchema,
        response: { 200: periodeSchema, ...errorResponses },
      },
    },
    async (req) => periodeService.updateSettings(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.post(
    '/api/periode/:id/transition',
    {
      schema: {
        tags: ['periode'],
        summary: 'Ubah status: draf → aktif → ditutup → diumumkan',
        params: periodeIdParams,
        body: periodeTransitionBodySchema,
        response: { 200: periodeSchema, ...errorResponses },
      },
    },
    async (req) => periodeService.transition(actorOf(req), req.params.id, req.body, req.ip),
  );
};
