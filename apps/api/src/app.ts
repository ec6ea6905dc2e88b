import { randomUUID } from 'node:crypto';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scheduledBackupJob } from './backup/backup.job';
import type { Config } from './config/env';
import type { Database } from './db/client';
import { type Clock, systemClock } from './lib/clock';
import { AppError } from './lib/errors';
import { createEvents } from './lib/events';
import { responseSerializerCompiler } from './lib/serializer';
import { openStorage } from './lib/storage/open';
import { malformedTextPath } from './lib/text';
import { createKinerjaContext } from './modules/aktivitas/aktivitas.context';
import { aktivitasPartisiJob } from './modules/aktivitas/aktivitas.jobs';
import { createAktivitasRepo } from './modules/aktivitas/aktivitas.repo';
import { aktivitasRoutes } from './modules/aktivitas/aktivitas.routes';
import { createAktivitasService } from './modules/aktivitas/aktivitas.service';
import { createPersetujuanService } from './modules/aktivitas/aktivitas-persetujuan.service';
import { createVerifikasiService } from './modules/aktivitas/kinerja-verifikasi.service';
import { auditExportAccess, auditExportJob } from './modules/audit/audit.jobs';
import { createAuditRepo } from './modules/audit/audit.repo';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuditService } from './modules/audit/audit.service';
import { createAuthRepo } from './modules/auth/auth.repo';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { createPasswordPolicy } from './modules/auth/password-policy';
import { createSessionCache } from './modules/auth/session-cache';
import { berandaRoutes } from './modules/beranda/beranda.routes';
import { createBerandaService } from './modules/beranda/beranda.service';
import { createBuktiRepo } from './modules/bukti/bukti.repo';
import { buktiRoutes } from './modules/bukti/bukti.routes';
import { createBuktiService } from './modules/bukti/bukti.service';
import { emailJobs } from './modules/email/email.jobs';
import { openMailer } from './modules/email/email.mailer';
import { createEmailRepo } from './modules/email/email.repo';
import { emailRoutes } from './modules/email/email.routes';
import { createEmailService } from './modules/email/email.service';
import { createEmailTokens } from './modules/email/email.tokens';
import { createPasswordReset } from './modules/email/email-sandi.service';
import { healthRoutes } from './modules/health.routes';
import { createJobActors } from './modules/jobs/jobs.actors';
import { jobsCleanupJob } from './modules/jobs/jobs.cleanup';
import { createFileSealer, createJobFiles } from './modules/jobs/jobs.files';
import { createJobsRepo } from './modules/jobs/jobs.repo';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { createJobs, type Jobs } from './modules/jobs/jobs.runtime';
import { scheduleJobs } from './modules/jobs/jobs.schedules';
import { createJobsService, type JobDownloadChecks } from './modules/jobs/jobs.service';
import { createAtasanResolver } from './modules/kepegawaian/kepegawaian.atasan';
import { createKepegawaianImport } from './modules/kepegawaian/kepegawaian.import';
import { namaPejabat } from './modules/kepegawaian/kepegawaian.pejabat';
import { createKepegawaianRepo } from './modules/kepegawaian/kepegawaian.repo';
import { kepegawaianRoutes } from './modules/kepegawaian/kepegawaian.routes';
import { createKepegawaianService } from './modules/kepegawaian/kepegawaian.service';
import { createLaporanDetail } from './modules/laporan/laporan.detail';
import { createLaporanInputs } from './modules/laporan/laporan.inputs';
import { createQueueService } from './modules/laporan/laporan.queue';
import { createLaporanRepo } from './modules/laporan/laporan.repo';
import { laporanRoutes } from './modules/laporan/laporan.routes';
import { createLaporanService } from './modules/laporan/laporan.service';
import { createKomentarRepo } from './modules/laporan/laporan-komentar.repo';
import { createKomentarService } from './modules/laporan/laporan-komentar.service';
import { monthCloseJob } from './modules/laporan/laporan-penutupan.jobs';
import { createPenutupanRepo } from './modules/laporan/laporan-penutupan.repo';
import { createLaporanReviewService } from './modules/laporan/laporan-review.service';
import { remindersRoundJob } from './modules/notifications/notifications.jobs';
import { createReminders } from './modules/notifications/notifications.reminders';
import { createNotificationsRepo } from './modules/notifications/notifications.repo';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createPemdaRepo } from './modules/pemda/pemda.repo';
import { pemdaRoutes } from './modules/pemda/pemda.routes';
import { createPemdaService } from './modules/pemda/pemda.service';
import { createZones } from './modules/pemda/pemda.zona';
import { createPeriodeRepo } from './modules/periode/periode.repo';
import { periodeRoutes } from './modules/periode/periode.routes';
import { createPeriodeService } from './modules/periode/periode.service';
import { periodeFrameworkRoutes } from './modules/periode/periode-framework.routes';
import { createPeriodeLatihanService } from './modules/periode/periode-latihan.service';
import { createPeriodeTahunService } from './modules/periode/periode-tahun.service';
import { createRaporCache, keepRaporCacheFresh } from './modules/rapor/rapor.cache';
import { raporExportAccess, raporExportJob, raporRecomputeJob } from './modules/rapor/rapor.jobs';
import { createRaporRepo } from './modules/rapor/rapor.repo';
import { raporRoutes } from './modules/rapor/rapor.routes';
import { createRaporService } from './modules/rapor/rapor.service';
import { createRaporViews } from './modules/rapor/rapor.views';
import { createKeberatanRepo } from './modules/rapor/rapor-keberatan.repo';
import { keberatanRoutes } from './modules/rapor/rapor-keberatan.routes';
import { createKeberatanService } from './modules/rapor/rapor-keberatan.service';
import { createRaporPublicService } from './modules/rapor/rapor-public.service';
import { createRaporPublicationService } from './modules/rapor/rapor-publication.service';
import { createSkmExports, skmExportJob } from './modules/skm/skm.jobs';
import { createSkmPow } from './modules/skm/skm.pow';
import { createSkmRepo } from './modules/skm/skm.repo';
import { skmRoutes } from './modules/skm/skm.routes';
import { createSkmService } from './modules/skm/skm.service';
import { createSkmTokens } from './modules/skm/skm.tokens';
import { createSkmKodeService } from './modules/skm/skm-kode.service';
import { createSkmResponsesService } from './modules/skm/skm-responses.service';
import { createUnitRepo } from './modules/unit/unit.repo';
import { unitRoutes } from './modules/unit/unit.routes';
import { createUnitService } from './modules/unit/unit.service';
import { createUsersImport } from './modules/users/users.import';
import { usersImportAccess, usersImportJob } from './modules/users/users.jobs';
import { createUsersRepo } from './modules/users/users.repo';
import { usersRoutes } from './modules/users/users.routes';
import { createUsersService } from './modules/users/users.service';
import { createWilayahRepo } from './modules/wilayah/wilayah.repo';
import { wilayahRoutes } from './modules/wilayah/wilayah.routes';
import { createWilayahService } from './modules/wilayah/wilayah.service';
import { authPlugin } from './plugins/auth';
import { downloadAuditPlugin } from './plugins/download-audit';
import { errorsPlugin } from './plugins/errors';
import { metricsPlugin } from './plugins/metrics';
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
  /**
   * Background jobs of this app: which queues it works (default: all when JOBS_WORK is on) and
   * whether it keeps the recurring schedules (default on; the tests leave them off).
   */
  jobs?: { work?: boolean | readonly string[]; schedules?: boolean };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the whole app without starting it: the server and the tests both start from here. */
