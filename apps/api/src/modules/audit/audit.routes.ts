import { auditExportQuerySchema, auditFacetsSchema, auditPageSchema, auditQuerySchema } from '@sip/contracts';
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

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'Unduh log audit terfilter (CSV atau XLSX) dengan nama dan perubahan per kolom',
        querystring: auditExportQuerySchema,
      },
    },
    async (req, reply) => {
      const file = await auditService.export(actorOf(req), req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
};
