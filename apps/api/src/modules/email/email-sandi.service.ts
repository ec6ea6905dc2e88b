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
    'findUserByUsername' | 'findUserById' | 'setPassword' | 'revokeAllSessions' | 'clearThrottlesOf'
  >;
  email: Pick<EmailRepo, 'get'>;
  audit: AuditRepo;
  passwordPolicy: PasswordPolicy;
  mailer: Mailer | undefined;
  jobs: Pick<Jobs, 'send'>;
  events: Pick<Events, 'emit'>;
  clock: Clock;
  settings: { authSecret: string; publicUrl: string };
}

/**
 * "Lupa kata sandi" (self-service): a link to the person's confirmed e-mail address sets a new
 * password. The link is signed over the account and the moment its password last changed, so it
 * works once (the new password changes that moment) and for an hour. Asking never tells whether a
 * username exists; without a confirmed address the admin's reset remains the way.
 */
export function createPasswordReset(deps: PasswordResetDeps) {
  const key = deriveKey(deps.settings.authSecret, 'password-reset');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  const tokenOf = (userId: string, changedAt: Date, expires: number) => {
    const payload = Buffer.from(`${userId}|${changedAt.getTime()}|${expires}`).toString('base64url');
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
    /** Queues the e-mail when the account has a confirmed address; the answer is the same either way. */
    async request(username: string, ip: string | null): Promise<void> {
      const user = await deps.auth.findUserByUsername(username);
      if (!user?.active || !deps.mailer || !(await confirmedAddress(user.id))) return;
      await deps.audit.record(
        { userId: user.id, username: user.username, pemdaKode: user.pemdaKode },
        { action: 'auth.password_reset_requested', entity: 'user', entityId: user.id, ip },
      );
      // One waiting e-mail per account: asking again within the minute sends one.
      await deps.jobs.send(
        'auth.reset-sandi',
        { userId: user.id },
        { pemdaKode: user.pemdaKode, singletonKey: `auth.reset-sandi:${user.id}` },
      );
    },

    /** Job auth.reset-sandi: the e-mail with the link (retried when the mail server refuses). */
    async sendLink(userId: string): Promise<void> {
      const user = await deps.auth.findUserById(userId);
      const to = user?.active ? await confirmedAddress(userId) : undefined;
      if (!user || !to || !deps.mailer) return;
      const token = tokenOf(
        user.id,
        user.passwordChangedAt,
        deps.clock.now().getTime() + RESET_MINUTES * 60_000,
      );
      await deps.mailer.send(
        resetMail({
          to,
          nama: user.namaLengkap,
          username: user.username,
          resetUrl: `${deps.settings.publicUrl}/reset-sandi?token=${token}`,
          berlakuMenit: RESET_MINUTES,
        }),
      );
    },

    /** Sets the new password from the link; every session of the account ends, its login lock too. */
    async reset(body: ResetPasswordByEmailBody, ip: string | null): Promise<void> {
      const [payload, sig] = body.token.split('.');
      if (!payload || !sig) throw invalid();
      const want = Buffer.from(mac(payload));
      const got = Buffer.from(sig);
      if (want.length !== got.length || !timingSafeEqual(want, got)) throw invalid();
      const [userId, changedAt, expires] = Buffer.from(payload, 'base64url').toString().split('|');
      const now = deps.clock.now();
      if (!userId || Number(expires) < now.getTime()) throw invalid();
      const user = await deps.auth.findUserById(userId);
      if (!user?.active || String(user.passwordChangedAt.getTime()) !== changedAt) throw invalid();
      if (body.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
        throw new AppError('VALIDATION', 'Kata sandi tidak boleh memuat nama pengguna.', [
          { path: 'newPassword', message: 'Kata sandi tidak boleh memuat nama pengguna.' },
        ]);
      }
      await deps.passwordPolicy.assertStrong(body.newPassword, user);
      const hashed = await hashPassword(body.newPassword);
      await deps.db.transaction(async (tx) => {
        await deps.auth.setPassword(user.id, hashed, now, tx);
        await deps.auth.revokeAllSessions(user.id, 'password_reset', now, tx);
        await deps.auth.clearThrottlesOf({ id: user.id, username: user.username }, tx);
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