export async function buildApp({
  config,
  database,
  clock = systemClock,
  logger,
  jobs: jobsDeps = {},
}: AppDeps) {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // A request id in every log line, answer header and error answer: a proxy's id is kept when it
    // looks like one, otherwise a new one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  // JSON as Fastify parses it (prototype poisoning refused), and text no person meant refused at the
  // door: a lone UTF-16 surrogate cannot be stored and would otherwise fail deep inside as a 500.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parseJson(req, body as string, (err: Error | null, value?: unknown) => {
      if (err) return done(err);
      const bad = malformedTextPath(value);
      if (bad === null) return done(null, value);
      const message = 'Teks memuat karakter yang tidak sah (surrogate UTF-16 tunggal). Ketik ulang teksnya.';
      done(new AppError('VALIDATION', message, [{ path: bad ? `body.${bad}` : 'body', message }]));
    });
  });

  const { db } = database;
  const events = createEvents({
    onError: (err, name) => app.log.error({ err, event: name }, 'event handler failed'),
  });

  // Repositories: one per table group, each module's own.
  const audit = createAuditRepo(db);
  const authRepo = createAuthRepo(db);
  const wilayahRepo = createWilayahRepo(db);
  const usersRepo = createUsersRepo(db);
  const periodeRepo = createPeriodeRepo(db);
  const laporanRepo = createLaporanRepo(db);
  const buktiRepo = createBuktiRepo(db);
  // Stored files: the local folder, or the bucket, which must answer now or the start stops.
  const storage = await openStorage(config);
  app.addHook('onClose', async () => storage.close());
  // Background jobs (modules/jobs): queued in this database by pg-boss; their files go to storage.ekspor.
  const jobsRepo = createJobsRepo(db);
  const jobs = createJobs({ database, repo: jobsRepo, log: app.log });
  const jobFiles = createJobFiles({ storage: storage.ekspor, sealer: createFileSealer(config.authSecret) });
  const jobActors = createJobActors({ auth: authRepo });
  // Who may take a finished job's file away, per job name (each module adds its own check below).
  const downloadChecks: JobDownloadChecks = {};
  const jobsService = createJobsService({ repo: jobsRepo, files: jobFiles, mayDownload: downloadChecks });
  // E-mail (modules/email): the SMTP server of SMTP_URL must answer now, or the start stops.
  const mailer = config.smtp ? await openMailer(config.smtp) : undefined;
  app.addHook('onClose', async () => mailer?.close());
  const notificationsRepo = createNotificationsRepo(db);
  const skmRepo = createSkmRepo(db);
  const raporRepo = createRaporRepo(db);
  const kepegawaianRepo = createKepegawaianRepo(db);

  // Caches, each with its invalidation: this instance's events at once, other instances' changes
  // through PostgreSQL LISTEN/NOTIFY (migrations 0006, 0007).
  const sessionCache = createSessionCache({ ttlMs: config.sessionCacheSeconds * 1000, clock });
  events.on('session.revoked', (e) => sessionCache.evictSession(e.sessionId));
  events.on('user.revoked', (e) => sessionCache.evictUser(e.userId));
  const stopAuthListener = await database.listen(
    'sip_auth',
    (userId) => sessionCache.evictUser(userId),
    (listening) => sessionCache.setEnabled(listening),
  );
  const raporCache = createRaporCache();
  const stopRaporListener = await keepRaporCacheFresh({ cache: raporCache, events, database });
  app.addHook('onClose', async () => {
    await stopAuthListener();
    await stopRaporListener();
  });

  const pemdaRepo = createPemdaRepo(db);
  const zones = createZones(pemdaRepo);
  const passwordPolicy = createPasswordPolicy({ minScore: config.passwordMinScore });
  const authService = createAuthService({
    db,
    repo: authRepo,
    audit,
    zones,
    clock,
    events,
    sessionCache,
    passwordPolicy,
    settings: {
      lockoutThreshold: config.lockoutThreshold,
      lockoutMinutes: config.lockoutMinutes,
      refreshTokenTtlDays: config.refreshTokenTtlDays,
      authSecret: config.authSecret,
      requireTotpRoles: config.requireTotpRoles,
      sessionIdleMinutesAdmin: config.sessionIdleMinutesAdmin,
      sessionIdleMinutes: config.sessionIdleMinutes,
    },
  });
  const periodeService = createPeriodeService({
    db,
    repo: periodeRepo,
    wilayah: wilayahRepo,
    audit,
    zones,
    events,
    clock,
  });
  const usersService = createUsersService({
    db,
    users: usersRepo,
    auth: authRepo,
    wilayah: wilayahRepo,
    audit,
    events,
    clock,
  });
  const skmService = createSkmService({
    db,
    repo: skmRepo,
    wilayah: wilayahRepo,
    zones,
    clock,
    events,
    tokens: createSkmTokens(config.authSecret),
    pow: createSkmPow(config.authSecret, config.skmPowMaxNumber),
    settings: {
      minFillSeconds: config.skmMinFillSeconds,
      formMaxAgeSeconds: config.skmFormMaxAgeSeconds,
      burstMinPerHour: config.skmBurstMinPerHour,
      burstFactor: config.skmBurstFactor,
      burstBaselineDays: config.skmBurstBaselineDays,
    },
  });
  const reminders = createReminders({
    periode: periodeService,
    reports: laporanRepo,
    wilayah: wilayahRepo,
    clock,
  });
  const notificationsService = createNotificationsService({
    repo: notificationsRepo,
    users: usersRepo,
    reminders,
    clock,
  });
  // The hourly rounds and the jobs that follow a month's end (jobs.schedules.ts).
  jobs.register(
    remindersRoundJob({
      periode: periodeRepo,
      wilayah: wilayahRepo,
      reminders,
      users: usersRepo,
      repo: notificationsRepo,
    }),
  );
  jobs.register(
    monthCloseJob({
      periode: periodeRepo,
      zones,
      wilayah: wilayahRepo,
      repo: createPenutupanRepo(db),
      jobs,
      clock,
    }),
  );
  jobs.register(jobsCleanupJob({ repo: jobsRepo, files: jobFiles }));
  jobs.register(aktivitasPartisiJob({ db, clock }));
  jobs.register(scheduledBackupJob({ database, storage: storage.bukti, settings: config.backup, clock }));

  const laporanInputs = createLaporanInputs({ repo: laporanRepo, clock });
  // The camat and lurah of each unit over a year: the position history of its head (kepegawaian),
  // else the camat or lurah account on record.
  const officialsOf = async (pemdaKode: string, tahun: number) =>
    new Map([
      ...(await usersRepo.officials(pemdaKode)).map((o) => [o.kode, o.nama] as const),
      ...namaPejabat(
        await kepegawaianRepo.kepalaUnitSpans(pemdaKode, `${tahun}-01-01`, `${tahun}-12-31`),
        tahun,
      ),
    ]);
  const raporViews = createRaporViews({
    cache: raporCache,
    repo: raporRepo,
    periode: periodeService,
    wilayah: wilayahRepo,
    laporan: laporanInputs,
    skm: skmService,
    officials: officialsOf,
    clock,
  });
  const laporanReader = createLaporanDetail({
    repo: laporanRepo,
    // The preview takes the unit's IKM and kelurahan totals from the running rapor, as the rapor does.
    raporContext: async (p, kode) => {
      const inputs = (await raporViews.runningView(p)).units.get(kode)?.inputs;
      return { ikm: inputs?.ikm ?? null, kelurahanTotals: inputs?.kelurahanTotals ?? null };
    },
    periode: periodeService,
    inputs: laporanInputs,
    evidence: buktiRepo,
    returns: async (laporanId) =>
      (await audit.history('laporan', laporanId))
        .filter(({ row }) => row.action === 'laporan.returned')
        .map(({ row }) => ({
          at: row.at,
          by: (row.after as { by?: unknown } | null)?.by,
          entries: (row.before as { entries?: unknown } | null)?.entries,
        })),
    maxUploadBytes: config.maxUploadBytes,
    clock,
  });
  const laporanDeps = { db, repo: laporanRepo, reader: laporanReader, wilayah: wilayahRepo, audit, clock };
  const laporanService = createLaporanService({ ...laporanDeps, periode: periodeService });
  const reviewService = createLaporanReviewService({
    ...laporanDeps,
    notifier: notificationsService,
    events,
  });

  const queueService = createQueueService({ repo: laporanRepo, periode: periodeService, clock });
  const skmResponsesService = createSkmResponsesService({
    db,
    repo: skmRepo,
    wilayah: wilayahRepo,
    audit,
    zones,
    clock,
    events,
  });

  // Kinerja pegawai (DESIGN.md): the organisation, the daily log, its weekly approval and monthly verification.
  const aktivitasRepo = createAktivitasRepo(db);
  const atasan = createAtasanResolver(kepegawaianRepo);
  const kinerjaContext = createKinerjaContext({
    kepegawaian: kepegawaianRepo,
    aktivitas: aktivitasRepo,
    zonaOf: (kode) => zones.zonaOf(kode),
    clock,
  });
  const kepegawaianService = createKepegawaianService({
    db,
    repo: kepegawaianRepo,
    atasan,
    users: usersRepo,
    wilayah: wilayahRepo,
    audit,
    clock,
    zonaOf: (kode) => zones.zonaOf(kode),
  });
  const kinerjaDeps = { db, repo: aktivitasRepo, kepegawaian: kepegawaianRepo, atasan, ctx: kinerjaContext };
  const aktivitasService = createAktivitasService(kinerjaDeps);
  const persetujuanService = createPersetujuanService({
    ...kinerjaDeps,
    audit,
    notifications: notificationsRepo,
  });
  const verifikasiService = createVerifikasiService({ ...kinerjaDeps, audit });
  const berandaService = createBerandaService({
    periode: periodeService,
    laporan: laporanRepo,
    queue: queueService,
    users: usersService,
    skm: skmResponsesService,
    wilayah: wilayahRepo,
    clock,
  });

  await app.register(routeTablePlugin);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await app.register(metricsPlugin, {
    database,
    token: config.metricsToken,
    jobs: { counts: () => jobsRepo.counts(), onFailure: (l) => jobs.onFailure(l) },
  });
  await app.register(errorsPlugin, { bodyLimitBytes: config.bodyLimitBytes });
  await app.register(securityPlugin, {
    authSecret: config.authSecret,
    cookieSecure: config.cookieSecure,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  // Before compression, so the audit row has the file's own size.
  await app.register(downloadAuditPlugin, { audit });
  // Brotli at quality 2: a ranking of 151 kelurahan is 6 % bigger than at the default 4, for a third
  // of the server's time. Answers up to 64 KB are compressed in one call: a zlib stream per answer
  // (the default above 8 KB on two cores) costs more than compressing them.
  await app.register(fastifyCompress, {
    threshold: 1024,
    syncThreshold: 65_536,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } },
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
  await app.register(wilayahRoutes, { wilayahService: createWilayahService({ repo: wilayahRepo }) });
  await app.register(unitRoutes, {
    unitService: createUnitService({
      db,
      repo: createUnitRepo(db),
      wilayah: wilayahRepo,
      users: usersRepo,
      audit,
      clock,
    }),
  });
  await app.register(pemdaRoutes, {
    pemdaService: createPemdaService({
      db,
      repo: pemdaRepo,
      wilayah: wilayahRepo,
      audit,
      events,
      clock,
      periodes: periodeRepo,
      laporan: laporanRepo,
    }),
  });
  const auditService = createAuditService({ repo: audit, zones, jobs });
  jobs.register(auditExportJob({ audit: auditService, files: jobFiles, actors: jobActors }));
  downloadChecks['audit.export'] = auditExportAccess;
  await app.register(periodeRoutes, {
    periodeService,
    periodeTahunService: createPeriodeTahunService({
      periode: periodeService,
      openWork: berandaService.openWork,
    }),
    periodeLatihanService: createPeriodeLatihanService({
      db,
      repo: periodeRepo,
      audit,
      events,
      clock,
      // The rows are gone already: a store that is down now leaves unnamed files behind, logged,
      // rather than failing a reset that happened.
      deleteFiles: async (keys) => {
        for (const key of keys)
          await storage.bukti
            .delete(key)
            .catch((err) => app.log.warn({ err, key }, 'practice evidence file left in storage'));
      },
    }),
    cookieSecure: config.cookieSecure,
  });
  await app.register(berandaRoutes, { berandaService });
  await app.register(periodeFrameworkRoutes, { periodeService });
  const usersImport = createUsersImport({ db, users: usersRepo, wilayah: wilayahRepo, audit, jobs });
  jobs.register(usersImportJob({ importer: usersImport, files: jobFiles, actors: jobActors }));
  downloadChecks['users.import'] = usersImportAccess;
  await app.register(usersRoutes, { usersService, usersImport, jobsService });
  const skmExports = createSkmExports({ wilayah: wilayahRepo, jobs });
  jobs.register(skmExportJob({ skm: skmService, files: jobFiles, actors: jobActors }));
  const emailRepo = createEmailRepo(db);
  const emailService = createEmailService({
    repo: emailRepo,
    auth: authService,
    audit,
    wilayah: wilayahRepo,
    zones,
    tokens: createEmailTokens(config.authSecret),
    mailer,
    jobs,
    clock,
    settings: { publicUrl: config.publicUrl, digestHour: config.smtp?.digestHour ?? 7 },
    log: app.log,
  });
  const passwordReset = createPasswordReset({
    db,
    auth: authRepo,
    email: emailRepo,
    audit,
    passwordPolicy,
    mailer,
    jobs,
    events,
    clock,
    settings: { authSecret: config.authSecret, publicUrl: config.publicUrl },
  });
  for (const job of emailJobs({ email: emailService, passwordReset, users: usersRepo })) jobs.register(job);
  downloadChecks['skm.export'] = skmExports.mayDownload;
  await app.register(skmRoutes, {
    skmService,
    responsesService: skmResponsesService,
    kodeService: createSkmKodeService({ db, repo: skmRepo, wilayah: wilayahRepo, audit, zones, clock }),
    exports: skmExports,
    jobsService,
    submitRateLimitPerMinute: config.skmRateLimitPerMinute,
  });
  await app.register(laporanRoutes, {
    laporanService,
    reviewService,
    queueService,
    komentarService: createKomentarService({
      db,
      repo: createKomentarRepo(db),
      reader: laporanReader,
      audit,
    }),
  });
  await app.register(buktiRoutes, {
    buktiService: createBuktiService({
      db,
      repo: buktiRepo,
      laporan: laporanReader,
      entries: laporanRepo,
      storage: storage.bukti,
      audit,
      clock,
    }),
    maxUploadBytes: config.maxUploadBytes,
  });
  await app.register(notificationsRoutes, { notificationsService });
  const keberatanService = createKeberatanService({
    db,
    repo: createKeberatanRepo(db),
    views: raporViews,
    audit,
    clock,
  });
  await app.register(keberatanRoutes, { keberatanService });
  const raporService = createRaporService({
    views: raporViews,
    laporan: laporanInputs,
    skm: skmService,
    jobs,
  });
  jobs.register(raporExportJob({ rapor: raporService, files: jobFiles, actors: jobActors }));
  jobs.register(raporRecomputeJob({ views: raporViews, periode: periodeService }));
  downloadChecks['rapor.export'] = raporExportAccess(raporService);
  await app.register(raporRoutes, {
    raporService,
    jobsService,
    publicationService: createRaporPublicationService({
      db,
      repo: raporRepo,
      views: raporViews,
      cache: raporCache,
      periode: periodeService,
      officials: officialsOf,
      skm: skmService,
      laporan: laporanInputs,
      keberatan: keberatanService,
      audit,
      events,
      clock,
    }),
    answers: raporCache,
    publicService: createRaporPublicService({ views: raporViews, periode: periodeService }),
  });
  await app.register(auditRoutes, { auditService, jobsService });
  await app.register(jobsRoutes, { jobsService });
  await app.register(kepegawaianRoutes, {
    kepegawaianService,
    kepegawaianImport: createKepegawaianImport({
      db,
      repo: kepegawaianRepo,
      users: usersRepo,
      wilayah: wilayahRepo,
      audit,
    }),
  });
  await app.register(aktivitasRoutes, { aktivitasService, persetujuanService, verifikasiService });
  await app.register(emailRoutes, {
    emailService,
    passwordReset,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
  });
  const work = config.jobsWork ? (jobsDeps.work ?? true) : false;
  app.addHook('onReady', async () => {
    await jobs.start({ work });
    if (work !== false && (jobsDeps.schedules ?? true)) await scheduleJobs(jobs, config);
  });
  app.addHook('onClose', async () => jobs.stop());
  await app.register(spaPlugin, { webDist: config.webDist });

  // The job runtime, for the CLI (`jobs run`) and the tests that start a round themselves.
  app.decorate('jobs', jobs);
  return app as typeof app & { jobs: Jobs };
}
export type App = Awaited<ReturnType<typeof buildApp>>;
