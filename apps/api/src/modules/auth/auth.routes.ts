import {
  changePasswordBodySchema,
  csrfResponseSchema,
  errorResponseSchema,
  loginBodySchema,
  loginResponseSchema,
  loginStepResponseSchema,
  loginTotpBodySchema,
  meSchema,
  okResponseSchema,
  recoveryCodesSchema,
  totpConfirmBodySchema,
  totpDisableBodySchema,
  totpEnrolmentSchema,
  totpStatusSchema,
} from '@sip/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/route-helpers';
import { actorOf, clientMeta, isBackgroundRequest, REFRESH_COOKIE } from '../../plugins/auth';
import type { AuthService } from './auth.service';

export const authRoutes: FastifyPluginAsyncZod<{
  authService: AuthService;
  loginRateLimitPerMinute: number;
}> = async (app, { authService, loginRateLimitPerMinute }) => {
  app.get(
    '/api/auth/csrf',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Token CSRF untuk permintaan yang mengubah data',
        response: { 200: csrfResponseSchema },
      },
    },
    async (_req, reply) => ({ csrfToken: reply.generateCsrf() }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Masuk',
        body: loginBodySchema,
        response: {
          200: loginStepResponseSchema,
          ...errorResponses,
          423: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (req, reply) => {
      const result = await authService.login(req.body.username, req.body.password, clientMeta(req));
      if (result.totpRequired) {
        return { totpRequired: true as const, challenge: result.challenge, csrfToken: reply.generateCsrf() };
      }
      const access = await reply.jwtSign({ sub: result.userId, sid: result.sessionId });
      reply.setSessionCookies(access, result.refreshToken);
      return { user: result.me, csrfToken: reply.generateCsrf() };
    },
  );

  app.post(
    '/api/auth/login/totp',
    {
      config: { public: true, rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Masuk, langkah kedua: kode aplikasi autentikator atau kode pemulihan',
        body: loginTotpBodySchema,
        response: {
          200: loginResponseSchema,
          ...errorResponses,
          423: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (req, reply) => {
      const result = await authService.loginTotp(req.body.challenge, req.body.code, clientMeta(req));
      const access = await reply.jwtSign({ sub: result.userId, sid: result.sessionId });
      reply.setSessionCookies(access, result.refreshToken);
      return { user: result.me, csrfToken: reply.generateCsrf() };
    },
  );

  app.get(
    '/api/auth/totp',
    {
      config: { beforeSecondFactor: true },
      schema: {
        tags: ['auth'],
        summary: 'Status verifikasi dua langkah',
        response: { 200: totpStatusSchema, ...errorResponses },
      },
    },
    async (req) => authService.totpStatus(actorOf(req)),
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: { beforeSecondFactor: true },
      schema: {
        tags: ['auth'],
        summary: 'Mulai mendaftarkan aplikasi autentikator (rahasia baru + kode QR)',
        response: { 200: totpEnrolmentSchema, ...errorResponses },
      },
    },
    async (req) => authService.totpEnrolStart(actorOf(req)),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: {
        beforeSecondFactor: true,
        rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Aktifkan verifikasi dua langkah dengan kode pertama (kode pemulihan ditampilkan sekali)',
        body: totpConfirmBodySchema,
        response: { 200: recoveryCodesSchema, ...errorResponses, 423: errorResponseSchema },
      },
    },
    async (req) => authService.totpEnrolConfirm(actorOf(req), req.body.code, clientMeta(req)),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Nonaktifkan verifikasi dua langkah (kata sandi + kode)',
        body: totpDisableBodySchema,
        response: { 200: okResponseSchema, ...errorResponses, 423: errorResponseSchema },
      },
    },
    async (req) => {
      await authService.totpDisable(actorOf(req), req.body.password, req.body.code, clientMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Perpanjang sesi (rotasi refresh token)',
        response: { 200: loginResponseSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      try {
        const result = await authService.refresh(req.cookies[REFRESH_COOKIE], clientMeta(req), {
          activity: !isBackgroundRequest(req),
        });
        const access = await reply.jwtSign({ sub: result.userId, sid: result.sessionId });
        reply.setSessionCookies(access, result.refreshToken);
        return { user: result.me, csrfToken: reply.generateCsrf() };
      } catch (err) {
        reply.clearSessionCookies();
        throw err;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { temporaryPassword: true, beforeSecondFactor: true },
      schema: { tags: ['auth'], summary: 'Keluar', response: { 200: okResponseSchema, ...errorResponses } },
    },
    async (req, reply) => {
      await authService.logout(actorOf(req), clientMeta(req));
      reply.clearSessionCookies();
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { temporaryPassword: true, beforeSecondFactor: true },
      schema: {
        tags: ['auth'],
        summary: 'Pengguna yang sedang masuk',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (req) => authService.me(actorOf(req)),
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { temporaryPassword: true, beforeSecondFactor: true },
      schema: {
        tags: ['auth'],
        summary: 'Ganti kata sandi (mengakhiri sesi lain)',
        body: changePasswordBodySchema,
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (req) => {
      await authService.changePassword(
        actorOf(req),
        req.body.currentPassword,
        req.body.newPassword,
        clientMeta(req),
      );
      return { ok: true as const };
    },
  );
};
