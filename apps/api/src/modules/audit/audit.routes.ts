import { auditFacetsSchema, auditPageSchema, auditQuerySchema } from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import { assertCan } from '../authz/authz';
import type { AuditRepo } from './audit.repo';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditRepo }> = async (app, { audit }) => {
  app.get(
    '/api/audit/facets',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nilai filter log audit: aksi, entitas dan pelaku yang ada',
        response: { 200: auditFacetsSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      return audit.facets(actor.pemdaKode);
    },
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
    async (req) => {
      const actor = actorOf(req);
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      const { rows, total } = await audit.list({ ...req.query, pemdaKode: actor.pemdaKode });
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorUsername: r.actorUsername,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
          reason: r.reason,
          ip: r.ip,
        })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
};
