import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Role, roleSchema } from '@sip/contracts';
import { z } from 'zod';

/**
 * The repository (the folder of pnpm-workspace.yaml) above this module: from the sources and from
 * the compiled bundle alike. Outside a checkout (the production image) the working directory.
 */
export const repoRoot = (() => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; ) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
})();

// Production defaults of the SKM anti-abuse settings: anything weaker is named at start.
const SKM_RATE_LIMIT_DEFAULT = 30;
const SKM_MIN_FILL_SECONDS_DEFAULT = 20;
const SKM_POW_MAX_NUMBER_DEFAULT = 500_000;
const SKM_BURST_MIN_PER_HOUR_DEFAULT = 20;
const SKM_BURST_FACTOR_DEFAULT = 4;

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes'].includes(v)));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DEMO: bool,
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  COOKIE_SECURE: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(1200),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /**
   * Whose X-Forwarded-For to believe for the client address (rate limits, audit log):
   * off (default: the socket address), or the proxies' addresses/CIDRs, comma-separated
   * (docker-compose.yml gives Caddy a fixed address). `true` trusts anyone who can reach
   * the port — only behind a proxy that is the sole way in. A hop count is refused: Fastify
   * would trust nobody with it, and `1` used to mean `true`.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): TrustProxy => {
      const value = (v ?? '').trim().toLowerCase();
      if (['', 'false', 'no', 'off', '0'].includes(value)) return false;
      if (['true', 'yes', 'on'].includes(value)) return true;
      if (/^\d+$/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `${value} is ambiguous: write the proxy's address (e.g. 172.28.0.10) or true`,
        });
        return z.NEVER;
      }
      const addresses = value.split(',').map((a) => a.trim());
      if (addresses.every((a) => isIP(a.split('/')[0] ?? '') !== 0)) return addresses;
      ctx.addIssue({
        code: 'custom',
        message: 'must be false, true, or the proxy addresses/CIDRs separated by commas',
      });
      return z.NEVER;
    }),
  /** Folder of uploaded bukti dukung (default DATA_DIR/uploads). */
  UPLOAD_DIR: z.string().optional(),
  /**
   * Where stored files (bukti dukung, exports) live: `local` (UPLOAD_DIR) or `s3` (an S3-compatible
   * bucket: MinIO, any cloud). Default: `s3` when S3_BUCKET is set, otherwise `local`.
   */
  STORAGE_DRIVER: z.enum(['local', 's3']).optional(),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name (3–63 lowercase letters, digits, dots, hyphens)',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The object store's URL (MinIO: http://minio:9000); unset for AWS S3 itself. */
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Without both keys the AWS SDK's own chain is used (instance role, AWS_* variables). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (bucket in the path): MinIO needs it; default on when S3_ENDPOINT is set. */
  S3_FORCE_PATH_STYLE: bool,
  /** A folder inside the bucket for this app's objects (e.g. `sip/`), when the bucket is shared. */
  S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be folder names each ending in / (e.g. sip/), or empty')
    .default(''),
  /** How long one request to the object store may take before it counts as down. */
  S3_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  /** Largest accepted evidence file, in bytes (default 10 MB). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** SKM public survey: submissions per minute per client address. */
  SKM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(SKM_RATE_LIMIT_DEFAULT),
  /** Least zxcvbn score (0–4) of a new password; below 3 is weakened. */
  PASSWORD_MIN_SCORE: z.coerce.number().int().min(0).max(4).default(3),
  /**
   * Roles that must use a second factor (TOTP), comma-separated; empty for none. Default `admin`
   * (demo mode: none, reported as weakened at start).
   */
  REQUIRE_TOTP_ROLES: z
    .string()
    .optional()
    .transform((v, ctx): Role[] | undefined => {
      if (v === undefined) return undefined;
      const names = v
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      const bad = names.filter((r) => !roleSchema.safeParse(r).success);
      if (bad.length === 0) return names as Role[];
      ctx.addIssue({ code: 'custom', message: `unknown role(s): ${bad.join(', ')}` });
      return z.NEVER;
    }),
  /** A session of an admin ends after this many minutes without a request. */
  SESSION_IDLE_MINUTES_ADMIN: z.coerce.number().int().min(1).max(1440).default(30),
  /** A session of any other role ends after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(10080).default(480),
  /** SKM public survey: seconds between opening the form and sending it (bots send at once). */
  SKM_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(SKM_MIN_FILL_SECONDS_DEFAULT),
  /** SKM: a form (and its proof-of-work challenge) older than this is refused; each is accepted once. */
  SKM_FORM_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(604_800).default(7200),
  /**
   * SKM proof-of-work (ALTCHA, SHA-256): the solver tries on average half this many hashes
   * (a phone: a few seconds, done while the person reads; a script pays it for every ballot).
   */
  SKM_POW_MAX_NUMBER: z.coerce.number().int().min(1).max(50_000_000).default(SKM_POW_MAX_NUMBER_DEFAULT),
  /** SKM burst detector: an hour never quarantines below this many online responses of a unit. */
  SKM_BURST_MIN_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(SKM_BURST_MIN_PER_HOUR_DEFAULT),
  /** SKM burst detector: quarantine above this many times the unit's usual busy hour. */
  SKM_BURST_FACTOR: z.coerce.number().min(1).max(1000).default(SKM_BURST_FACTOR_DEFAULT),
  /** SKM burst detector: days of history that make a unit's usual busy hour. */
  SKM_BURST_BASELINE_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  /**
   * Bearer token a Prometheus scraper sends to `/metrics`; without it `/metrics` answers only
   * requests from this machine (loopback).
   */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /**
   * This instance runs background jobs (exports, imports, the hourly reminder and month-close rounds,
   * scheduled backups). Off for an instance that only answers requests; at least one must work.
   */
  JOBS_WORK: bool,
  /** Scheduled backups: the folder of the dated archives (off when unset). */
  BACKUP_DIR: z.string().optional(),
  /** When (cron: minute hour day month weekday, read in BACKUP_TZ); default 01:30 every day. */
  BACKUP_CRON: z
    .string()
    .regex(/^\s*\S+(\s+\S+){4}\s*$/, 'five cron fields: minute hour day month weekday (e.g. 30 1 * * *)')
    .default('30 1 * * *'),
  /** The zone BACKUP_CRON is read in (IANA name). */
  BACKUP_TZ: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Asia/Jakarta')
    .default('Asia/Jakarta'),
  /** How many dated archives to keep (the oldest go). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /**
   * The SMTP server e-mail goes out through, as a URL: smtp://user:pass@host:587 (STARTTLS) or
   * smtps://…:465; unset: no e-mail (the in-app notifications stay).
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The sender of every e-mail, e.g. `SIP Kinerja <sip@bandung.go.id>`. */
  MAIL_FROM: z.string().trim().min(3).default('SIP Kinerja Kewilayahan <noreply@localhost>'),
  /** The address people open the app at: links in e-mails point there. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http:// or https:// address people open the app at' })
    .optional(),
  /** The hour (0–23, the pemda's time zone) the daily e-mail digest goes out. */
  EMAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

/**
 * The settings that only make sense together: an S3 bucket needs its name, and both keys or none;
 * e-mail needs the address its links point at.
 */
const checkedEnvSchema = envSchema.superRefine((e, ctx) => {
  if (e.SMTP_URL !== undefined && e.PUBLIC_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message: 'required with SMTP_URL: the https:// address people open the app at (links in e-mails)',
    });
  }
  const s3 = e.STORAGE_DRIVER === 's3' || (e.STORAGE_DRIVER === undefined && e.S3_BUCKET !== undefined);
  if (s3 && e.S3_BUCKET === undefined)
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when STORAGE_DRIVER=s3' });
  if (s3 && (e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    const missing = e.S3_ACCESS_KEY_ID === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY';
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      message: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS SDK chain)',
    });
  }
});

