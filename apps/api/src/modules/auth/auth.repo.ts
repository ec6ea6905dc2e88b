import { and, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import {
  authThrottle,
  refreshTokens,
  roleAssignments,
  sessions,
  totpRecoveryCodes,
  users,
} from '../../db/schema/auth';
import { wilayah } from '../../db/schema/wilayah';

export type ThrottleKind = (typeof authThrottle.$inferSelect)['kind'];

/** An account as the throttle sees it: login attempts count by username, the others by id. */
export interface ThrottledAccount {
  id: string;
  username: string;
}
const ACCOUNT_KINDS: ThrottleKind[] = ['password_change', 'totp'];

/** The throttle rows that belong to these accounts. */
const rowsOfAccounts = (accounts: readonly ThrottledAccount[]) =>
  or(
    and(
      eq(authThrottle.kind, 'login'),
      inArray(
        authThrottle.subject,
        accounts.map((a) => a.username.toLowerCase()),
      ),
    ),
    and(
      inArray(authThrottle.kind, ACCOUNT_KINDS),
      inArray(
        authThrottle.subject,
        accounts.map((a) => a.id),
      ),
    ),
  );

export function createAuthRepo(db: Db) {
  return {
    async findUserByUsername(username: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(users)
        .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
        .limit(1);
      return rows[0];
    },

    async findUserById(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0];
    },

    async rolesOf(userId: string, tx: DbOrTx = db) {
      return tx
        .select({
          id: roleAssignments.id,
          role: roleAssignments.role,
          wilayahKode: roleAssignments.wilayahKode,
          wilayahNama: wilayah.nama,
        })
        .from(roleAssignments)
        .innerJoin(wilayah, eq(wilayah.kode, roleAssignments.wilayahKode))
        .where(eq(roleAssignments.userId, userId))
        .orderBy(roleAssignments.role, roleAssignments.wilayahKode);
    },

    /** The session behind an access token, with its user, only while both are valid. */
    async findLiveSession(sessionId: string, userId: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.id, sessionId),
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            sql`${sessions.expiresAt} > ${now.toISOString()}`,
            eq(users.active, true),
          ),
        )
        .limit(1);
      return rows[0];
    },

    /** The throttle row of one (kind, subject, address), if any. */
    async throttle(kind: ThrottleKind, subject: string, ip: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(authThrottle)
        .where(and(eq(authThrottle.kind, kind), eq(authThrottle.subject, subject), eq(authThrottle.ip, ip)))
        .limit(1);
      return rows[0];
    },

    /** Counts one more failure; returns the new count. */
    async addFailure(kind: ThrottleKind, subject: string, ip: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .insert(authThrottle)
        .values({ kind, subject, ip, failures: 1, updatedAt: now })
        .onConflictDoUpdate({
          target: [authThrottle.kind, authThrottle.subject, authThrottle.ip],
          set: { failures: sql`${authThrottle.failures} + 1`, updatedAt: now },
        })
        .returning({ failures: authThrottle.failures });
      return rows[0]?.failures ?? 1;
    },

    async lockThrottle(kind: ThrottleKind, subject: string, ip: string, until: Date, tx: DbOrTx = db) {
      await tx
        .update(authThrottle)
        .set({ lockedUntil: until })
        .where(and(eq(authThrottle.kind, kind), eq(authThrottle.subject, subject), eq(authThrottle.ip, ip)));
    },

    /** The live locks (any address, any kind) of these accounts. */
    async locksOf(accounts: readonly ThrottledAccount[], now: Date, tx: DbOrTx = db) {
      if (accounts.length === 0) return [];
      return tx
        .select({
          kind: authThrottle.kind,
          subject: authThrottle.subject,
          ip: authThrottle.ip,
          lockedUntil: authThrottle.lockedUntil,
        })
        .from(authThrottle)
        .where(and(gt(authThrottle.lockedUntil, now), rowsOfAccounts(accounts)));
    },

    /** Ids of a pemda's accounts that have a live lock from some address. */
    async lockedUserIds(pemdaKode: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .selectDistinct({ id: users.id })
        .from(users)
        .innerJoin(
          authThrottle,
          or(
            and(eq(authThrottle.kind, 'login'), eq(authThrottle.subject, sql`lower(${users.username})`)),
            and(inArray(authThrottle.kind, ACCOUNT_KINDS), eq(authThrottle.subject, sql`${users.id}::text`)),
          ),
        )
        .where(and(eq(users.pemdaKode, pemdaKode), gt(authThrottle.lockedUntil, now)));
      return rows.map((r) => r.id);
    },

    /**
     * Forgets the failed passwords against an account (login and password change) from every
     * address, keeping its second-factor throttle: a reset by e-mail proves the mailbox, not the
     * authenticator.
     */
    async clearPasswordThrottlesOf(account: ThrottledAccount, tx: DbOrTx = db) {
      await tx
        .delete(authThrottle)
        .where(
          or(
            and(eq(authThrottle.kind, 'login'), eq(authThrottle.subject, account.username.toLowerCase())),
            and(eq(authThrottle.kind, 'password_change'), eq(authThrottle.subject, account.id)),
          ),
        );
    },

    /** Sets a new password only if the current one is still `expectedHash`; false when it changed meanwhile. */
    async replacePassword(
      userId: string,
      expectedHash: string,
      passwordHash: string,
      now: Date,
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          updatedAt: now,
          version: sql`${users.version} + 1`,
        })
        .where(and(eq(users.id, userId), eq(users.passwordHash, expectedHash)))
        .returning({ id: users.id });
      return rows.length === 1;
    },

    /** Forgets every failed attempt against an account from every address (an admin's unlock or reset). */
    async clearThrottlesOf(account: ThrottledAccount, tx: DbOrTx = db) {
      await tx.delete(authThrottle).where(rowsOfAccounts([account]));
    },

    async clearThrottle(kind: ThrottleKind, subject: string, ip: string, tx: DbOrTx = db) {
      await tx
        .delete(authThrottle)
        .where(and(eq(authThrottle.kind, kind), eq(authThrottle.subject, subject), eq(authThrottle.ip, ip)));
    },

    async createSession(
      values: {
        userId: string;
        expiresAt: Date;
        lastUsedAt: Date;
        ip: string | null;
        userAgent: string | null;
      },
      tx: DbOrTx = db,
    ) {
      const rows = await tx.insert(sessions).values(values).returning();
      return rows[0]!;
    },

    async insertRefreshToken(
      values: { sessionId: string; tokenHash: string; expiresAt: Date },
      tx: DbOrTx = db,
    ) {
      await tx.insert(refreshTokens).values(values);
    },

    async findRefreshToken(tokenHash: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ token: refreshTokens, session: sessions })
        .from(refreshTokens)
        .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
        .where(eq(refreshTokens.tokenHash, tokenHash))
        .limit(1);
      return rows[0];
    },

    /** Marks a token used; false when another request used it first (a race or a replay). */
    async useRefreshToken(id: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(refreshTokens)
        .set({ usedAt: now })
        .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt)))
        .returning({ id: refreshTokens.id });
      return rows.length === 1;
    },

    async touchSession(id: string, now: Date, tx: DbOrTx = db) {
      await tx.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, id));
    },

    /** Records activity for the idle timeout, at most once a minute per session (one cheap UPDATE). */
    async touchSessionIfOlder(id: string, now: Date, olderThan: Date, tx: DbOrTx = db) {
      await tx
        .update(sessions)
        .set({ lastUsedAt: now })
        .where(and(eq(sessions.id, id), lt(sessions.lastUsedAt, olderThan)));
    },

    async setPendingTotp(userId: string, sealedSecret: string | null, tx: DbOrTx = db) {
      await tx.update(users).set({ totpPendingSecret: sealedSecret }).where(eq(users.id, userId));
    },

    /** The confirmed secret becomes active with fresh recovery codes (the old ones are gone). */
    async enableTotp(
      userId: string,
      values: { sealedSecret: string; step: number; recoveryCodeHashes: string[]; now: Date },
      tx: DbOrTx = db,
    ) {
      await tx
        .update(users)
        .set({
          totpSecret: values.sealedSecret,
          totpPendingSecret: null,
          totpEnabledAt: values.now,
          totpLastStep: values.step,
          updatedAt: values.now,
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, userId));
      await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
      await tx
        .insert(totpRecoveryCodes)
        .values(values.recoveryCodeHashes.map((codeHash) => ({ userId, codeHash })));
    },

    async disableTotp(userId: string, now: Date, tx: DbOrTx = db) {
      await tx
        .update(users)
        .set({
          totpSecret: null,
          totpPendingSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
          updatedAt: now,
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, userId));
      await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
    },

    /** Moves the last accepted step forward; false when this step (or a later one) was used already. */
    async advanceTotpStep(userId: string, step: number, tx: DbOrTx = db) {
      const rows = await tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      return rows.length === 1;
    },

    /** Uses a recovery code once; false when unknown or used. */
    async useRecoveryCode(userId: string, codeHash: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(totpRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(totpRecoveryCodes.userId, userId),
            eq(totpRecoveryCodes.codeHash, codeHash),
            isNull(totpRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: totpRecoveryCodes.id });
      return rows.length === 1;
    },

    async unusedRecoveryCodes(userId: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(totpRecoveryCodes)
        .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
      return rows[0]?.n ?? 0;
    },

    async revokeSession(id: string, reason: string, now: Date, tx: DbOrTx = db) {
      await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    },

    async revokeAllSessions(
      userId: string,
      reason: string,
      now: Date,
      tx: DbOrTx = db,
      exceptSessionId?: string,
    ) {
      await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
          ),
        );
    },

    async setPassword(userId: string, passwordHash: string, now: Date, tx: DbOrTx = db) {
      await tx
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          updatedAt: now,
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, userId));
    },
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
