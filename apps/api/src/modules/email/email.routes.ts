import {
  emailSettingsBodySchema,
  emailSettingsSchema,
  emailTokenBodySchema,
  emailTokenResultSchema,
  forgotPasswordBodySchema,
  forgotPasswordResponseSchema,
  resetPasswordByEmailBodySchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf } from '../../plugins/auth';
import type { EmailService } from './email.service';
import { FORGOT_ANSWER, type PasswordReset } from './email-sandi.service';

export const emailRoutes: FastifyPluginAsyncZod<{
  emailService: EmailService;
  passwordReset: PasswordReset;
  loginRateLimitPerMinute: number;
}> = async (app, { emailService, passwordReset, loginRateLimitPerMinute }) => {
  const tags = ['email'];

  app.get(
    '/api/akun/email',
    {
      schema: {
        tags,
        summary: 'Pengaturan e-mail pemberitahuan saya',
        response: { 200: emailSettingsSchema, ...errorResponses },
      },
    },
    async (req) => emailService.settings(actorOf(req)),
  );

  app.put(
    '/api/akun/email',
    {
      schema: {
        tags,
        summary:
          'Ubah alamat, jenis dan frekuensi e-mail pemberitahuan saya (alamat baru dikonfirmasi lewat tautan)',
        body: emailSettingsBodySchema,
        response: { 200: emailSettingsSchema, ...errorResponses },
      },
    },
    async (req) => emailService.updateSettings(actorOf(req), req.body, req.ip),
  );

  app.post(
    '/api/akun/email/konfirmasi',
    {
      schema: {
        tags,
        summary: 'Kirim ulang tautan konfirmasi alamat e-mail saya',
        body: z.strictObject({}),
        response: { 200: emailSettingsSchema, ...errorResponses },
      },
    },
    async (req) => emailService.resendConfirmation(actorOf(req)),
  );

  app.post(
    '/api/public/email/tautan',
    {
      // The signed link in the e-mail is the credential (a person stops e-mail without signing in).
      config: { public: true, csrf: false, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Tautan dari e-mail: konfirmasi alamat atau berhenti menerima e-mail (publik; tautan bertanda tangan)',
        body: emailTokenBodySchema,
        response: { 200: emailTokenResultSchema, ...errorResponses },
      },
    },
    async (req) => emailService.followLink(req.body.token),
  );

  app.post(
    '/api/auth/lupa-sandi',
    {
      config: { public: true, rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Lupa kata sandi: kirim tautan ke alamat e-mail terkonfirmasi (jawaban sama untuk setiap nama pengguna)',
        body: forgotPasswordBodySchema,
        response: { 202: forgotPasswordResponseSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      await passwordReset.request(req.body.username, req.ip);
      return reply.status(202).send({ pesan: FORGOT_ANSWER });
    },
  );

  app.post(
    '/api/auth/reset-sandi',
    {
      config: { public: true, rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Buat kata sandi baru dari tautan e-mail (sekali pakai, 60 menit); semua sesi akun berakhir',
        body: resetPasswordByEmailBodySchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await passwordReset.reset(req.body, req.ip);
      return reply.status(204).send(null);
    },
  );
};