/** An S3-compatible bucket for stored files (DESIGN.md, Operations). */
export interface S3Config {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  prefix: string;
  timeoutMs: number;
}

/** Fastify's `trustProxy`: off, everyone, or the proxies' addresses. */
export type TrustProxy = boolean | string[];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  authSecret: string;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  bodyLimitBytes: number;
  sessionCacheSeconds: number;
  trustProxy: TrustProxy;
  uploadDir: string;
  /** Stored files go to this bucket; undefined: the local folder `uploadDir`. */
  s3: S3Config | undefined;
  maxUploadBytes: number;
  skmRateLimitPerMinute: number;
  skmMinFillSeconds: number;
  skmFormMaxAgeSeconds: number;
  skmPowMaxNumber: number;
  skmBurstMinPerHour: number;
  skmBurstFactor: number;
  skmBurstBaselineDays: number;
  passwordMinScore: number;
  requireTotpRoles: Role[];
  sessionIdleMinutesAdmin: number;
  sessionIdleMinutes: number;
  metricsToken: string | undefined;
  /** E-mail through this SMTP server (SMTP_URL); undefined: in-app notifications only. */
  smtp: { url: string; from: string; digestHour: number } | undefined;
  /** Where people open the app (links in e-mails). */
  publicUrl: string;
  /** This instance runs background jobs (JOBS_WORK). */
  jobsWork: boolean;
  /** Scheduled backups (BACKUP_DIR set), with retention. */
  backup: { dir: string; cron: string; tz: string; keep: number } | undefined;
}

export class ConfigError extends Error {}

