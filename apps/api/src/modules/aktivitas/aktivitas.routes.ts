import {
  aktivitasInputSchema,
  aktivitasSchema,
  aktivitasUpdateSchema,
  antreanVerifikasiSchema,
  bukaBulanSchema,
  bulanSayaSchema,
  hariSayaSchema,
  keputusanAtasanSchema,
  keputusanVerifikasiSchema,
  mingguAnggotaSchema,
  mingguSayaSchema,
  mulaiVerifikasiSchema,
  okResponseSchema,
  pengecualianInputSchema,
  perilakuInputSchema,
  perilakuSchema,
  salinResultSchema,
  salinSchema,
  setujuiMingguResultSchema,
  setujuiMingguSchema,
  tanggalSchema,
  timSchema,
  tutupBulanResultSchema,
  tutupBulanSchema,
  verifikasiUnitSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { AktivitasService } from './aktivitas.service';
import type { PersetujuanService } from './aktivitas-persetujuan.service';
import type { VerifikasiService } from './kinerja-verifikasi.service';

const tahun = z.coerce.number().int().min(2000).max(2100);
const bulan = z.coerce.number().int().min(1).max(12);
const unitMonth = z.strictObject({ unitKerjaId: z.string().uuid('Unit kerja tidak dikenal'), tahun, bulan });

/** The daily log (pegawai), the weekly approval (atasan) and the monthly verification (verifikator kinerja). */
export const aktivitasRoutes: FastifyPluginAsyncZod<{
  aktivitasService: AktivitasService;
  persetujuanService: PersetujuanService;
  verifikasiService: VerifikasiService;
}> = async (app, { aktivitasService: log, persetujuanService: approval, verifikasiService: verif }) => {
  const tags = ['aktivitas'];
  app.get(
    '/api/aktivitas/hari',
    {
      schema: {
        tags,
        summary: 'Aktivitas saya pada satu hari',
        querystring: z.object({ tanggal: tanggalSchema.optional() }),
        response: { 200: hariSayaSchema, ...errorResponses },
      },
    },
    async (req) => log.hari(actorOf(req), req.query.tanggal),
  );
  app.get(
    '/api/aktivitas/minggu',
    {
      schema: {
        tags,
        summary: 'Minggu saya dan keputusan atasan',
        querystring: z.object({ tanggal: tanggalSchema.optional() }),
        response: { 200: mingguSayaSchema, ...errorResponses },
      },
    },
    async (req) => log.minggu(actorOf(req), req.query.tanggal),
  );
  app.get(
    '/api/aktivitas/bulan',
    {
      schema: {
        tags,
        summary: 'Bulan saya: menit per hari, hari kerja, nilai',
        querystring: z.object({ tahun, bulan }),
        response: { 200: bulanSayaSchema, ...errorResponses },
      },
    },
    async (req) => log.bulan(actorOf(req), req.query.tahun, req.query.bulan),
  );
  app.post(
    '/api/aktivitas',
    {
      schema: {
        tags,
        summary: 'Catat aktivitas (id dibuat perangkat: kiriman ulang tersimpan sekali)',
        body: aktivitasInputSchema,
        response: { 201: aktivitasSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await log.create(actorOf(req), req.body)),
  );
  app.put(
    '/api/aktivitas/:id',
    {
      schema: {
        tags,
        summary: 'Ubah aktivitas yang belum diputus atasan',
        params: z.strictObject({ id: z.string().uuid() }),
        body: aktivitasUpdateSchema,
        response: { 200: aktivitasSchema, ...errorResponses },
      },
    },
    async (req) => log.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/aktivitas/:id',
    {
      schema: {
        tags,
        summary: 'Hapus aktivitas yang belum diputus atasan',
        params: z.strictObject({ id: z.string().uuid() }),
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      await log.remove(actorOf(req), req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/aktivitas/salin',
    {
      schema: {
        tags,
        summary: 'Salin aktivitas satu hari ke hari lain',
        body: salinSchema,
        response: { 200: salinResultSchema, ...errorResponses },
      },
    },
    async (req) => log.salin(actorOf(req), req.body.dari, req.body.ke),
  );

  const ptags = ['persetujuan'];
  app.get(
    '/api/persetujuan/tim',
    {
      schema: {
        tags: ptags,
        summary: 'Tim saya (menurut jabatan pada tanggal itu) dan minggunya',
        querystring: z.object({ tanggal: tanggalSchema.optional() }),
        response: { 200: timSchema, ...errorResponses },
      },
    },
    async (req) => approval.tim(actorOf(req), req.query.tanggal),
  );
  app.get(
    '/api/persetujuan/anggota/:pegawaiId/minggu',
    {
      schema: {
        tags: ptags,
        summary: 'Aktivitas satu minggu seorang anggota tim',
        params: z.strictObject({ pegawaiId: z.string().uuid() }),
        querystring: z.object({ tanggal: tanggalSchema }),
        response: { 200: mingguAnggotaSchema, ...errorResponses },
      },
    },
    async (req) => approval.mingguAnggota(actorOf(req), req.params.pegawaiId, req.query.tanggal),
  );
  app.post(
    '/api/persetujuan/anggota/:pegawaiId/minggu/:senin/setujui',
    {
      schema: {
        tags: ptags,
        summary: 'Setujui seluruh aktivitas seminggu dalam satu tindakan',
        params: z.strictObject({ pegawaiId: z.string().uuid(), senin: tanggalSchema }),
        body: setujuiMingguSchema,
        response: { 200: setujuiMingguResultSchema, ...errorResponses },
      },
    },
    async (req) =>
      approval.setujuiMinggu(actorOf(req), req.params.pegawaiId, req.params.senin, req.body.items),
  );
  app.post(
    '/api/persetujuan/tim/:senin/setujui',
    {
      schema: {
        tags: ptags,
        summary: 'Setujui aktivitas seminggu seluruh tim dalam satu tindakan',
        params: z.strictObject({ senin: tanggalSchema }),
        body: setujuiMingguSchema,
        response: { 200: setujuiMingguResultSchema, ...errorResponses },
      },
    },
    async (req) => approval.setujuiTim(actorOf(req), req.params.senin, req.body.items),
  );
  app.post(
    '/api/persetujuan/keputusan',
    {
      schema: {
        tags: ptags,
        summary: 'Setujui, kurangi atau tolak satu aktivitas',
        body: keputusanAtasanSchema,
        response: { 200: aktivitasSchema, ...errorResponses },
      },
    },
    async (req) => approval.putuskan(actorOf(req), req.body),
  );
  app.put(
    '/api/persetujuan/anggota/:pegawaiId/perilaku/:tahun/:bulan',
    {
      schema: {
        tags: ptags,
        summary: 'Nilai perilaku (BerAKHLAK) bulanan seorang anggota tim',
        params: z.strictObject({ pegawaiId: z.string().uuid(), tahun, bulan }),
        body: perilakuInputSchema,
        response: { 200: perilakuSchema, ...errorResponses },
      },
    },
    async (req) =>
      approval.nilaiPerilaku(
        actorOf(req),
        req.params.pegawaiId,
        req.params.tahun,
        req.params.bulan,
        req.body,
      ),
  );
  app.post(
    '/api/persetujuan/pengecualian',
    {
      schema: {
        tags: ptags,
        summary: 'Izinkan pengisian tanggal yang sudah lewat batas',
        body: pengecualianInputSchema,
        response: { 200: z.object({ berlakuSampai: z.string() }), ...errorResponses },
      },
    },
    async (req) => approval.beriPengecualian(actorOf(req), req.body),
  );

  const vtags = ['verifikasi-kinerja'];
  app.get(
    '/api/verifikasi-kinerja',
    {
      schema: {
        tags: vtags,
        summary: 'Antrean verifikasi kinerja per unit kerja dan bulan',
        querystring: z.object({ tahun, bulan }),
        response: { 200: antreanVerifikasiSchema, ...errorResponses },
      },
    },
    async (req) => verif.antrean(actorOf(req), req.query.tahun, req.query.bulan),
  );
  app.get(
    '/api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan',
    {
      schema: {
        tags: vtags,
        summary: 'Verifikasi satu unit kerja satu bulan',
        params: unitMonth,
        response: { 200: verifikasiUnitSchema, ...errorResponses },
      },
    },
    async (req) => verif.detail(actorOf(req), req.params.unitKerjaId, req.params.tahun, req.params.bulan),
  );
  app.post(
    '/api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan/mulai',
    {
      schema: {
        tags: vtags,
        summary: 'Mulai verifikasi (semua aktivitas atau sampel acak)',
        params: unitMonth,
        body: mulaiVerifikasiSchema,
        response: { 200: verifikasiUnitSchema, ...errorResponses },
      },
    },
    async (req) =>
      verif.mulai(
        actorOf(req),
        req.params.unitKerjaId,
        req.params.tahun,
        req.params.bulan,
        req.body.cara,
        req.body.ukuranSampel,
      ),
  );
  app.post(
    '/api/verifikasi-kinerja/keputusan',
    {
      schema: {
        tags: vtags,
        summary: 'Konfirmasi atau koreksi menit satu aktivitas',
        body: keputusanVerifikasiSchema,
        response: { 200: aktivitasSchema, ...errorResponses },
      },
    },
    async (req) => verif.putuskan(actorOf(req), req.body),
  );
  app.post(
    '/api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan/tutup',
    {
      schema: {
        tags: vtags,
        summary: 'Tutup bulan: nilai dihitung dan disimpan, aktivitas dikunci',
        params: unitMonth,
        body: tutupBulanSchema,
        response: { 200: tutupBulanResultSchema, ...errorResponses },
      },
    },
    async (req) =>
      verif.tutup(actorOf(req), req.params.unitKerjaId, req.params.tahun, req.params.bulan, req.body.version),
  );
  app.post(
    '/api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan/buka',
    {
      schema: {
        tags: vtags,
        summary: 'Buka kembali bulan yang sudah ditutup (dengan alasan)',
        params: unitMonth,
        body: bukaBulanSchema,
        response: { 200: verifikasiUnitSchema, ...errorResponses },
      },
    },
    async (req) =>
      verif.buka(actorOf(req), req.params.unitKerjaId, req.params.tahun, req.params.bulan, req.body.alasan),
  );
};
