import { auditFacetsSchema, auditPageSchema, auditQuerySchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ auditService: AuditService }> = async (
  app,
  { auditService },
) => {
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
};
