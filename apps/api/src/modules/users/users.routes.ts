import {
  createUserBodySchema,
  importUsersBodySchema,
  importUsersResultSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userPageSchema,
  userSchema,
  userWithPasswordSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { JobsService } from '../jobs/jobs.service';
import type { UsersImport } from './users.import';
import type { UsersService } from './users.service';

const idParams = z.strictObject({ id: z.uuid('Pengguna tidak ditemukan') });

export const usersRoutes: FastifyPluginAsyncZod<{
  usersService: UsersService;
  usersImport: UsersImport;
  jobsService: Pick<JobsService, 'get'>;
}> = async (app, { usersService, usersImport, jobsService }) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Pengguna pemda: cari, urutkan, halaman',
        querystring: userListQuerySchema,
        response: { 200: userPageSchema, ...errorResponses },
      },
    },
    async (req) => usersService.list(actorOf(req), req.query),
  );

  app.get(
    '/api/users/export.csv',
    {
      schema: {
        tags: ['users'],
        summary: 'Ekspor pengguna dan perannya sebagai CSV (pemisah ;)',
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const csv = await usersService.exportCsv(actor);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="pengguna-${actor.pemdaKode}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/api/users/import',
    {
      schema: {
        tags: ['users'],
        summary:
          'Impor pengguna dari CSV: semua baris diperiksa, satu baris salah = tidak ada yang diimpor; lebih dari 20 akun dibuat sebagai pekerjaan latar (202)',
        body: importUsersBodySchema,
        response: { 200: importUsersResultSchema, 202: importUsersResultSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { jobId, ...result } = await usersImport.importCsv(actor, req.body, req.ip);
      if (!jobId) return result;
      return reply.status(202).send({ ...result, job: await jobsService.get(actor, jobId) });
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Buat pengguna (kata sandi sementara ditampilkan sekali)',
        body: createUserBodySchema,
        response: { 201: userWithPasswordSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await usersService.create(actorOf(req), req.body, req.ip)),
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Satu pengguna dengan perannya',
        params: idParams,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => usersService.get(actorOf(req), req.params.id),
  );

  app.put(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Ubah pengguna, perannya dan status aktif (nonaktif = semua sesi diakhiri)',
        params: idParams,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => usersService.update(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Atur ulang kata sandi: sandi sementara, wajib diganti saat masuk',
        params: idParams,
        body: resetPasswordBodySchema,
        response: { 200: userWithPasswordSchema, ...errorResponses },
      },
    },
    async (req) => usersService.resetPassword(actorOf(req), req.params.id, req.body.version, req.ip),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Buka kunci akun: lupakan kata sandi salah dari semua alamat',
        params: idParams,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => usersService.unlock(actorOf(req), req.params.id, req.ip),
  );
};
