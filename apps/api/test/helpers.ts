import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@sip/contracts';
import pg from 'pg';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config/env';
import { createDatabase, type Database } from '../src/db/client';
import type { Clock } from '../src/lib/clock';
import { createAuditRepo } from '../src/modules/audit/audit.repo';
import { provisionUser } from '../src/modules/users/users.provisioning';
import { createUsersRepo } from '../src/modules/users/users.repo';
import { importWilayah } from '../src/modules/wilayah/wilayah.import';
import { createWilayahRepo } from '../src/modules/wilayah/wilayah.repo';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const TEST_PASSWORD = 'Rahasia-Uji-2026';

/** A fresh database for one test file: PGlite in memory, or a new database on TEST_DATABASE_URL's server. */
export async function createTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await createDatabase({});
    return { database, drop: () => database.close() };
  }
  const name = `sip_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await createDatabase({ url: u.toString(), poolSize: 5 });
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestContext {
  app: Awaited<ReturnType<typeof buildApp>>;
  database: Database;
  close: () => Promise<void>;
  createUser: (opts: {
    role: Role;
    wilayahKode: string;
    username?: string;
    password?: string;
  }) => Promise<{ id: string; username: string; password: string }>;
}

/** The real app on a freshly migrated database with Kota Bandung imported. */
export async function createTestApp(
  configOverrides: Record<string, string> = {},
  appDeps: { clock?: Clock } = {},
): Promise<TestContext> {
  const { database, drop } = await createTestDatabase();
  await database.migrate();
  const wilayah = createWilayahRepo(database.db);
  await importWilayah({ db: database.db, repo: wilayah }, '32.73');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sip-test-'));
  const config = loadConfig(
    {
      AUTH_SECRET: TEST_SECRET,
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'silent',
      WEB_DIST: path.join(dataDir, 'no-web'),
      ...configOverrides,
    },
    { dataDir },
  );
  const app = await buildApp({ config, database, logger: false, ...appDeps });
  await app.ready();
  const deps = {
    db: database.db,
    users: createUsersRepo(database.db),
    wilayah,
    audit: createAuditRepo(database.db),
  };
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
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

  constructor(private readonly app: TestContext['app']) {}

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
