import fastifyJwt from '@fastify/jwt';
import { BACKGROUND_REQUEST_HEADER, LATIHAN_COOKIE } from '@sip/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import { deriveKey } from '../lib/keys';
import { isApiDocsPath, isApiPath, routedPath } from '../lib/request-path';
import type { AuthService } from '../modules/auth/auth.service';
import type { Actor } from '../modules/authz/authz';

export const ACCESS_COOKIE = 'sip_at';
export const REFRESH_COOKIE = 'sip_rt';
const ISSUER = 'sip-kinerja';
const AUDIENCE = 'sip-api';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; sid: string };
    user: { sub: string; sid: string };
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface AuthPluginOptions {
  authSecret: string;
  cookieSecure: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  authService: AuthService;
}

/** The signed-in actor of a route that requires login (the global hook guarantees it is set). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return req.actor;
}

export function clientMeta(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null };
}

/** A request the web app made by itself (polling): not activity for the idle timeout. */
export function isBackgroundRequest(req: FastifyRequest): boolean {
  return req.headers[BACKGROUND_REQUEST_HEADER] === '1';
}

export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  await app.register(fastifyJwt, {
    secret: deriveKey(opts.authSecret, 'jwt'),
    cookie: { cookieName: ACCESS_COOKIE, signed: false },
    sign: { algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE, expiresIn: opts.accessTokenTtlSeconds },
    verify: { algorithms: ['HS256'], allowedIss: ISSUER, allowedAud: AUDIENCE },
  });
  async function authenticate(req: FastifyRequest): Promise<Actor> {
    let claims: { sub?: unknown; sid?: unknown };
    try {
      claims = await req.jwtVerify<{ sub: string; sid: string }>();
    } catch {
      throw new AppError(
        'UNAUTHENTICATED',
        'Sesi Anda tidak valid atau telah berakhir. Silakan masuk kembali.',
      );
    }
    if (typeof claims?.sub !== 'string' || typeof claims?.sid !== 'string') {
      throw new AppError('UNAUTHENTICATED', 'Sesi Anda tidak valid. Silakan masuk kembali.');
    }
    // The session is looked up on every request (revoked or disabled -> 401), through the session cache.
    return opts.authService.authenticate(
      { sub: claims.sub, sid: claims.sid },
      { activity: !isBackgroundRequest(req) },
    );
  }
  app.decorateRequest('actor', null);

  // Login is required for every API route unless the route says `config: { public: true }`:
  // a new route is protected by default.
  // preParsing, after the rate limit's onRequest hook: anonymous floods are counted and refused too.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const path = routedPath(req);
    const protectedRoute =
      isApiPath(path) &&
      !isApiDocsPath(path) &&
      !req.routeOptions.config?.public &&
      req.routeOptions.url !== undefined;
    if (protectedRoute) {
      const actor = await authenticate(req);
      // A temporary password opens only the calls that change it: enforced here, not by the web app.
      if (actor.mustChangePassword && !req.routeOptions.config?.temporaryPassword) {
        throw new AppError(
          'FORBIDDEN',
          'Kata sandi Anda masih sementara. Ganti kata sandi terlebih dahulu untuk melanjutkan.',
          { reason: 'PASSWORD_CHANGE_REQUIRED' },
        );
      }
      // Likewise a role that requires a second factor, until one is set up (issue 15, finding 9).
      if (actor.mustEnrolTotp && !req.routeOptions.config?.beforeSecondFactor) {
        throw new AppError(
          'FORBIDDEN',
          'Peran Anda mewajibkan verifikasi dua langkah. Aktifkan aplikasi autentikator terlebih dahulu untuk melanjutkan.',
          { reason: 'TOTP_ENROLMENT_REQUIRED' },
        );
      }
      // The session's actor is shared (session cache): mode latihan is a copy for this request.
      req.actor = req.cookies[LATIHAN_COOKIE] === '1' ? { ...actor, latihan: true } : actor;
    }
    return payload;
  });

  app.decorateReply(
    'setSessionCookies',
    function (this: FastifyReply, accessToken: string, refreshToken: string) {
      this.setCookie(ACCESS_COOKIE, accessToken, {
        path: '/api',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        maxAge: opts.accessTokenTtlSeconds,
      });
      this.setCookie(REFRESH_COOKIE, refreshToken, {
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.cookieSecure,
        maxAge: opts.refreshTokenTtlDays * 86_400,
      });
      return this;
    },
  );
  app.decorateReply('clearSessionCookies', function (this: FastifyReply) {
    this.clearCookie(ACCESS_COOKIE, { path: '/api' });
    this.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
    this.clearCookie(LATIHAN_COOKIE, { path: '/api' });
    return this;
  });
});

declare module 'fastify' {
  interface FastifyReply {
    setSessionCookies(accessToken: string, refreshToken: string): FastifyReply;
    clearSessionCookies(): FastifyReply;
  }
}
