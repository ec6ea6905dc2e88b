import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config/env';
import type { Database } from './db/client';
import { type Clock, systemClock } from './lib/clock';
import { createAuditRepo } from './modules/audit/audit.repo';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuthRepo } from './modules/auth/auth.repo';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { healthRoutes } from './modules/health.routes';
import { createUnitsRepo } from './modules/units/units.repo';
import { unitsRoutes } from './modules/units/units.routes';
import { createUnitsService } from './modules/units/units.service';
import { createWilayahRepo } from './modules/wilayah/wilayah.repo';
import { wilayahRoutes } from './modules/wilayah/wilayah.routes';
import { createWilayahService } from './modules/wilayah/wilayah.service';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { openapiPlugin } from './plugins/openapi';
import { securityPlugin } from './plugins/security';
import { spaPlugin } from './plugins/spa';

z.config(z.locales.id());

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole app without starting it: the server and the tests both start from here. */
export async function buildApp({ config, database, clock = systemClock, logger }: AppDeps) {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const { db } = database;
  const audit = createAuditRepo(db);
  const authRepo = createAuthRepo(db);
  const wilayahRepo = createWilayahRepo(db);
  const authService = createAuthService({
    db,
    repo: authRepo,
    audit,
    clock,
    settings: {
      lockoutThreshold: config.lockoutThreshold,
      lockoutMinutes: config.lockoutMinutes,
      refreshTokenTtlDays: config.refreshTokenTtlDays,
    },
  });
  const wilayahService = createWilayahService({ repo: wilayahRepo });
  const unitsService = createUnitsService({
    db,
    repo: createUnitsRepo(db),
    wilayah: wilayahRepo,
    audit,
    clock,
  });

  await app.register(errorsPlugin, { bodyLimitBytes: config.bodyLimitBytes });
  await app.register(securityPlugin, {
    authSecret: config.authSecret,
    cookieSecure: config.cookieSecure,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  await app.register(authPlugin, {
    authSecret: config.authSecret,
    cookieSecure: config.cookieSecure,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    authService,
  });
  await app.register(openapiPlugin);

  await app.register(healthRoutes, { database, demo: config.demo });
  await app.register(authRoutes, { authService, loginRateLimitPerMinute: config.loginRateLimitPerMinute });
  await app.register(wilayahRoutes, { wilayahService });
  await app.register(unitsRoutes, { unitsService });
  await app.register(auditRoutes, { audit });
  await app.register(spaPlugin, { webDist: config.webDist });

  return app;
}
export type App = Awaited<ReturnType<typeof buildApp>>;
