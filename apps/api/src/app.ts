import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config/env';
import type { Database } from './db/client';
import { type Clock, systemClock } from './lib/clock';
import { memoizeFlatParts } from './lib/validation';
import { createAuditRepo } from './modules/audit/audit.repo';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuthRepo } from './modules/auth/auth.repo';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { createSessionCache } from './modules/auth/session-cache';
import { createEvidenceRepo } from './modules/evidence/evidence.repo';
import { evidenceRoutes } from './modules/evidence/evidence.routes';
import { createEvidenceService } from './modules/evidence/evidence.service';
import { createLocalStorage } from './modules/evidence/storage';
import { frameworkRoutes } from './modules/framework/framework.routes';
import { healthRoutes } from './modules/health.routes';
import { createQueueService } from './modules/laporan/laporan.queue';
import { createLaporanRepo } from './modules/laporan/laporan.repo';
import { laporanRoutes } from './modules/laporan/laporan.routes';
import { createLaporanService } from './modules/laporan/laporan.service';
import { createNotificationsRepo } from './modules/notifications/notifications.repo';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createPeriodeRepo } from './modules/periode/periode.repo';
import { periodeRoutes } from './modules/periode/periode.routes';
import { createPeriodeService } from './modules/periode/periode.service';
import {
  createRaporCache,
  invalidatingLaporan,
  invalidatingSkm,
  type RaporCache,
} from './modules/rapor/rapor.cache';
import { createRaporRepo } from './modules/rapor/rapor.repo';
import { raporRoutes } from './modules/rapor/rapor.routes';
import { createRaporService } from './modules/rapor/rapor.service';
import { createSkmRepo } from './modules/skm/skm.repo';
import { skmRoutes } from './modules/skm/skm.routes';
import { createSkmService } from './modules/skm/skm.service';
import { createSkmTokens } from './modules/skm/skm.tokens';
import { createUnitsRepo } from './modules/units/units.repo';
import { unitsRoutes } from './modules/units/units.routes';
import { createUnitsService } from './modules/units/units.service';
import { createUsersRepo } from './modules/users/users.repo';
import { usersRoutes } from './modules/users/users.routes';
import { createUsersService } from './modules/users/users.service';
import { createWilayahRepo } from './modules/wilayah/wilayah.repo';
import { wilayahRoutes } from './modules/wilayah/wilayah.routes';
import { createWilayahService } from './modules/wilayah/wilayah.service';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { openapiPlugin } from './plugins/openapi';
import { routeTablePlugin } from './plugins/route-table';
import { securityPlugin } from './plugins/security';
import { spaPlugin } from './plugins/spa';

z.config(z.locales.id());

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** The rapor cache (tests pass their own to watch what a verification drops). */
  raporCache?: RaporCache;
}

/** Builds the whole app without starting it: the server and the tests both start from here. */
export async function buildApp({
  config,
  database,
  clock = systemClock,
  logger,
  raporCache = createRaporCache(),
}: AppDeps) {
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
  app.setValidatorCompiler(memoizeFlatParts(validatorCompiler));
  app.setSerializerCompiler(serializerCompiler);

  const { db } = database;
  const audit = createAuditRepo(db);
  const sessionCache = createSessionCache({ ttlMs: config.sessionCacheSeconds * 1000, clock });
  const authRepo = createAuthRepo(db, {
    sessionRevoked: (sid) => sessionCache.evictSession(sid),
    userRevoked: (userId) => sessionCache.evictUser(userId),
  });
  // Changes made by any instance (or by hand in SQL) reach every instance's cache (migration 0006).
  const stopAuthListener = await database.listen(
    'sip_auth',
    (userId) => sessionCache.evictUser(userId),
    (listening) => sessionCache.setEnabled(listening),
  );
  app.addHook('onClose', async () => stopAuthListener());
  const wilayahRepo = createWilayahRepo(db);
  const authService = createAuthService({
    db,
    repo: authRepo,
    audit,
    clock,
    sessionCache,
    settings: {
      lockoutThreshold: config.lockoutThreshold,
      lockoutMinutes: config.lockoutMinutes,
      refreshTokenTtlDays: config.refreshTokenTtlDays,
    },
  });
  const wilayahService = createWilayahService({ repo: wilayahRepo });
  const periodeService = createPeriodeService({
    db,
    repo: createPeriodeRepo(db),
    wilayah: wilayahRepo,
    audit,
    clock,
  });
  const usersService = createUsersService({
    db,
    users: createUsersRepo(db),
    auth: authRepo,
    wilayah: wilayahRepo,
    audit,
    clock,
  });
  const unitsService = createUnitsService({
    db,
    repo: createUnitsRepo(db),
    wilayah: wilayahRepo,
    audit,
    clock,
  });
  // Rapor cache: laporan and SKM writes that change a rapor drop exactly the affected entries.
  const skmService = invalidatingSkm(
    createSkmService({
      db,
      repo: createSkmRepo(db),
      wilayah: wilayahRepo,
      audit,
      clock,
      tokens: createSkmTokens(config.authSecret),
      settings: { minFillSeconds: config.skmMinFillSeconds, formMaxAgeSeconds: 86_400 },
    }),
    raporCache,
  );
  const laporanRepo = createLaporanRepo(db);
  const notificationsRepo = createNotificationsRepo(db);
  /** Also the source of timelinessCounts and verifiedEntries for the rapor. */
  const laporanService = invalidatingLaporan(
    createLaporanService({
      db,
      repo: laporanRepo,
      audit,
      notifications: notificationsRepo,
      clock,
    }),
    raporCache,
  );
  const evidenceService = createEvidenceService({
    db,
    repo: createEvidenceRepo(db),
    laporan: laporanRepo,
    storage: createLocalStorage(config.uploadDir),
    audit,
    clock,
  });
  const notificationsService = createNotificationsService({
    repo: notificationsRepo,
    laporan: laporanService,
    clock,
  });

  await app.register(routeTablePlugin);
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
  await app.register(periodeRoutes, { periodeService });
  await app.register(frameworkRoutes, { periodeService });
  await app.register(usersRoutes, { usersService });
  await app.register(skmRoutes, { skmService, submitRateLimitPerMinute: config.skmRateLimitPerMinute });
  await app.register(laporanRoutes, {
    laporanService,
    queueService: createQueueService({ repo: laporanRepo, clock }),
  });
  await app.register(evidenceRoutes, { evidenceService, maxUploadBytes: config.maxUploadBytes });
  await app.register(notificationsRoutes, { notificationsService });
  await app.register(raporRoutes, {
    raporService: createRaporService({
      db,
      repo: createRaporRepo(db),
      periode: periodeService,
      laporan: laporanService,
      skm: skmService,
      audit,
      cache: raporCache,
      clock,
    }),
  });
  await app.register(spaPlugin, { webDist: config.webDist });

  return app;
}
export type App = Awaited<ReturnType<typeof buildApp>>;
