import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@sip/contracts';
import { inject } from 'vitest';
import { type AppDeps, buildApp } from '../src/app';
import { loadConfig } from '../src/config/env';
import type { Database } from '../src/db/client';
import type { Clock } from '../src/lib/clock';
import { createAuditRepo } from '../src/modules/audit/audit.repo';
import { hashPassword } from '../src/modules/auth/password';
import { provisionUser } from '../src/modules/users/users.provisioning';
import { createUsersRepo } from '../src/modules/users/users.repo';
import { createWilayahRepo } from '../src/modules/wilayah/wilayah.repo';
import { buildTemplate, cloneTemplate } from './setup/template-database';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const TEST_PASSWORD = 'Rahasia-Uji-2026';

export interface TestContext {
  app: Awaited<ReturnType<typeof buildApp>>;
  database: Database;
  /** The app's data folder (its stored files: `uploads/`, `ekspor/`). */
  dataDir: string;
  close: () => Promise<void>;
  /** Another app (an instance of its own) on the same database, with only these settings; closed with this context. */
  variant: (configOverrides: Record<string, string>, appDeps?: AppDepsOverrides) => Promise<TestContext>;
  createUser: (opts: {
    role: Role;
    wilayahKode: string;
    username?: string;
    password?: string;
  }) => Promise<{ id: string; username: string; password: string }>;
}

type AppDepsOverrides = { clock?: Clock; jobs?: AppDeps['jobs'] };

/** The real argon2id hash, computed once per password per test file (most fixtures share one). */
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password);
    hashes.set(password, h);
  }
  return h;
};

/**
 * The real app on this test file's own copy of the migrated database with Kota Bandung imported
 * (built once per run by test/setup/global-setup.ts).
 */
export async function createTestApp(
  configOverrides: Record<string, string> = {},
  appDeps: AppDepsOverrides = {},
): Promise<TestContext> {
  // Under vitest the run's template (test/setup/global-setup.ts); elsewhere (benchmarks) one of its own.
  const provided = process.env.VITEST ? inject('templateDatabase') : undefined;
  const own = provided ? undefined : await buildTemplate();
  const { database, drop } = await cloneTemplate(provided ?? own!.template);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sip-test-'));
  const ctx = await appOn(database, dataDir, configOverrides, appDeps);
  const close = ctx.close;
  ctx.close = async () => {
    await close();
    await drop();
    await own?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return ctx;
}

async function appOn(
  database: Database,
  dataDir: string,
  configOverrides: Record<string, string>,
  appDeps: AppDepsOverrides,
): Promise<TestContext> {
  const config = loadConfig(
    {
      AUTH_SECRET: TEST_SECRET,
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'silent',
      WEB_DIST: path.join(dataDir, 'no-web'),
      // Test accounts have no authenticator; the TOTP tests turn the production default back on.
      REQUIRE_TOTP_ROLES: '',
      ...configOverrides,
    },
    { dataDir },
  );
  // Jobs run as in production; the hourly rounds are started by the tests that need them.
  const app = await buildApp({
    config,
    database,
    logger: process.env.TEST_LOG ? { level: 'error' } : false,
    jobs: { schedules: false },
    ...appDeps,
  });
  await app.ready();
  const deps = {
    db: database.db,
    users: createUsersRepo(database.db),
    wilayah: createWilayahRepo(database.db),
    audit: createAuditRepo(database.db),
    hashPassword: hashOnce,
  };
  const variants: TestContext[] = [];
  let closed = false;
  return {
    app,
    database,
    dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const v of variants) await v.close();
      await app.close();
    },
    variant: async (overrides, moreDeps = {}) => {
      const v = await appOn(database, dataDir, overrides, moreDeps);
      variants.push(v);
      return v;
    },
    createUser: async ({ role, wilayahKode, username, password = TEST_PASSWORD }) => {
      const name = username ?? `${role}-${randomUUID().slice(0, 8)}`;
      const { userId } = await provisionUser(deps, {
        username: name,
        namaLengkap: `Pengguna ${name}`,
        pemdaKode: wilayahKode.slice(0, 5),
        password,
        mustChangePassword: false,
        roles: [{ role, wilayahKode }],
      });
      return { id: userId, username: name, password };
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps cookies and sends the CSRF token like the web app does. */
export class TestClient {
  cookies = new Map<string, string>();
  csrf: string | undefined;

  /** `remoteAddress`: the client's address as the server sees it (default 127.0.0.1). */
  constructor(
    private readonly app: TestContext['app'],
    private readonly remoteAddress?: string,
  ) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    if (method !== 'GET' && opts.csrf !== false && !this.csrf) await this.fetchCsrf();
    const res = await this.app.inject({
      method,
      url,
      cookies: Object.fromEntries(this.cookies),
      headers: {
        ...(method !== 'GET' && opts.csrf !== false && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...opts.headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async fetchCsrf() {
    const res = await this.request('GET', '/api/auth/csrf');
    this.csrf = res.json().csrfToken;
  }

  async login(username: string, password = TEST_PASSWORD) {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.statusCode === 200) this.csrf = res.json().csrfToken;
    return res;
  }
}

export async function loggedIn(ctx: TestContext, role: Role, wilayahKode: string) {
  const user = await ctx.createUser({ role, wilayahKode });
  const client = new TestClient(ctx.app);
  const res = await client.login(user.username, user.password);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return { client, user };
}

/**
 * Retries `check` until it passes (or `timeoutMs` runs out, then its last failure is thrown): for what
 * arrives asynchronously, such as a database notice from another instance. No fixed sleep.
 */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
