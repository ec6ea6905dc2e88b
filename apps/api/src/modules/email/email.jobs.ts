import { z } from 'zod';
import type { JobDefinition } from '../jobs/jobs.runtime';
import type { UsersRepo } from '../users/users.repo';
import type { EmailService } from './email.service';
import type { PasswordReset } from './email-sandi.service';

/** The e-mail jobs: the outbox round (every minute) and one confirmation e-mail. */
export function emailJobs({
  email,
  passwordReset,
  users,
}: {
  email: Pick<EmailService, 'deliver' | 'sendConfirmation'>;
  passwordReset: Pick<PasswordReset, 'sendLink'>;
  users: Pick<UsersRepo, 'findById'>;
}): JobDefinition[] {
  const kirim: JobDefinition<Record<string, never>, unknown> = {
    name: 'email.kirim',
    data: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    attempts: 2,
    timeoutSeconds: 15 * 60,
    async run(ctx) {
      await ctx.progress(0, 'Mengirim e-mail pemberitahuan');
      const counts = await email.deliver();
      await ctx.progress(100, `${counts.terkirim} pemberitahuan terkirim`);
      return counts;
    },
  };
  const konfirmasi: JobDefinition<{ userId: string; alamat: string }, unknown> = {
    name: 'email.konfirmasi',
    data: z.object({ userId: z.uuid(), alamat: z.email() }),
    attempts: 5,
    retryDelaySeconds: 30,
    async run(ctx) {
      const user = await users.findById(ctx.data.userId);
      if (!user) return null;
      await email.sendConfirmation(ctx.data.userId, ctx.data.alamat, user.namaLengkap);
      return null;
    },
  };
  const resetSandi: JobDefinition<{ username: string; ip: string | null }, unknown> = {
    name: 'auth.reset-sandi',
    data: z.object({ username: z.string().max(50), ip: z.string().max(64).nullable() }),
    attempts: 5,
    retryDelaySeconds: 30,
    async run(ctx) {
      await passwordReset.sendLink(ctx.data.username, ctx.data.ip);
      return null;
    },
  };
  return [kirim as JobDefinition, konfirmasi as JobDefinition, resetSandi as JobDefinition];
}
