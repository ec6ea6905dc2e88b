import type { NotificationKind, NotificationParams } from '@sip/contracts';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { notifications } from '../../db/schema/laporan';

export function createNotificationsRepo(db: Db) {
  return {
    /** One notification for each of these people (those who report for the unit). */
    async notifyAll(
      recipients: ReadonlyArray<{ id: string }>,
      n: { kind: NotificationKind; laporanId: string | null; message: string; params: NotificationParams },
      tx: DbOrTx = db,
    ) {
      if (recipients.length === 0) return;
      await tx
        .insert(notifications)
        .values(recipients.map((r) => ({ userId: r.id, ...n, dedupeKey: null })))
        .onConflictDoNothing();
    },

    /** A reminder to one person, made at most once per dedupe key; true when it is new. */
    async remind(
      n: {
        userId: string;
        kind: NotificationKind;
        laporanId: string | null;
        message: string;
        params: NotificationParams;
        dedupeKey: string;
      },
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .insert(notifications)
        .values(n)
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      return rows.length > 0;
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
