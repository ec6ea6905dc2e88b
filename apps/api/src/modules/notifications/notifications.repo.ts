import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { roleAssignments, users } from '../../db/schema/auth';
import { notifications } from '../../db/schema/laporan';

export type NotificationKind = (typeof notifications.$inferInsert)['kind'];

export function createNotificationsRepo(db: Db) {
  return {
    /** One notification for every active person who reports for the unit (lurah/camat, operator). */
    async notifyUnit(
      n: {
        kode: string;
        kind: NotificationKind;
        laporanId: string | null;
        message: string;
        dedupeKey?: string;
      },
      tx: DbOrTx = db,
    ) {
      const recipients = await tx
        .selectDistinct({ id: users.id })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(roleAssignments.wilayahKode, n.kode),
            inArray(roleAssignments.role, ['camat', 'lurah', 'operator']),
            eq(users.active, true),
          ),
        );
      if (recipients.length === 0) return;
      await tx
        .insert(notifications)
        .values(
          recipients.map((r) => ({
            userId: r.id,
            kind: n.kind,
            laporanId: n.laporanId,
            message: n.message,
            dedupeKey: n.dedupeKey ?? null,
          })),
        )
        .onConflictDoNothing();
    },

    /** A reminder to one person, made at most once per dedupe key. */
    async remind(
      n: {
        userId: string;
        kind: NotificationKind;
        laporanId: string | null;
        message: string;
        dedupeKey: string;
      },
      tx: DbOrTx = db,
    ) {
      await tx.insert(notifications).values(n).onConflictDoNothing();
    },

    async list(userId: string, limit: number, tx: DbOrTx = db) {
      return tx
        .select()
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },

    async unread(userId: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return rows[0]?.n ?? 0;
    },

    /** Marks one (or, without id, every) unread notification of the user read; returns how many. */
    async markRead(userId: string, id: string | null, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
        .where(
          and(eq(notifications.userId, userId), id ? eq(notifications.id, id) : isNull(notifications.readAt)),
        )
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}
export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
