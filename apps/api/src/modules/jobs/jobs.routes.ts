import { jobListQuerySchema, jobListSchema, jobParamsSchema, jobSchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { JobsService } from './jobs.service';

const tags = ['jobs'];

export const jobsRoutes: FastifyPluginAsyncZod<{ jobsService: JobsService }> = async (
  app,
  { jobsService },
) => {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags,
        summary: 'Pekerjaan latar: milik sendiri, atau (admin) semua pekerjaan pemda dan instalasi',
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema, ...errorResponses },
      },
    },
    async (req) => jobsService.list(actorOf(req), req.query),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Satu pekerjaan latar: status, kemajuan, hasil',
        params: jobParamsSchema,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    async (req) => jobsService.get(actorOf(req), req.params.id),
  );

  app.get(
    '/api/jobs/:id/file',
    {
      schema: {
        tags,
        summary: 'Unduh berkas hasil pekerjaan (hanya oleh yang memulainya, selama haknya masih ada)',
        params: jobParamsSchema,
      },
    },
    async (req, reply) => {
      const { file, body } = await jobsService.file(actorOf(req), req.params.id);
      const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(body);
    },
  );
};
