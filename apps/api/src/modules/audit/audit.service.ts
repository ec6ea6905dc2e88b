import type { AuditFacets, AuditPage, AuditQuery } from '@sip/contracts';
import { type Actor, assertCan } from '../authz/authz';
import type { AuditRepo } from './audit.repo';

/** The audit log viewer of a pemda (admin). */
export function createAuditService({ repo }: { repo: AuditRepo }) {
  return {
    async facets(actor: Actor): Promise<AuditFacets> {
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      return repo.facets(actor.pemdaKode);
    },

    async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      const { rows, total } = await repo.list({ ...q, pemdaKode: actor.pemdaKode });
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
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
