import { berandaTugasSchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { BerandaService } from './beranda.service';

export const berandaRoutes: FastifyPluginAsyncZod<{ berandaService: BerandaService }> = async (
  app,
  { berandaService },
) => {
  app.get(
    '/api/beranda/tugas',
    {
      schema: {
        tags: ['beranda'],
        summary:
          'Daftar tugas pengguna: laporan yang harus diisi, kajian yang menunggu, hal yang perlu admin tangani',
        response: { 200: berandaTugasSchema, ...errorResponses },
      },
    },
    async (req) => berandaService.tugas(actorOf(req)),
  );
};
