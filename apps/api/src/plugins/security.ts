import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { AppError } from '../lib/errors';
import { deriveKey } from '../lib/keys';
import { isApiDocsPath, isApiPath, routedPath } from '../lib/request-path';

/** The headers helmet sets for these options, read off a stand-in response. */
function helmetHeaders(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return headers;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No login needed (health, login, public survey). */
    public?: boolean;
    /** Skip the CSRF check (only for public, cookie-less endpoints). */
    csrf?: boolean;
    /** Open to a user who still has a temporary password (who am I, change it, log out). */
    temporaryPassword?: boolean;
    /** Open to a user whose role requires a second factor he has not set up (who am I, set it up, password, log out). */
    beforeSecondFactor?: boolean;
  }
}

export interface SecurityOptions {
  authSecret: string;
  cookieSecure: boolean;
  rateLimitPerMinute: number;
}

/**
 * The headers of a JSON API answer (OWASP REST Security Cheat Sheet): nothing in it may run or be
 * framed, sniffed or cached. The page-oriented headers (the app's CSP, COOP, origin-agent-cluster …)
 * go with the HTML and files of the web app.
 */
function apiSecurityHeaders(pageHeaders: Record<string, string>): Record<string, string> {
  const hsts = pageHeaders['strict-transport-security'];
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    // HTTPS deployments: the same HSTS as the pages (helmet's).
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}

export const securityPlugin = fp(async (app: FastifyInstance, opts: SecurityOptions) => {
  // Helmet's headers do not depend on the request: read once here, set by one onRequest hook, API
  // answers getting their own set. A route may still replace one (evidence downloads set their own
  // sandboxing CSP, public rankings their cache-control).
  const pageHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: opts.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: opts.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  const apiHeaders = apiSecurityHeaders(pageHeaders);
  await app.register(fastifyCookie, { secret: deriveKey(opts.authSecret, 'cookie') });
  app.addHook('onRequest', async (req, reply) => {
    const path = routedPath(req);
    reply.headers(isApiPath(path) && !isApiDocsPath(path) ? apiHeaders : pageHeaders);
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'sip_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: opts.cookieSecure, signed: true },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: opts.rateLimitPerMinute,
    timeWindow: '1 minute',
    // Only the API counts: a kelurahan office behind one address loads the app's JS and CSS for
    // every user, and those files cost nothing to serve.
    allowList: (req) => !isApiPath(routedPath(req)),
    errorResponseBuilder: () =>
      new AppError('RATE_LIMITED', 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.'),
  });

  // Every state-changing API request carries the CSRF token, unless the route is cookie-less and public.
  // A preParsing hook, so the rate limit (a route-level onRequest hook) counts refused requests too.
  app.addHook('preParsing', (req, reply, _payload, done) => {
    if (
      !unsafeMethods.has(req.method) ||
      !isApiPath(routedPath(req)) ||
      req.routeOptions.config?.csrf === false
    ) {
      return done();
    }
    app.csrfProtection(req, reply, (err?: Error) => done(err));
  });
});
