// A real API process on a free port over a fresh PostgreSQL database: the fault and load suites
// (`pnpm test:faults`, `pnpm test:load`) drive it over HTTP on 127.0.0.1 only.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@sip/contracts';
import pg from 'pg';
import { createDatabase, type Database } from '../../src/db/client';
import { seedDemoPeriode } from '../../src/demo/seed';
import { hashPassword } from '../../src/modules/auth/password';
import { createUsersRepo } from '../../src/modules/users/users.repo';
import { importWilayah } from '../../src/modules/wilayah/wilayah.import';
import { createWilayahRepo } from '../../src/modules/wilayah/wilayah.repo';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const PASSWORD = 'Uji-Beban-Bandung-2026';
export const SECRET = randomBytes(32).toString('hex');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A fresh database on the PostgreSQL server; `drop` removes it. */
export async function freshDatabase(tag: string) {
  const name = `sip_${tag}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 5000 });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Kota Bandung, its 2026 periode, and accounts (one password hash for all: seeding stays fast). */
export async function seed(url: string, now: Date) {
  const database: Database = await createDatabase({ url, poolSize: 4 });
  await database.migrate();
  const db = database.db;
  const wilayah = createWilayahRepo(db);
  await importWilayah({ db, repo: wilayah }, '32.73');
  await seedDemoPeriode(db, '32.73', 2026, now);
  const users = createUsersRepo(db);
  const hash = await hashPassword(PASSWORD);
  const addUser = async (username: string, role: Role, wilayahKode: string) => {
    const u = await users.insert({
      username,
      namaLengkap: `Pengguna ${username}`,
      nip: null,
      pemdaKode: '32.73',
      passwordHash: hash,
      mustChangePassword: false,
    });
    await users.assignRole({ userId: u.id, role, wilayahKode, createdBy: null });
    return u.id;
  };
  return { database, addUser };
}

export interface Server {
  port: number;
  base: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The compiled API, as production runs it (`pnpm build` makes it). */
const CLI = path.join(ROOT, 'apps/api/dist/cli.js');

/** Starts the compiled `cli.js serve` as its own process (so it can be killed for real) and waits for health. */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<Server> {
  const p = port ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sip-live-'));
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx -y pnpm@10 build" first`);
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: databaseUrl,
      PORT: String(p),
      HOST: '127.0.0.1',
      AUTH_SECRET: SECRET,
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      WEB_DIST: path.join(dataDir, 'no-web'),
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      SKM_RATE_LIMIT_PER_MINUTE: '100000000',
      SKM_MIN_FILL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited during start (${child.exitCode})`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('API did not become healthy within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port: p,
    base,
    child,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A browser-like HTTP client: cookie jar and the CSRF header. */
export class Http {
  cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(public base: string) {}

  async request(method: string, url: string, body?: unknown, form?: FormData) {
    if (method !== 'GET' && !this.csrf) await this.fetchCsrf();
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + url, {
      method,
      headers,
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: a test client reading the answers of many endpoints
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, json, text };
  }

  async fetchCsrf() {
    const r = await this.request('GET', '/api/auth/csrf');
    this.csrf = r.json.csrfToken;
  }

  async login(username: string) {
    const r = await this.request('POST', '/api/auth/login', { username, password: PASSWORD });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    this.csrf = r.json.csrfToken;
    return this;
  }
}

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** Opens the unit's report, fills every entry and attaches evidence; returns its detail. */
export async function fillReport(client: Http, kode: string, bulan: number) {
  const opened = await client.request('POST', '/api/laporan', { wilayahKode: kode, kind: 'bulanan', bulan });
  if (![200, 201].includes(opened.status)) throw new Error(`open ${kode}: ${opened.status} ${opened.text}`);
  const d = opened.json;
  const saved = await client.request('PATCH', `/api/laporan/${d.id}/isian`, {
    entries: (d.indikatorCodes as string[]).map((code) => ({ indikatorCode: code, value: 1, version: 0 })),
  });
  if (saved.status !== 200) throw new Error(`save ${kode}: ${saved.status} ${saved.text}`);
  for (const code of d.indikatorCodes as string[]) {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'bukti.pdf');
    const up = await client.request('POST', `/api/laporan/${d.id}/isian/${code}/bukti`, undefined, form);
    if (up.status !== 201) throw new Error(`upload ${kode}: ${up.status} ${up.text}`);
  }
  return (await client.request('GET', `/api/laporan/${d.id}`)).json as {
    id: string;
    version: number;
    indikatorCodes: string[];
    entries: { indikatorCode: string; version: number }[];
  };
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T, R>(items: T[], n: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
