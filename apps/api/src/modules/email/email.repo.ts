import type { NotificationKind } from '@sip/contracts';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { users } from '../../db/schema/auth';
import { emailOutbox, userEmail } from '../../db/schema/email';
import { notifications } from '../../db/schema/laporan';

export type UserEmailRow = typeof userEmail.$inferSelect;
const pending = and(isNull(emailOutbox.sentAt), eq(emailOutbox.skipped, false));

export function createEmailRepo(db: Db) {
  return {
    async get(userId: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(userEmail).where(eq(userEmail.userId, userId)).limit(1);
      return rows[0];
    },

    /** Writes only if nobody changed it since `expectedVersion` was read; undefined when stale. */
    async save(
      userId: string,
      values: Pick<UserEmailRow, 'alamat' | 'terverifikasiAt' | 'jenis' | 'frekuensi'>,
      expectedVersion: number,
      now: Date,
      tx: DbOrTx = db,
    ) {
      if (expectedVersion === 0) {
        const inserted = await tx
          .insert(userEmail)
          .values({ userId, ...values, version: 1, updatedAt: now })
          .onConflictDoNothing()
          .returning();
        return inserted[0];
      }
      const rows = await tx
        .update(userEmail)
        .set({ ...values, version: sql`${userEmail.version} + 1`, updatedAt: now })
        .where(and(eq(userEmail.userId, userId), eq(userEmail.version, expectedVersion)))
        .returning();
      return rows[0];
    },

    /** Confirms the address only if it is still the one the link was sent to. */
    async confirm(userId: string, alamat: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(userEmail)
        .set({ terverifikasiAt: now, version: sql`${userEmail.version} + 1`, updatedAt: now })
        .where(and(eq(userEmail.userId, userId), eq(userEmail.alamat, alamat)))
        .returning();
      return rows[0];
    },

    /** Stops one kind, or every kind (null), and drops what waited to be sent of it. */
    async stop(userId: string, kind: NotificationKind | null, now: Date, tx: DbOrTx = db) {
      const jenis = kind === null ? sql`'[]'::jsonb` : sql`${userEmail.jenis} - ${kind}::text`;
      const rows = await tx
        .update(userEmail)
        .set({ jenis, version: sql`${userEmail.version} + 1`, updatedAt: now })
        .where(eq(userEmail.userId, userId))
        .returning();
      return rows[0];
    },

    async pendingCount(userId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ n: count() })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.userId, userId), pending));
      return row?.n ?? 0;
    },

    /** Everyone with something waiting, with what he chose and who he is. */
    async pendingRecipients(tx: DbOrTx = db) {
      return tx
        .selectDistinctOn([emailOutbox.userId], {
          userId: emailOutbox.userId,
          alamat: userEmail.alamat,
          terverifikasiAt: userEmail.terverifikasiAt,
          jenis: userEmail.jenis,
          frekuensi: userEmail.frekuensi,
          terakhirDikirimAt: userEmail.terakhirDikirimAt,
          nama: users.namaLengkap,
          pemdaKode: users.pemdaKode,
          active: users.active,
        })
        .from(emailOutbox)
        .innerJoin(users, eq(users.id, emailOutbox.userId))
        .leftJoin(userEmail, eq(userEmail.userId, emailOutbox.userId))
        .where(pending)
        .orderBy(emailOutbox.userId);
    },

    /** What waits for one person, oldest first. */
    async pendingItems(userId: string, tx: DbOrTx = db) {
      return tx
        .select({
          id: emailOutbox.id,
          kind: notifications.kind,
          message: notifications.message,
          laporanId: notifications.laporanId,
          attempts: emailOutbox.attempts,
        })
        .from(emailOutbox)
        .innerJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
        .where(and(eq(emailOutbox.userId, userId), pending))
        .orderBy(asc(emailOutbox.createdAt));
    },

    async markSent(userId: string, ids: string[], now: Date, tx: DbOrTx = db) {
      if (ids.length > 0)
        await tx.update(emailOutbox).set({ sentAt: now }).where(inArray(emailOutbox.id, ids));
      await tx.update(userEmail).set({ terakhirDikirimAt: now }).where(eq(userEmail.userId, userId));
    },

    async markSkipped(ids: string[], tx: DbOrTx = db) {
      if (ids.length > 0)
        await tx.update(emailOutbox).set({ skipped: true }).where(inArray(emailOutbox.id, ids));
    },

    async markFailed(ids: string[], tx: DbOrTx = db) {
      if (ids.length > 0)
        await tx
          .update(emailOutbox)
          .set({ attempts: sql`${emailOutbox.attempts} + 1` })
          .where(inArray(emailOutbox.id, ids));
    },
  };
}
export type EmailRepo = ReturnType<typeof createEmailRepo>;
