import type { AuditAction } from '@sip/contracts';
import { and, asc, count, desc, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { users } from '../../db/schema/auth';
import { startOfDay, type TimeZone } from '../../lib/time';

/** Who did it: a signed-in actor, a user record, or nobody known (a failed login for an unknown name). */
export interface AuditWho {
  userId: string | null;
  username: string | null;
  pemdaKode: string | null;
}
export const nobody: AuditWho = { userId: null, username: null, pemdaKode: null };

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  ip?: string | null;
  /** The pemda the row belongs to, when not the actor's (default: the actor's). */
  pemdaKode?: string | null;
}

export interface AuditFilter {
  pemdaKode: string;
  /** The pemda's zone: `from` and `to` are its calendar days. */
  zona: TimeZone;
  action?: string | undefined;
  entity?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** The most rows one audit export holds; narrower filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export function createAuditRepo(db: Db) {
  /** The viewer's filter as SQL conditions (the pemda's calendar days for from/to). */
  function conditions(f: Omit<AuditFilter, 'page' | 'pageSize'>) {
    const where: SQL[] = [eq(auditLog.pemdaKode, f.pemdaKode)];
    if (f.action) where.push(eq(auditLog.action, f.action));
    if (f.entity) where.push(eq(auditLog.entity, f.entity));
    if (f.actor) where.push(eq(auditLog.actorUsername, f.actor));
    const day = (iso: string) => iso.split('-').map(Number) as [number, number, number];
    if (f.from) where.push(gte(auditLog.at, startOfDay(f.zona, ...day(f.from))));
    if (f.to) {
      const [y, m, d] = day(f.to);
      where.push(lt(auditLog.at, startOfDay(f.zona, y, m, d + 1)));
    }
    return and(...where);
  }

  return {
    /** One append-only row: who, when (the database's clock), what, before, after, why. */
    async record(who: AuditWho, event: AuditEvent, tx: DbOrTx = db) {
      await tx.insert(auditLog).values({
        actorId: who.userId,
        actorUsername: who.username,
        pemdaKode: event.pemdaKode ?? who.pemdaKode,
        action: event.action,
        entity: event.entity,
        entityId: event.entityId ?? null,
        before: event.before ?? null,
        after: event.after ?? null,
        reason: event.reason ?? null,
        ip: event.ip ?? null,
      });
    },

    async list(f: AuditFilter, tx: DbOrTx = db) {
      const cond = conditions(f);
      const [rows, totals] = await Promise.all([
        tx
          .select()
          .from(auditLog)
          .where(cond)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        tx.select({ n: count() }).from(auditLog).where(cond),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },

    /**
     * The rows of a filter for an export, newest first, at most `limit`, with names a person reads
     * instead of ids: the actor's full name and the object's (a user's name, a unit's, a report's
     * unit and month).
     */
    async exportRows(f: Omit<AuditFilter, 'page' | 'pageSize'>, limit: number, tx: DbOrTx = db) {
      const rows = await tx
        .select({
          row: auditLog,
          actorNama: users.namaLengkap,
          objekNama: sql<string | null>`case
            when ${auditLog.entity} = 'user' then (select u.nama_lengkap from users u where u.id::text = ${auditLog.entityId})
            when ${auditLog.entity} = 'unit' then (select w.nama from wilayah w where w.kode = ${auditLog.entityId})
            when ${auditLog.entity} = 'laporan' then (
              select w.nama || ' — ' || case when l.kind = 'bulanan' then 'bulan ' || l.bulan else 'tahunan' end
              from laporan l join wilayah w on w.kode = l.wilayah_kode where l.id::text = ${auditLog.entityId})
            else null end`,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(conditions(f))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit + 1);
      return { rows: rows.slice(0, limit), truncated: rows.length > limit };
    },

    /** The rows of one object (a report, a user …), oldest first, with the actor's full name. */
    async history(entity: string, entityId: string, tx: DbOrTx = db) {
      return tx
        .select({ row: auditLog, actorNama: users.namaLengkap })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
        .orderBy(asc(auditLog.at), asc(auditLog.id));
    },

    /** Distinct actions, entities and actors of a pemda's log, for the viewer's filters. */
    async facets(pemdaKode: string, tx: DbOrTx = db) {
      const where = eq(auditLog.pemdaKode, pemdaKode);
      const [actions, entities, actors] = await Promise.all([
        tx.selectDistinct({ v: auditLog.action }).from(auditLog).where(where).orderBy(auditLog.action),
        tx.selectDistinct({ v: auditLog.entity }).from(auditLog).where(where).orderBy(auditLog.entity),
        tx
          .selectDistinct({ v: auditLog.actorUsername })
          .from(auditLog)
          .where(and(where, isNotNull(auditLog.actorUsername)))
          .orderBy(auditLog.actorUsername),
      ]);
      return {
        actions: actions.map((r) => r.v),
        entities: entities.map((r) => r.v),
        actors: actors.map((r) => r.v as string),
      };
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