/** Parsed once at boot; fails listing every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = checkedEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = overrides.demo ?? e.DEMO ?? false;
  const dataDir = path.resolve(overrides.dataDir ?? e.DATA_DIR);
  let authSecret = overrides.authSecret ?? e.AUTH_SECRET;
  if (!authSecret) {
    if (!demo) {
      throw new ConfigError(
        'Invalid configuration:\n  AUTH_SECRET: required (at least 32 random characters) outside demo mode',
      );
    }
    authSecret = demoSecret(dataDir);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demo,
    authSecret,
    cookieSecure: e.COOKIE_SECURE ?? !demo,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    trustProxy: e.TRUST_PROXY,
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    s3:
      e.S3_BUCKET !== undefined && e.STORAGE_DRIVER !== 'local'
        ? {
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            credentials:
              e.S3_ACCESS_KEY_ID !== undefined && e.S3_SECRET_ACCESS_KEY !== undefined
                ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
                : undefined,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
            prefix: e.S3_PREFIX,
            timeoutMs: e.S3_TIMEOUT_SECONDS * 1000,
          }
        : undefined,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    skmRateLimitPerMinute: e.SKM_RATE_LIMIT_PER_MINUTE,
    skmMinFillSeconds: e.SKM_MIN_FILL_SECONDS,
    skmFormMaxAgeSeconds: e.SKM_FORM_MAX_AGE_SECONDS,
    skmPowMaxNumber: e.SKM_POW_MAX_NUMBER,
    skmBurstMinPerHour: e.SKM_BURST_MIN_PER_HOUR,
    skmBurstFactor: e.SKM_BURST_FACTOR,
    skmBurstBaselineDays: e.SKM_BURST_BASELINE_DAYS,
    passwordMinScore: e.PASSWORD_MIN_SCORE,
    // The demo's shared accounts cannot hold one person's authenticator: off there unless set.
    requireTotpRoles: e.REQUIRE_TOTP_ROLES ?? (demo ? [] : ['admin']),
    sessionIdleMinutesAdmin: e.SESSION_IDLE_MINUTES_ADMIN,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    metricsToken: e.METRICS_TOKEN,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM, digestHour: e.EMAIL_DIGEST_HOUR } : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    jobsWork: e.JOBS_WORK ?? true,
    backup: e.BACKUP_DIR
      ? { dir: path.resolve(e.BACKUP_DIR), cron: e.BACKUP_CRON.trim(), tz: e.BACKUP_TZ, keep: e.BACKUP_KEEP }
      : undefined,
    ...overrides,
  };
}

/** Demo mode only: a random secret kept in the data folder so sessions survive a restart. */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'demo-auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The settings that leave a protection weaker than its production default, in words an
 * operator can act on; the server prints them when it starts.
 */
export function weakenedProtections(config: Config): string[] {
  const weakened: string[] = [];
  if (config.trustProxy === true)
    weakened.push(
      'TRUST_PROXY=true: any client can choose its own address (X-Forwarded-For) for rate limits and the audit log; set the address of the proxy instead',
    );
  if (!config.cookieSecure && !config.demo)
    weakened.push('COOKIE_SECURE=false: the session cookie is also sent over plain HTTP');
  if (!config.requireTotpRoles.includes('admin'))
    weakened.push(
      `REQUIRE_TOTP_ROLES=${config.requireTotpRoles.join(',')}: admins may sign in without a second factor (TOTP); include admin`,
    );
  if (config.passwordMinScore < 3)
    weakened.push(
      `PASSWORD_MIN_SCORE=${config.passwordMinScore}: guessable passwords are accepted; use 3 or 4`,
    );
  if (config.skmPowMaxNumber < SKM_POW_MAX_NUMBER_DEFAULT)
    weakened.push(
      `SKM_POW_MAX_NUMBER=${config.skmPowMaxNumber}: the survey's proof-of-work is easier than ${SKM_POW_MAX_NUMBER_DEFAULT}, each ballot costs a script less`,
    );
  if (config.skmMinFillSeconds < SKM_MIN_FILL_SECONDS_DEFAULT)
    weakened.push(
      `SKM_MIN_FILL_SECONDS=${config.skmMinFillSeconds}: survey forms may be sent sooner than ${SKM_MIN_FILL_SECONDS_DEFAULT} s after opening`,
    );
  if (config.skmRateLimitPerMinute > SKM_RATE_LIMIT_DEFAULT)
    weakened.push(
      `SKM_RATE_LIMIT_PER_MINUTE=${config.skmRateLimitPerMinute}: one address may send more than ${SKM_RATE_LIMIT_DEFAULT} survey responses a minute`,
    );
  if (
    config.skmBurstMinPerHour > SKM_BURST_MIN_PER_HOUR_DEFAULT ||
    config.skmBurstFactor > SKM_BURST_FACTOR_DEFAULT
  )
    weakened.push(
      `SKM_BURST_MIN_PER_HOUR=${config.skmBurstMinPerHour}, SKM_BURST_FACTOR=${config.skmBurstFactor}: bursts of survey responses are quarantined later than at ${SKM_BURST_MIN_PER_HOUR_DEFAULT} an hour and ${SKM_BURST_FACTOR_DEFAULT} × the usual`,
    );
  return weakened;
}
