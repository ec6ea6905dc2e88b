import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import type { AuthService } from '../modules/auth/auth.service';
import type { Actor } from '../modules/authz/authz';
import { deriveKey } from './security';

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

export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  await app.register(fastifyJwt, {
    secret: deriveKey(opts.authSecret, 'jwt'),
    cookie: { cookieName: ACCESS_COOKIE, signed: false },
    sign: { algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE, expiresIn: opts.accessTokenTtlSeconds * 1000 },
    verify: { algorithms: ['HS256'], allowedIss: ISSUER, allowedAud: AUDIENCE },
  });
  // Access tokens already verified, by their exact text, until their expiry: the HMAC, base64 and
  // JSON work is done once per token instead of on every request (revocation is still checked on
  // every request by authenticate()).
  const verified = new Map<string, { claims: { sub: string; sid: string }; until: number }>();
  const MAX_VERIFIED = 10_000;
  const tokenOf = (req: FastifyRequest) =>
    req.headers.authorization ? undefined : req.cookies[ACCESS_COOKIE];
  async function verify(req: FastifyRequest): Promise<{ sub: string; sid: string }> {
    const token = tokenOf(req);
    const claims = await req.jwtVerify<{ sub: string; sid: string; exp?: number }>();
    if (token && typeof claims.exp === 'number') {
      if (verified.size >= MAX_VERIFIED) verified.clear();
      verified.set(token, { claims, until: claims.exp * 1000 });
    }
    return claims;
  }
  async function authenticate(req: FastifyRequest): Promise<void> {
    let claims: { sub: string; sid: string };
    try {
      claims = await verify(req);
    } catch {
      throw new AppError(
        'UNAUTHENTICATED',
        'Sesi Anda tidak valid atau telah berakhir. Silakan masuk kembali.',
      );
    }
    if (typeof claims?.sub !== 'string' || typeof claims?.sid !== 'string') {
      throw new AppError('UNAUTHENTICATED', 'Sesi Anda tidak valid. Silakan masuk kembali.');
    }
    req.actor = await opts.authService.authenticate(claims);
  }
  app.decorateRequest('actor', null);

  // Login is required for every API route unless the route says `config: { public: true }`:
  // a new route is protected by default.
  // preParsing, after the rate limit's onRequest hook: anonymous floods are counted and refused too.
  app.addHook('preParsing', (req, _reply, payload, done) => {
    if (
      !req.url.startsWith('/api/') ||
      req.url.startsWith('/api/docs') ||
      req.routeOptions.config?.public ||
      !req.routeOptions.url
    ) {
      return done(null, payload);
    }
    // A token verified before (until its expiry) of a session checked moments ago: no promise, no
    // database. Revocation still reaches this path at once through the session cache.
    const token = tokenOf(req);
    const hit = token ? verified.get(token) : undefined;
    if (hit && hit.until > Date.now()) {
      const actor = opts.authService.cachedActor(hit.claims);
      if (actor) {
        req.actor = actor;
        return done(null, payload);
      }
    }
    authenticate(req).then(
      () => done(null, payload),
      (err: Error) => done(err),
    );
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
    return this;
  });
});

declare module 'fastify' {
  interface FastifyReply {
    setSessionCookies(accessToken: string, refreshToken: string): FastifyReply;
    clearSessionCookies(): FastifyReply;
  }
}
