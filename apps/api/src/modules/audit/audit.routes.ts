import {
  auditExportBodySchema,
  auditFacetsSchema,
  auditPageSchema,
  auditQuerySchema,
  jobStartedSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { JobsService } from '../jobs/jobs.service';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{
  auditService: AuditService;
  jobsService: Pick<JobsService, 'get'>;
}> = async (app, { auditService, jobsService }) => {
  app.get(
    '/api/audit/facets',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nilai filter log audit: aksi, entitas dan pelaku yang ada',
        response: { 200: auditFacetsSchema, ...errorResponses },
      },
    },
    async (req) => auditService.facets(actorOf(req)),
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Log audit pemda (admin)',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errorResponses },
      },
    },
    async (req) => auditService.list(actorOf(req), req.query),
  );

  app.post(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Mulai ekspor log audit terfilter (CSV atau XLSX) sebagai pekerjaan latar; berkasnya diunduh dari /api/jobs/:id/file',
        body: auditExportBodySchema,
        response: { 202: jobStartedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await auditService.startExport(actor, req.body);
      return reply.status(202).send({ job: await jobsService.get(actor, id) });
    },
  );
};
