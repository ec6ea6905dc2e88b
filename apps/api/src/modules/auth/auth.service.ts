import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Me, Role, TotpEnrolment, TotpStatus } from '@sip/contracts';
import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { createSecretBox } from '../../lib/secret-box';
import { type AuditRepo, type AuditWho, nobody } from '../audit/audit.repo';
import { type Actor, holdsAdminRole } from '../authz/authz';
import type { Zones } from '../pemda/pemda.zona';
import type { AuthRepo } from './auth.repo';
import { createThrottle } from './auth.throttle';
import { getDummyHash, hashPassword, verifyPassword } from './password';
import type { PasswordPolicy } from './password-policy';
import type { SessionCache } from './session-cache';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './totp';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface AuthServiceDeps {
  db: Db;
  repo: AuthRepo;
  audit: AuditRepo;
  zones: Zones;
  clock: Clock;
  events: Pick<Events, 'emit'>;
  passwordPolicy: PasswordPolicy;
  settings: {
    lockoutThreshold: number;
    lockoutMinutes: number;
    refreshTokenTtlDays: number;
    /** Keys of the TOTP secrets and of the login challenges are derived from it. */
    authSecret: string;
    requireTotpRoles: readonly Role[];
    sessionIdleMinutesAdmin: number;
    sessionIdleMinutes: number;
  };
  /** Optional: without it every request reads the session from the database. */
  sessionCache?: SessionCache;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newRefreshToken = () => randomBytes(32).toString('base64url');

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah. Periksa lalu coba lagi.');
const sessionEnded = () =>
  new AppError('UNAUTHENTICATED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
const sessionIdle = () =>
  new AppError('UNAUTHENTICATED', 'Sesi berakhir karena tidak aktif. Silakan masuk kembali.', {
    reason: 'SESSION_IDLE',
  });
const wrongCode = (path = 'code') =>
  new AppError('VALIDATION', 'Kode verifikasi salah atau sudah dipakai.', [
    { path, message: 'Kode verifikasi salah atau sudah dipakai.' },
  ]);

/** Between the password and the code: a login challenge lives 5 minutes. */
const CHALLENGE_MS = 5 * 60_000;
/** last_used_at is written at most this often per session (idle timeout granularity). */
const TOUCH_EVERY_MS = 60_000;

export function createAuthService({
  db,
  repo,
  audit,
  zones,
  clock,
  events,
  settings,
  sessionCache,
  passwordPolicy,
}: AuthServiceDeps) {
  const throttle = createThrottle({ repo, clock, settings });
  const refreshExpiry = (now: Date) => new Date(now.getTime() + settings.refreshTokenTtlDays * 86_400_000);
  const box = createSecretBox(settings.authSecret, 'totp');
  const challengeKey = createHmac('sha256', settings.authSecret)
    .update('sip-kinerja:totp-challenge')
    .digest();

  const idleMinutesOf = (roles: readonly { role: Role }[]) =>
    holdsAdminRole(roles) ? settings.sessionIdleMinutesAdmin : settings.sessionIdleMinutes;
  const totpRequiredOf = (roles: readonly { role: Role }[]) =>
    roles.some((r) => settings.requireTotpRoles.includes(r.role));

  /** Writes last_used_at at most once a minute per session; returns the value it now holds. */
  async function recordActivity(sessionId: string, lastUsedAt: Date, now: Date): Promise<Date> {
    if (now.getTime() - lastUsedAt.getTime() <= TOUCH_EVERY_MS) return lastUsedAt;
    await repo.touchSessionIfOlder(sessionId, now, new Date(now.getTime() - TOUCH_EVERY_MS));
    sessionCache?.touched(sessionId, now);
    return now;
  }

  /** `<payload>.<mac>`: the user and the password's moment, signed; no state kept on the server. */
  function signChallenge(userId: string, now: Date): string {
    const payload = Buffer.from(
      JSON.stringify({ u: userId, e: now.getTime() + CHALLENGE_MS, n: randomBytes(8).toString('hex') }),
    ).toString('base64url');
    const mac = createHmac('sha256', challengeKey).update(payload).digest('base64url');
    return `${payload}.${mac}`;
  }
  function openChallenge(challenge: string, now: Date): string | null {
    const [payload, mac] = challenge.split('.');
    if (!payload || !mac) return null;
    const expected = createHmac('sha256', challengeKey).update(payload).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const { u, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        u: unknown;
        e: unknown;
      };
      if (typeof u !== 'string' || typeof e !== 'number' || e <= now.getTime()) return null;
      return u;
    } catch {
      return null;
    }
  }

  /** A 6-digit code (not replayed) or an unused recovery code of this user. */
  async function checkSecondFactor(
    user: { id: string; totpSecret: string | null },
    code: string,
    now: Date,
  ): Promise<'totp' | 'recovery' | null> {
    if (!user.totpSecret) return null;
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const step = totpStep(box.open(user.totpSecret), trimmed, now);
      return step !== null && (await repo.advanceTotpStep(user.id, step)) ? 'totp' : null;
    }
    return (await repo.useRecoveryCode(user.id, hashRecoveryCode(trimmed), now)) ? 'recovery' : null;
  }

  /** Counts a wrong code like a wrong password (per user and address) and audits it. */
  async function secondFactorFailed(who: AuditWho, userId: string, ip: string | null, during: string) {
    const { failures, locked } = await throttle.failed('totp', userId, ip ?? '');
    await audit.record(who, {
      action: 'auth.totp_failed',
      entity: 'user',
      entityId: userId,
      after: { during, failures, locked },
      ip,
    });
  }

  async function startSession(
    user: { id: string; username: string; pemdaKode: string },
    meta: RequestMeta,
    now: Date,
    secondFactor: 'totp' | 'recovery' | null,
  ) {
    const who: AuditWho = { userId: user.id, username: user.username, pemdaKode: user.pemdaKode };
    const refreshToken = newRefreshToken();
    const session = await db.transaction(async (tx) => {
      const s = await repo.createSession(
        {
          userId: user.id,
          expiresAt: refreshExpiry(now),
          // The service's clock, like every later touch: idle time is measured on one clock.
          lastUsedAt: now,
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        },
        tx,
      );
      await repo.insertRefreshToken(
        { sessionId: s.id, tokenHash: sha256(refreshToken), expiresAt: refreshExpiry(now) },
        tx,
      );
      await audit.record(
        who,
        {
          action: 'auth.login',
          entity: 'user',
          entityId: user.id,
          ip: meta.ip,
          after: { sessionId: s.id, ...(secondFactor ? { secondFactor } : {}) },
        },
        tx,
      );
      return s;
    });
    return { sessionId: session.id, refreshToken };
  }

  async function toMe(user: {
    id: string;
    username: string;
    namaLengkap: string;
    nip: string | null;
    pemdaKode: string;
    mustChangePassword: boolean;
    totpEnabledAt: Date | null;
  }): Promise<Me> {
    const [roles, zona] = await Promise.all([repo.rolesOf(user.id), zones.zonaOf(user.pemdaKode)]);
    return {
      id: user.id,
      username: user.username,
      namaLengkap: user.namaLengkap,
      nip: user.nip,
      mustChangePassword: user.mustChangePassword,
      roles,
      totpEnabled: user.totpEnabledAt !== null,
      mustEnrolTotp: user.totpEnabledAt === null && totpRequiredOf(roles),
      sessionIdleMinutes: idleMinutesOf(roles),
      passwordMinScore: passwordPolicy.minScore,
      zona,
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
      if (user.totpEnabledAt && user.totpSecret) {
        // The password alone opens nothing: the session starts after the code (loginTotp).
        return { totpRequired: true as const, challenge: signChallenge(user.id, now) };
      }
      const started = await startSession(user, meta, now, null);
      return { totpRequired: false as const, me: await toMe(user), userId: user.id, ...started };
    },

    /** The second step of a login: the challenge from the password step and a code (or a recovery code). */
    async loginTotp(challenge: string, code: string, meta: RequestMeta) {
      const now = clock.now();
      const userId = openChallenge(challenge, now);
      if (!userId) {
        throw new AppError('UNAUTHENTICATED', 'Waktu memasukkan kode habis. Silakan masuk kembali.', {
          reason: 'CHALLENGE_EXPIRED',
        });
      }
      const user = await repo.findUserById(userId);
      if (!user?.active || !user.totpSecret) throw sessionEnded();
      const who: AuditWho = { userId: user.id, username: user.username, pemdaKode: user.pemdaKode };
      await throttle.assertOpen('totp', user.id, meta.ip ?? '');
      const used = await checkSecondFactor(user, code, now);
      if (!used) {
        await secondFactorFailed(who, user.id, meta.ip, 'login');
        throw new AppError(
          'INVALID_CREDENTIALS',
          'Kode verifikasi salah atau sudah dipakai. Periksa lalu coba lagi.',
        );
      }
      await throttle.succeeded('totp', user.id, meta.ip ?? '');
      if (used === 'recovery') {
        await audit.record(who, {
          action: 'auth.totp_recovery_used',
          entity: 'user',
          entityId: user.id,
          after: { left: await repo.unusedRecoveryCodes(user.id) },
          ip: meta.ip,
        });
      }
      const started = await startSession(user, meta, now, used);
      return { me: await toMe(user), userId: user.id, ...started };
    },

    /**
     * Rotates the refresh token. A token used twice means it was stolen: the whole family is revoked.
     * A refresh caused by a background request (`activity: false`) does not postpone the idle timeout.
     */
    async refresh(token: string | undefined, meta: RequestMeta, { activity }: { activity: boolean }) {
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
      const idleMinutes = idleMinutesOf(await repo.rolesOf(user.id));
      if (now.getTime() - session.lastUsedAt.getTime() > idleMinutes * 60_000) {
        await repo.revokeSession(session.id, 'idle', now);
        events.emit('session.revoked', { sessionId: session.id });
        await audit.record(who, {
          action: 'auth.session_idle',
          entity: 'session',
          entityId: session.id,
          after: { idleMinutes, lastUsedAt: session.lastUsedAt.toISOString() },
          ip: meta.ip,
        });
        throw sessionIdle();
      }
      const next = newRefreshToken();
      const rotated = await db.transaction(async (tx) => {
        if (!(await repo.useRefreshToken(row.id, now, tx))) return false;
        await repo.insertRefreshToken(
          { sessionId: session.id, tokenHash: sha256(next), expiresAt: session.expiresAt },
          tx,
        );
        if (activity) await repo.touchSession(session.id, now, tx);
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

    /**
     * Resolves an access token's claims to a live actor; a revoked session or disabled user gets 401.
     * `activity: false` for background requests (polling): they do not postpone the idle timeout.
     */
    async authenticate(
      claims: { sub: string; sid: string },
      { activity }: { activity: boolean },
    ): Promise<Actor> {
      const now = clock.now();
      const cached = sessionCache?.get(claims.sid);
      if (cached && cached.actor.userId === claims.sub) {
        if (activity) await recordActivity(claims.sid, cached.lastUsedAt, now);
        return cached.actor;
      }
      const found = await repo.findLiveSession(claims.sid, claims.sub, now);
      if (!found) throw sessionEnded();
      const roles = await repo.rolesOf(found.user.id);
      // The idle timeout (checked at refresh) counts from the last request a person made.
      const lastUsedAt = activity
        ? await recordActivity(found.session.id, found.session.lastUsedAt, now)
        : found.session.lastUsedAt;
      const actor: Actor = {
        userId: found.user.id,
        username: found.user.username,
        namaLengkap: found.user.namaLengkap,
        pemdaKode: found.user.pemdaKode,
        sessionId: found.session.id,
        roles: roles.map((r) => ({ role: r.role, wilayahKode: r.wilayahKode })),
        mustChangePassword: found.user.mustChangePassword,
        mustEnrolTotp: found.user.totpEnabledAt === null && totpRequiredOf(roles),
      };
      sessionCache?.set(actor, found.session.expiresAt, lastUsedAt);
      return actor;
    },

    async me(actor: Actor): Promise<Me> {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      return toMe(user);
    },

    /** Changing the password ends every other session of the user. */
    /**
     * The signed-in person proves he knows the password (before a change that could take the account
     * over, such as the address password links go to), throttled like a password change.
     */
    async confirmPassword(actor: Actor, password: string, ip: string | null, path = 'kataSandi') {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      await throttle.assertOpen('password_change', user.id, ip ?? '');
      if (!(await verifyPassword(user.passwordHash, password))) {
        await throttle.failed('password_change', user.id, ip ?? '');
        throw new AppError('VALIDATION', 'Kata sandi salah.', [{ path, message: 'Kata sandi salah.' }]);
      }
      await throttle.succeeded('password_change', user.id, ip ?? '');
    },

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
      await passwordPolicy.assertStrong(newPassword, user);
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

    async totpStatus(actor: Actor): Promise<TotpStatus> {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      return {
        enabled: user.totpEnabledAt !== null,
        enabledAt: user.totpEnabledAt?.toISOString() ?? null,
        required: totpRequiredOf(actor.roles),
        recoveryCodesLeft: user.totpEnabledAt ? await repo.unusedRecoveryCodes(user.id) : 0,
      };
    },

    /** A new secret to scan (QR + URI); nothing changes until a code from it is confirmed. */
    async totpEnrolStart(actor: Actor): Promise<TotpEnrolment> {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      if (user.totpEnabledAt) {
        throw new AppError(
          'CONFLICT',
          'Verifikasi dua langkah sudah aktif. Nonaktifkan dulu untuk mengganti perangkat.',
        );
      }
      const secret = newTotpSecret();
      await repo.setPendingTotp(user.id, box.seal(secret));
      const uri = totpUri(secret, user.username);
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret, uri, qrSvg };
    },

    /** The first right code turns the pending secret on; the recovery codes are shown once. */
    async totpEnrolConfirm(
      actor: Actor,
      code: string,
      meta: RequestMeta,
    ): Promise<{ recoveryCodes: string[] }> {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Verifikasi dua langkah sudah aktif.');
      if (!user.totpPendingSecret) {
        throw new AppError('CONFLICT', 'Mulai pendaftaran aplikasi autentikator terlebih dahulu.');
      }
      await throttle.assertOpen('totp', user.id, meta.ip ?? '');
      const now = clock.now();
      const secret = box.open(user.totpPendingSecret);
      const step = totpStep(secret, code, now);
      if (step === null) {
        await secondFactorFailed(actor, user.id, meta.ip, 'enrol');
        throw wrongCode();
      }
      await throttle.succeeded('totp', user.id, meta.ip ?? '');
      const recoveryCodes = newRecoveryCodes();
      await db.transaction(async (tx) => {
        await repo.enableTotp(
          user.id,
          {
            sealedSecret: box.seal(secret),
            step,
            recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
            now,
          },
          tx,
        );
        await audit.record(
          actor,
          {
            action: 'auth.totp_enrolled',
            entity: 'user',
            entityId: user.id,
            ip: meta.ip,
            after: { enabled: true },
          },
          tx,
        );
      });
      events.emit('user.revoked', { userId: user.id });
      return { recoveryCodes };
    },

    /** Turning the second factor off needs the password and a code (or a recovery code). */
    async totpDisable(actor: Actor, password: string, code: string, meta: RequestMeta) {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw sessionEnded();
      if (!user.totpEnabledAt) throw new AppError('CONFLICT', 'Verifikasi dua langkah belum aktif.');
      const ip = meta.ip ?? '';
      await throttle.assertOpen('password_change', user.id, ip);
      if (!(await verifyPassword(user.passwordHash, password))) {
        await throttle.failed('password_change', user.id, ip);
        throw new AppError('VALIDATION', 'Kata sandi salah.', [
          { path: 'password', message: 'Kata sandi salah.' },
        ]);
      }
      await throttle.assertOpen('totp', user.id, ip);
      const now = clock.now();
      if (!(await checkSecondFactor(user, code, now))) {
        await secondFactorFailed(actor, user.id, meta.ip, 'disable');
        throw wrongCode();
      }
      await throttle.succeeded('totp', user.id, ip);
      await db.transaction(async (tx) => {
        await repo.disableTotp(user.id, now, tx);
        await audit.record(
          actor,
          {
            action: 'auth.totp_disabled',
            entity: 'user',
            entityId: user.id,
            ip: meta.ip,
            after: { enabled: false },
          },
          tx,
        );
      });
      events.emit('user.revoked', { userId: user.id });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
