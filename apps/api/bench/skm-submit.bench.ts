// Benchmark: public SKM submissions (POST /api/public/skm/:kode) against pgbench inserting the
// same row into the same table, on the local PostgreSQL, in one run. Run: pnpm bench:skm
//
// A fresh database is created (and dropped afterwards) on BENCH_DATABASE_URL's server
// (default postgres://postgres@127.0.0.1:5432/test). The real app (buildApp) runs in a child
// process so the load generator does not share its event loop. Every request carries its own
// idempotency key, form token and solved proof-of-work (signed beforehand, issued 30 s "ago", so the
// real minimum fill time applies; the challenges are easy ones signed with the server's secret: the
// server's cost of checking one does not depend on the difficulty), and no device token (a first visit). Afterwards the rows are counted: every accepted write must be there.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const SECRET = randomBytes(32).toString('base64url');

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const UNSUR = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
];

async function server() {
  const { buildApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config/env');
  const { createDatabase } = await import('../src/db/client');
  const url = process.env.BENCH_DB as string;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sip-bench-'));
  const config = loadConfig(
    {
      AUTH_SECRET: process.env.BENCH_SECRET as string,
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      COOKIE_SECURE: 'false',
      SKM_RATE_LIMIT_PER_MINUTE: '100000000',
      SKM_MIN_FILL_SECONDS: '20',
      // Production values: every request pays the proof-of-work check, the single-use form and the
      // burst detector's query (bursts still answer 201, held in quarantine).
      SKM_FORM_MAX_AGE_SECONDS: '7200',
      SKM_POW_MAX_NUMBER: '500000',
      SKM_BURST_MIN_PER_HOUR: '20',
      SKM_BURST_FACTOR: '4',
      SKM_BURST_BASELINE_DAYS: '28',
      WEB_DIST: path.join(dataDir, 'no-web'),
    },
    { dataDir },
  );
  const database = await createDatabase({ url, poolSize: CONNECTIONS });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: PORT, host: '127.0.0.1' });
  process.send?.('ready');
  process.on('SIGTERM', async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

function findPgbench(): string {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  for (const dir of existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : []) {
    const p = `/usr/lib/postgresql/${dir}/bin/pgbench`;
    if (existsSync(p)) return p;
  }
  return 'pgbench';
}

async function main() {
  const dbName = `sip_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const settings = await admin.query(
    "select name, setting from pg_settings where name in ('fsync','synchronous_commit','server_version')",
  );
  await admin.end();
  const u = new URL(BASE_URL);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  let child: ChildProcess | undefined;
  const workDir = mkdtempSync(path.join(tmpdir(), 'sip-bench-'));
  try {
    // Schema and Kota Bandung's units, as the app would have them.
    const { createDatabase } = await import('../src/db/client');
    const { importWilayah } = await import('../src/modules/wilayah/wilayah.import');
    const { createWilayahRepo } = await import('../src/modules/wilayah/wilayah.repo');
    const { createSkmTokens } = await import('../src/modules/skm/skm.tokens');
    const { createSkmPow } = await import('../src/modules/skm/skm.pow');
    const { solveChallenge } = await import('altcha-lib');
    const { deriveKey } = await import('altcha-lib/algorithms/sha');
    const setup = await createDatabase({ url: dbUrl, poolSize: 2 });
    await setup.migrate();
    await importWilayah({ db: setup.db, repo: createWilayahRepo(setup.db) }, '32.73');
    await setup.close();

    const q = new pg.Client({ connectionString: dbUrl });
    await q.connect();
    const units = (
      await q.query<{ kode: string }>(
        "select kode from wilayah where level in ('kecamatan','kelurahan_desa') and kode like '32.73.%' order by kode",
      )
    ).rows.map((r) => r.kode);

    // Pre-signed bodies: distinct idempotency keys and devices, spread over the city's units.
    const tokens = createSkmTokens(SECRET);
    const pow = createSkmPow(SECRET, 20);
    const issued = new Date(Date.now() - 30_000);
    const budget = Math.max(20_000, CONNECTIONS * DURATION * 1500);
    const bodies: { path: string; body: string }[] = [];
    for (let i = 0; i < budget; i++) {
      const kode = units[i % units.length] as string;
      const formToken = tokens.issueForm(kode, issued);
      const challenge = await pow.issue(kode, tokens.formNonce(formToken) as string);
      const solution = await solveChallenge({ challenge, deriveKey });
      bodies.push({
        path: `/api/public/skm/${kode}`,
        body: JSON.stringify({
          formToken,
          altcha: { challenge, solution },
          idempotencyKey: randomUUID(),
          website: '',
          jawaban: Object.fromEntries(UNSUR.map((k, j) => [k, ((i + j) % 4) + 1])),
          profil: { jenisKelamin: i % 2 ? 'L' : 'P', pendidikan: 'slta' },
          layanan: 'Surat keterangan domisili',
        }),
      });
    }

    child = fork(fileURLToPath(import.meta.url), ['server'], {
      env: { ...process.env, BENCH_DB: dbUrl, BENCH_SECRET: SECRET },
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    await new Promise<void>((resolve, reject) => {
      child?.once('message', () => resolve());
      child?.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });

    // Warm-up (JIT, pool): a second of traffic, then the rows are cleared.
    let next = 0;
    const take = () => {
      const b = bodies[next++ % bodies.length] as { path: string; body: string };
      return b;
    };
    const request = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: Record<string, unknown>) => {
        const b = take();
        return { ...req, path: b.path, body: b.body };
      },
    };
    await autocannon({
      url: `http://127.0.0.1:${PORT}`,
      connections: CONNECTIONS,
      duration: 1,
      requests: [request],
    });
    await q.query('truncate skm_responses');
    next = Math.floor(bodies.length / 10);

    const app = await autocannon({
      url: `http://127.0.0.1:${PORT}`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [request],
    });
    if (next >= bodies.length) throw new Error('ran out of pre-signed bodies: raise the budget');
    const rows = Number((await q.query('select count(*)::int as n from skm_responses')).rows[0].n);
    child.kill('SIGTERM');
    await new Promise((r) => child?.once('exit', r));
    child = undefined;

    // pgbench: the same row into the same table, same concurrency, the same statement shape.
    const script = path.join(workDir, 'skm-insert.sql');
    writeFileSync(
      script,
      `insert into skm_responses (wilayah_kode, submitted_at, tahun, semester, day, ${UNSUR.join(', ')}, jenis_kelamin, pendidikan, layanan, idempotency_key, device_id)
values ('32.73.02.1004', now(), 2026, 2, current_date, 4, 3, 2, 1, 4, 3, 2, 1, 4, 'P', 'slta', 'Surat keterangan domisili', gen_random_uuid(), md5(random()::text))
on conflict do nothing returning id;\n`,
    );
    const before = Number((await q.query('select count(*)::int as n from skm_responses')).rows[0].n);
    const out = execFileSync(
      findPgbench(),
      ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(DURATION), '-f', script, dbUrl],
      { encoding: 'utf8' },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
    const pgRows = Number((await q.query('select count(*)::int as n from skm_responses')).rows[0].n) - before;
    await q.end();

    const rps = app['2xx'] / DURATION;
    const noneLost = rows >= app['2xx'] && rows <= app['2xx'] + CONNECTIONS;
    const ratio = rps / tps;
    const s = Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]));
    const lines = [
      '',
      `SKM submit benchmark — PostgreSQL ${s.server_version} (fsync=${s.fsync}, synchronous_commit=${s.synchronous_commit}), ${CONNECTIONS} connections, ${DURATION} s`,
      '',
      `| ${'measure'.padEnd(32)} | ${'value'.padEnd(13)} | ${'target'.padEnd(10)} | ok |`,
      `|${'-'.repeat(34)}|${'-'.repeat(15)}|${'-'.repeat(12)}|----|`,
      row('app: accepted inserts/s (2xx)', rps.toFixed(0), '>= 1000', rps >= 1000),
      row('app: latency p50 (ms)', String(app.latency.p50), '', true),
      row('app: latency p99 (ms)', String(app.latency.p99), '< 50', app.latency.p99 < 50),
      row(
        'app: non-2xx / errors / timeouts',
        `${app.non2xx} / ${app.errors} / ${app.timeouts}`,
        '0 / 0 / 0',
        app.non2xx + app.errors + app.timeouts === 0,
      ),
      // Requests still in flight when the clock stops are written but not counted by autocannon.
      row('app: accepted / rows in table', `${app['2xx']} / ${rows}`, 'none lost', noneLost),
      row('pgbench: inserts/s (tps)', tps.toFixed(0), '', pgRows > 0),
      row('ratio app / pgbench', ratio.toFixed(2), '>= 0.30', ratio >= 0.3),
      '',
    ];
    console.log(lines.join('\n'));
    if (!(rps >= 1000 && app.latency.p99 < 50 && ratio >= 0.3 && noneLost)) process.exitCode = 1;
  } finally {
    child?.kill('SIGTERM');
    rmSync(workDir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: BASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  }
}

function row(name: string, value: string, target: string, ok: boolean) {
  return `| ${name.padEnd(32)} | ${value.padEnd(13)} | ${target.padEnd(10)} | ${ok ? 'ok' : 'NO'} |`;
}

if (process.argv[2] === 'server') {
  server().catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
