import {
  cutiInputSchema,
  cutiListSchema,
  hariLiburInputSchema,
  hariLiburListSchema,
  imporJenis,
  imporKepegawaianBodySchema,
  imporKepegawaianResultSchema,
  jabatanInputSchema,
  jabatanListSchema,
  jabatanUpdateSchema,
  kegiatanInputSchema,
  kegiatanListSchema,
  okResponseSchema,
  pegawaiCreatedSchema,
  pegawaiCreateSchema,
  pegawaiDetailSchema,
  pegawaiListQuerySchema,
  pegawaiListSchema,
  pegawaiUpdateSchema,
  pengaturanKinerjaBodySchema,
  pengaturanKinerjaSchema,
  penugasanEndSchema,
  penugasanInputSchema,
  savedSchema,
  tanggalSchema,
  unitKerjaInputSchema,
  unitKerjaListSchema,
  unitKerjaUpdateSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { KepegawaianImport } from './kepegawaian.import';
import type { KepegawaianService } from './kepegawaian.service';

const id = z.strictObject({ id: z.string().uuid('Id tidak valid') });
const tahun = z.coerce.number().int().min(2000).max(2100);
const tags = ['kepegawaian'];

/** The organisation of a pemda: unit kerja, jabatan, pegawai and their spans, calendar, leave, settings. */
export const kepegawaianRoutes: FastifyPluginAsyncZod<{
  kepegawaianService: KepegawaianService;
  kepegawaianImport: KepegawaianImport;
}> = async (app, { kepegawaianService: svc, kepegawaianImport }) => {
  app.post(
    '/api/kepegawaian/impor',
    {
      // An XLSX of 20,000 pegawai, base64-encoded.
      bodyLimit: 9_000_000,
      schema: {
        tags,
        summary: 'Impor unit kerja, jabatan atau pegawai dari CSV/XLSX (semua baris atau tidak sama sekali)',
        body: imporKepegawaianBodySchema,
        response: { 200: imporKepegawaianResultSchema, ...errorResponses },
      },
    },
    async (req) => kepegawaianImport.importFile(actorOf(req), req.body),
  );
  app.get(
    '/api/kepegawaian/ekspor/:jenis',
    {
      schema: {
        tags,
        summary: 'Ekspor unit kerja, jabatan atau pegawai (kolom yang sama dengan impor)',
        params: z.strictObject({ jenis: z.enum(imporJenis) }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
    },
    async (req, reply) => {
      const f = await kepegawaianImport.exportFile(actorOf(req), req.params.jenis, req.query.format);
      reply.header('content-type', f.contentType);
      reply.header('content-disposition', `attachment; filename="${f.filename}"`);
      reply.header('cache-control', 'no-store');
      return reply.send(f.body);
    },
  );

  app.get(
    '/api/kepegawaian/unit-kerja',
    {
      schema: {
        tags,
        summary: 'Daftar unit kerja pemda',
        response: { 200: unitKerjaListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await svc.listUnitKerja(actorOf(req)) }),
  );
  app.post(
    '/api/kepegawaian/unit-kerja',
    {
      schema: {
        tags,
        summary: 'Tambah unit kerja',
        body: unitKerjaInputSchema,
        response: { 201: savedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await svc.saveUnitKerja(actorOf(req), null, req.body, null);
      return reply.code(201).send({ id: row?.id as string });
    },
  );
  app.put(
    '/api/kepegawaian/unit-kerja/:id',
    {
      schema: {
        tags,
        summary: 'Ubah unit kerja',
        params: id,
        body: unitKerjaUpdateSchema,
        response: { 200: savedSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const row = await svc.saveUnitKerja(actorOf(req), req.params.id, input, version);
      return { id: row?.id as string };
    },
  );

  app.get(
    '/api/kepegawaian/jabatan',
    {
      schema: {
        tags,
        summary: 'Jabatan dan pemegangnya pada suatu tanggal',
        querystring: z.object({
          unitKerjaId: z.string().uuid().optional(),
          tanggal: tanggalSchema.optional(),
        }),
        response: { 200: jabatanListSchema, ...errorResponses },
      },
    },
    async (req) => svc.listJabatan(actorOf(req), req.query),
  );
  app.post(
    '/api/kepegawaian/jabatan',
    {
      schema: {
        tags,
        summary: 'Tambah jabatan',
        body: jabatanInputSchema,
        response: { 201: savedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await svc.saveJabatan(actorOf(req), null, req.body, null);
      return reply.code(201).send({ id: row?.id as string });
    },
  );
  app.put(
    '/api/kepegawaian/jabatan/:id',
    {
      schema: {
        tags,
        summary: 'Ubah jabatan',
        params: id,
        body: jabatanUpdateSchema,
        response: { 200: savedSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const row = await svc.saveJabatan(actorOf(req), req.params.id, input, version);
      return { id: row?.id as string };
    },
  );
  app.get(
    '/api/kepegawaian/jabatan/:id/kegiatan',
    {
      schema: {
        tags,
        summary: 'Katalog kegiatan jabatan',
        params: id,
        response: { 200: kegiatanListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await svc.listKegiatan(actorOf(req), req.params.id) }),
  );
  app.post(
    '/api/kepegawaian/jabatan/:id/kegiatan',
    {
      schema: {
        tags,
        summary: 'Tambah kegiatan ke katalog jabatan',
        params: id,
        body: kegiatanInputSchema,
        response: { 201: savedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await svc.saveKegiatan(actorOf(req), req.params.id, null, req.body);
      return reply.code(201).send({ id: row?.id as string });
    },
  );
  app.put(
    '/api/kepegawaian/jabatan/:id/kegiatan/:kegiatanId',
    {
      schema: {
        tags,
        summary: 'Ubah kegiatan katalog jabatan',
        params: z.strictObject({ id: z.string().uuid(), kegiatanId: z.string().uuid() }),
        body: kegiatanInputSchema,
        response: { 200: savedSchema, ...errorResponses },
      },
    },
    async (req) => {
      const row = await svc.saveKegiatan(actorOf(req), req.params.id, req.params.kegiatanId, req.body);
      return { id: row?.id as string };
    },
  );

  app.get(
    '/api/kepegawaian/pegawai',
    {
      schema: {
        tags,
        summary: 'Daftar pegawai',
        querystring: pegawaiListQuerySchema,
        response: { 200: pegawaiListSchema, ...errorResponses },
      },
    },
    async (req) => svc.listPegawai(actorOf(req), req.query),
  );
  app.get(
    '/api/kepegawaian/pegawai/:id',
    {
      schema: {
        tags,
        summary: 'Data pegawai dan riwayat jabatannya',
        params: id,
        response: { 200: pegawaiDetailSchema, ...errorResponses },
      },
    },
    async (req) => svc.getPegawai(actorOf(req), req.params.id),
  );
  app.post(
    '/api/kepegawaian/pegawai',
    {
      schema: {
        tags,
        summary: 'Tambah pegawai (dan akunnya)',
        body: pegawaiCreateSchema,
        response: { 201: pegawaiCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createPegawai(actorOf(req), req.body)),
  );
  app.put(
    '/api/kepegawaian/pegawai/:id',
    {
      schema: {
        tags,
        summary: 'Ubah data pegawai',
        params: id,
        body: pegawaiUpdateSchema,
        response: { 200: pegawaiDetailSchema, ...errorResponses },
      },
    },
    async (req) => svc.updatePegawai(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/kepegawaian/pegawai/:id/penugasan',
    {
      schema: {
        tags,
        summary: 'Tambah jabatan yang dipegang (definitif, Plt atau Plh)',
        params: id,
        body: penugasanInputSchema,
        response: { 200: pegawaiDetailSchema, ...errorResponses },
      },
    },
    async (req) => svc.addPenugasan(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/kepegawaian/pegawai/:id/penugasan/:spanId',
    {
      schema: {
        tags,
        summary: 'Akhiri jabatan yang dipegang',
        params: z.strictObject({ id: z.string().uuid(), spanId: z.string().uuid() }),
        body: penugasanEndSchema,
        response: { 200: pegawaiDetailSchema, ...errorResponses },
      },
    },
    async (req) => svc.endPenugasan(actorOf(req), req.params.id, req.params.spanId, req.body.selesai),
  );

  app.get(
    '/api/kepegawaian/libur',
    {
      schema: {
        tags,
        summary: 'Hari libur dan cuti bersama',
        querystring: z.object({ tahun }),
        response: { 200: hariLiburListSchema, ...errorResponses },
      },
    },
    async (req) => ({ tahun: req.query.tahun, items: await svc.listLibur(actorOf(req), req.query.tahun) }),
  );
  app.put(
    '/api/kepegawaian/libur',
    {
      schema: {
        tags,
        summary: 'Tetapkan hari libur',
        body: hariLiburInputSchema,
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      await svc.saveLibur(actorOf(req), req.body);
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/kepegawaian/libur/:tanggal',
    {
      schema: {
        tags,
        summary: 'Hapus hari libur',
        params: z.strictObject({ tanggal: tanggalSchema }),
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      await svc.deleteLibur(actorOf(req), req.params.tanggal);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/kepegawaian/cuti',
    {
      schema: {
        tags,
        summary: 'Cuti pegawai dalam rentang tanggal',
        querystring: z.object({
          dari: tanggalSchema,
          sampai: tanggalSchema,
          pegawaiId: z.string().uuid().optional(),
        }),
        response: { 200: cutiListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await svc.listCuti(actorOf(req), req.query) }),
  );
  app.post(
    '/api/kepegawaian/cuti',
    {
      schema: {
        tags,
        summary: 'Catat cuti pegawai',
        body: cutiInputSchema,
        response: { 201: savedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await svc.addCuti(actorOf(req), req.body);
      return reply.code(201).send({ id: row.id });
    },
  );
  app.delete(
    '/api/kepegawaian/cuti/:id',
    {
      schema: {
        tags,
        summary: 'Hapus catatan cuti',
        params: id,
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      await svc.deleteCuti(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/kepegawaian/pengaturan/:tahun',
    {
      schema: {
        tags,
        summary: 'Pengaturan kinerja pegawai satu tahun',
        params: z.strictObject({ tahun }),
        response: { 200: pengaturanKinerjaSchema, ...errorResponses },
      },
    },
    async (req) => svc.getPengaturan(actorOf(req), req.params.tahun),
  );
  app.put(
    '/api/kepegawaian/pengaturan/:tahun',
    {
      schema: {
        tags,
        summary: 'Ubah pengaturan kinerja pegawai satu tahun',
        params: z.strictObject({ tahun }),
        body: pengaturanKinerjaBodySchema,
        response: { 200: pengaturanKinerjaSchema, ...errorResponses },
      },
    },
    async (req) => svc.savePengaturan(actorOf(req), req.params.tahun, req.body.settings, req.body.version),
  );
};
