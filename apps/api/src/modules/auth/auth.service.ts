import { createHash, randomBytes } from 'node:crypto';
import type { Me } from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { type AuditRepo, type AuditWho, nobody } from '../audit/audit.repo';
import type { Actor } from '../authz/authz';
import type { AuthRepo } from './auth.repo';
import { createThrottle } from './auth.throttle';
import { getDummyHash, hashPassword, verifyPassword } from './password';
import type { SessionCache } from './session-cache';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface AuthServiceDeps {
  db: Db;
  repo: AuthRepo;
  audit: AuditRepo;
  clock: Clock;
  events: Pick<Events, 'emit'>;
  settings: { lockoutThreshold: number; lockoutMinutes: number; refreshTokenTtlDays: number };
  /** Optional: without it every request reads the session from the database. */
  sessionCache?: SessionCache;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newRefreshToken = () => randomBytes(32).toString('base64url');

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah. Periksa lalu coba lagi.');
const sessionEnded = () =>
  new AppError('UNAUTHENTICATED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');

export function createAuthService({
  db,
  repo,
  audit,
  clock,
  events,
  settings,
  sessionCache,
}: AuthServiceDeps) {
  const throttle = createThrottle({ repo, clock, settings });
  const refreshExpiry = (now: Date) => new Date(now.getTime() + settings.refreshTokenTtlDays * 86_400_000);

  async function toMe(user: {
    id: string;
    username: string;
    namaLengkap: string;
    nip: string | null;
    mustChangePassword: boolean;
  }): Promise<Me> {
    const roles = await repo.rolesOf(user.id);
    return {
      id: user.id,
      username: user.username,
      namaLengkap: user.namaLengkap,
      nip: user.nip,
      mustChangePassword: user.mustChangePassword,
      roles,
    };
  }

  /** A stolen refresh token was replayed: the whole session ends. */
  async function endStolenSession(who: AuditWho, sessionId: string, now: Date, ip: string | null) {
    await repo.revokeSession(sessionId, 'refresh_token_reuse', now);
    events.emit('session.revoked', { sessionId });
    await audit.record(who, {
      action: 'auth.refresh_reuse',
      entity: 'session',
      entityId: sessionId,
      after: { revoked: true },
      ip,
    });
  }

  return {
    async login(username: string, password: string, meta: RequestMeta) {
      const now = clock.now();
      const subject = username.toLowerCase();
      const ip = meta.ip ?? '';
      const user = await repo.findUserByUsername(username);
      const who: AuditWho = user
        ? { userId: user.id, username: user.username, pemdaKode: user.pemdaKode }
        : nobody;
      const base = { entity: 'user', entityId: user?.id ?? null, ip: meta.ip };
      try {
        await throttle.assertOpen('login', subject, ip);
      } catch (err) {
        await audit.record(who, {
          ...base,
          action: 'auth.login_refused',
          after: { username, reason: 'locked' },
        });
        throw err;
      }
      // An unknown name costs the same time and counts the same as a wrong password.
      const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
      if (!user || !ok) {
        const { failures, locked } = await throttle.failed('login', subject, ip);
        await audit.record(who, {
          ...base,
          action: 'auth.login_failed',
          after: { username, reason: user ? 'wrong_password' : 'unknown_user', failures, locked },
        });
        throw invalidCredentials();
      }
      await throttle.succeeded('login', subject, ip);
      if (!user.active) {
        await audit.record(who, { ...base, action: 'auth.login_refused', after: { reason: 'inactive' } });
        throw new AppError('FORBIDDEN', 'Akun Anda dinonaktifkan. Hubungi admin pemda Anda.');
      }
      const refreshToken = newRefreshToken();
      const session = await db.transaction(async (tx) => {
        const s = await repo.createSession(
          {
            userId: user.id,
            expiresAt: refreshExpiry(now),
            ip: meta.ip,
            userAgent: meta.userAgent?.slice(0, 300) ?? null,
          },
          tx,
        );
        await repo.insertRefreshToken(
          { sessionId: s.id, tokenHash: sha256(refreshToken), expiresAt: refreshExpiry(now) },
          tx,
        );
        await audit.record(who, { ...base, action: 'auth.login', after: { sessionId: s.id } }, tx);
        return s;
      });
      return { me: await toMe(user), sessionId: session.id, userId: user.id, refreshToken };
    },

    /** Rotates the refresh token. A token used twice means it was stolen: the whole family is revoked. */
    async refresh(token: string | undefined, meta: RequestMeta) {
      if (!token) throw sessionEnded();
      const now = clock.now();
      const found = await repo.findRefreshToken(sha256(token));
      if (!found) throw sessionEnded();
      const { token: row, session } = found;
      const user = await repo.findUserById(session.userId);
      const who: AuditWho = user
        ? { userId: user.id, username: user.username, pemdaKode: user.pemdaKode }
        : nobody;
      if (row.usedAt) {
        await endStolenSession(who, session.id, now, meta.ip);
        throw sessionEnded();
      }
      if (session.revokedAt || row.expiresAt <= now || session.expiresAt <= now || !user || !user.active) {
        throw sessionEnded();
      }
      const next = newRefreshToken();
      const rotated = await db.transaction(async (tx) => {
        if (!(await repo.useRefreshToken(row.id, now, tx))) return false;
        await repo.insertRefreshToken(
          { sessionId: session.id, tokenHash: sha256(next), expiresAt: session.expiresAt },
          tx,
        );
        await repo.touchSession(session.id, now, tx);
        return true;
      });
      if (!rotated) {
        await endStolenSession(who, session.id, now, meta.ip);
        throw sessionEnded();
      }
      return { me: await toMe(user), sessionId: session.id, userId: user.id, refreshToken: next };
    },

    async logout(actor: Actor, meta: RequestMeta) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.revokeSession(actor.sessionId, 'logout', now, tx);
        await audit.record(
          actor,
          { action: 'auth.logout', entity: 'session', entityId: actor.sessionId, ip: meta.ip },
          tx,
        );
      });
      events.emit('session.revoked', { sessionId: actor.sessionId });
    },

    /** Resolves an access token's claims to a live actor; a revoked session or disabled user gets 401. */
    async authenticate(claims: { sub: string; sid: string }): Promise<Actor> {
      const cached = sessionCache?.get(claims.sid);
      if (cached && cached.userId === claims.sub) return cached;
      const found = await repo.findLiveSession(claims.sid, claims.sub, clock.now());
      if (!found) throw sessionEnded();
      const roles = await repo.rolesOf(found.user.id);
      const actor: Actor = {
        userId: found.user.id,
        username: found.user.username,
        namaLengkap: found.user.namaLengkap,
        pemdaKode: found.user.pemdaKode,
        sessionId: found.session.id,
        roles: roles.map((r) => ({ role: r.role, wilayahKode: r.wilayahKode })),
        mustChangePassword: found.user.mustChangePassword,
      };
      sessionCache?.set(actor, found.session.expiresAt);
      return actor;
    },

    async me(actor: Actor): Promise<Me> {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      return toMe(user);
    },

    /** Changing the password ends every other session of the user. */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string, meta: RequestMeta) {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      const ip = meta.ip ?? '';
      await throttle.assertOpen('password_change', user.id, ip);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        await throttle.failed('password_change', user.id, ip);
        throw new AppError('VALIDATION', 'Kata sandi lama salah.', [
          { path: 'currentPassword', message: 'Kata sandi lama salah.' },
        ]);
      }
      await throttle.succeeded('password_change', user.id, ip);
      if (currentPassword === newPassword) {
        throw new AppError('VALIDATION', 'Kata sandi baru harus berbeda dari yang lama.', [
          { path: 'newPassword', message: 'Kata sandi baru harus berbeda dari yang lama.' },
        ]);
      }
      if (newPassword.toLowerCase().includes(user.username.toLowerCase())) {
        throw new AppError('VALIDATION', 'Kata sandi tidak boleh memuat nama pengguna.', [
          { path: 'newPassword', message: 'Kata sandi tidak boleh memuat nama pengguna.' },
        ]);
      }
      const now = clock.now();
      const hashed = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await repo.setPassword(user.id, hashed, now, tx);
        await repo.revokeAllSessions(user.id, 'password_changed', now, tx, actor.sessionId);
        await audit.record(
          actor,
          { action: 'auth.password_changed', entity: 'user', entityId: user.id, ip: meta.ip },
          tx,
        );
      });
      events.emit('user.revoked', { userId: user.id });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
