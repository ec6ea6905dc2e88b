import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ResetPasswordByEmailBody } from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { deriveKey } from '../../lib/keys';
import type { AuditRepo } from '../audit/audit.repo';
import type { AuthRepo } from '../auth/auth.repo';
import { hashPassword } from '../auth/password';
import type { PasswordPolicy } from '../auth/password-policy';
import type { Jobs } from '../jobs/jobs.runtime';
import type { Mailer } from './email.mailer';
import type { EmailRepo } from './email.repo';
import { resetMail } from './email.templates';

/** A reset link works this long. */
export const RESET_MINUTES = 60;

export const FORGOT_ANSWER =
  'Bila nama pengguna itu terdaftar dan punya alamat e-mail yang sudah dikonfirmasi, tautan untuk membuat kata sandi baru dikirim ke sana (berlaku 60 menit). Tidak punya e-mail terkonfirmasi? Minta admin pemda mengatur ulang kata sandi Anda.';

export interface PasswordResetDeps {
  db: Db;
  auth: Pick<
    AuthRepo,
    | 'findUserByUsername'
    | 'findUserById'
    | 'replacePassword'
    | 'revokeAllSessions'
    | 'clearPasswordThrottlesOf'
  >;
  email: Pick<EmailRepo, 'get' | 'lastResetRequest'>;
  audit: AuditRepo;
  passwordPolicy: PasswordPolicy;
  mailer: Mailer | undefined;
  jobs: Pick<Jobs, 'send'>;
  events: Pick<Events, 'emit'>;
  clock: Clock;
  settings: { authSecret: string; publicUrl: string };
}

/** At most one reset e-mail per account in this many minutes, whoever asks. */
export const RESET_EVERY_MINUTES = 10;

/**
 * "Lupa kata sandi" (self-service): a link to the person's confirmed e-mail address sets a new
 * password. The link is signed over the account and its current password hash, so it works once
 * and stops working as soon as the password changes any way (the person, the admin); for an hour.
 * Asking answers at once and alike for every username: who exists and has an address is looked up
 * in the job (auth.reset-sandi). A reset proves the mailbox only: the second factor, when the account
 * has one, is still asked at sign-in and its throttle stays.
 */
export function createPasswordReset(deps: PasswordResetDeps) {
  const key = deriveKey(deps.settings.authSecret, 'password-reset');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  /** The password hash enters the signature only as a digest (the link never carries it). */
  const hashTag = (passwordHash: string) => mac(`hash|${passwordHash}`).slice(0, 16);
  const tokenOf = (userId: string, passwordHash: string, expires: number) => {
    const payload = Buffer.from(`${userId}|${hashTag(passwordHash)}|${expires}`).toString('base64url');
    return `${payload}.${mac(payload)}`;
  };
  const invalid = () =>
    new AppError(
      'VALIDATION',
      'Tautan ini tidak sah, sudah dipakai atau sudah kedaluwarsa. Minta tautan baru dari halaman "Lupa kata sandi".',
    );

  async function confirmedAddress(userId: string): Promise<string | undefined> {
    const e = await deps.email.get(userId);
    return e?.alamat && e.terverifikasiAt ? e.alamat : undefined;
  }

  return {
    /** Queues the lookup and the e-mail; the answer is the same, and as quick, for every username. */
    async request(username: string, ip: string | null): Promise<void> {
      if (!deps.mailer) return;
      const name = username.trim().toLowerCase();
      await deps.jobs.send(
        'auth.reset-sandi',
        { username: name, ip },
        { singletonKey: `auth.reset-sandi:${name}` },
      );
    },

    /**
     * Job auth.reset-sandi: the e-mail with the link, when the account is active, has a confirmed
     * address and had none in the last minutes (retried when the mail server refuses).
     */
    async sendLink(username: string, ip: string | null): Promise<void> {
      const user = await deps.auth.findUserByUsername(username);
      const to = user?.active ? await confirmedAddress(user.id) : undefined;
      if (!user || !to || !deps.mailer) return;
      const now = deps.clock.now();
      const last = await deps.email.lastResetRequest(user.id);
      if (last && now.getTime() - last.getTime() < RESET_EVERY_MINUTES * 60_000) return;
      await deps.audit.record(
        { userId: user.id, username: user.username, pemdaKode: user.pemdaKode },
        { action: 'auth.password_reset_requested', entity: 'user', entityId: user.id, ip },
      );
      const token = tokenOf(user.id, user.passwordHash, now.getTime() + RESET_MINUTES * 60_000);
      await deps.mailer.send(
        resetMail({
          to,
          nama: user.namaLengkap,
          username: user.username,
          // In the fragment: the browser never sends it, so no request log holds it.
          resetUrl: `${deps.settings.publicUrl}/reset-sandi#token=${token}`,
          berlakuMenit: RESET_MINUTES,
        }),
      );
    },

    /** Sets the new password from the link; every session of the account ends, its password lock too. */
    async reset(body: ResetPasswordByEmailBody, ip: string | null): Promise<void> {
      const [payload, sig] = body.token.split('.');
      if (!payload || !sig) throw invalid();
      const want = Buffer.from(mac(payload));
      const got = Buffer.from(sig);
      if (want.length !== got.length || !timingSafeEqual(want, got)) throw invalid();
      const [userId, tag, expires] = Buffer.from(payload, 'base64url').toString().split('|');
      const now = deps.clock.now();
      if (!userId || Number(expires) < now.getTime()) throw invalid();
      const user = await deps.auth.findUserById(userId);
      if (!user?.active || hashTag(user.passwordHash) !== tag) throw invalid();
      if (body.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
        throw new AppError('VALIDATION', 'Kata sandi tidak boleh memuat nama pengguna.', [
          { path: 'newPassword', message: 'Kata sandi tidak boleh memuat nama pengguna.' },
        ]);
      }
      await deps.passwordPolicy.assertStrong(body.newPassword, user);
      const hashed = await hashPassword(body.newPassword);
      await deps.db.transaction(async (tx) => {
        // Only over the password the link was made for: the same link sent twice sets one.
        if (!(await deps.auth.replacePassword(user.id, user.passwordHash, hashed, now, tx))) throw invalid();
        await deps.auth.revokeAllSessions(user.id, 'password_reset', now, tx);
        await deps.auth.clearPasswordThrottlesOf({ id: user.id, username: user.username }, tx);
        await deps.audit.record(
          { userId: user.id, username: user.username, pemdaKode: user.pemdaKode },
          { action: 'auth.password_reset_by_email', entity: 'user', entityId: user.id, ip },
          tx,
        );
      });
      deps.events.emit('user.revoked', { userId: user.id });
    },
  };
}
export type PasswordReset = ReturnType<typeof createPasswordReset>;
