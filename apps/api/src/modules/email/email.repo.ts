import type { NotificationKind } from '@sip/contracts';
import { and, asc, count, eq, inArray, isNotNull, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
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

    /** When a reset e-mail was last made for the account (its audit row), if ever. */
    async lastResetRequest(userId: string, tx: DbOrTx = db): Promise<Date | undefined> {
      const [row] = await tx
        .select({ at: max(auditLog.at) })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'auth.password_reset_requested'), eq(auditLog.entityId, userId)));
      return row?.at ?? undefined;
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

    /**
     * What waits for one person and no other round holds, oldest first — taken until `until`, so two
     * rounds (two instances, or a slow one and the next) never send the same notification.
     */
    async claimPending(userId: string, now: Date, until: Date, tx: DbOrTx = db) {
      const claimed = await tx
        .update(emailOutbox)
        .set({ claimedUntil: until })
        .where(
          and(
            eq(emailOutbox.userId, userId),
            pending,
            or(isNull(emailOutbox.claimedUntil), lt(emailOutbox.claimedUntil, now)),
          ),
        )
        .returning({ id: emailOutbox.id });
      if (claimed.length === 0) return [];
      return tx
        .select({
          id: emailOutbox.id,
          kind: notifications.kind,
          message: notifications.message,
          laporanId: notifications.laporanId,
          createdAt: emailOutbox.createdAt,
        })
        .from(emailOutbox)
        .innerJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
        .where(
          inArray(
            emailOutbox.id,
            claimed.map((c) => c.id),
          ),
        )
        .orderBy(asc(emailOutbox.createdAt));
    },

    /** Lets go of rows a round claimed but did not send (not due yet, or the server refused). */
    async release(ids: string[], failed: boolean, tx: DbOrTx = db) {
      if (ids.length === 0) return;
      await tx
        .update(emailOutbox)
        .set({ claimedUntil: null, ...(failed ? { attempts: sql`${emailOutbox.attempts} + 1` } : {}) })
        .where(inArray(emailOutbox.id, ids));
    },

    async markSent(userId: string, ids: string[], now: Date, tx: DbOrTx = db) {
      if (ids.length > 0)
        await tx.update(emailOutbox).set({ sentAt: now }).where(inArray(emailOutbox.id, ids));
      await tx.update(userEmail).set({ terakhirDikirimAt: now }).where(eq(userEmail.userId, userId));
    },

    /** Forgets sent and set-aside rows older than `before` (the notifications themselves stay). */
    async prune(before: Date, tx: DbOrTx = db) {
      await tx
        .delete(emailOutbox)
        .where(
          and(
            or(isNotNull(emailOutbox.sentAt), eq(emailOutbox.skipped, true)),
            lt(emailOutbox.createdAt, before),
          ),
        );
    },

    async markSkipped(ids: string[], tx: DbOrTx = db) {
      if (ids.length > 0)
        await tx.update(emailOutbox).set({ skipped: true }).where(inArray(emailOutbox.id, ids));
    },
  };
}
export type EmailRepo = ReturnType<typeof createEmailRepo>;
