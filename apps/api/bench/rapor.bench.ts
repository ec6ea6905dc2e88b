/**
 * Benchmark of the rapor endpoints of Kota Bandung (30 kecamatan, 151 kelurahan, demo data) with
 * autocannon at 64 connections (in its own process), against a bare Fastify route measured in the
 * same run and the same way.
 * Target (what a user notices): p99 under 50 ms at 64 connections, with no error. The server's time
 * per request is printed against the bare route's, for information (no ratio to chase).
 * Exits non-zero when a target is missed or nothing was measured.
 * Run: npx -y pnpm@10 bench:rapor   (TEST_DATABASE_URL=postgres://… to run it on PostgreSQL;
 * BENCH_SECONDS=10 the duration of each run (10 by default: the first requests of autocannon's 64 fresh
 * connections wait for a busy server to accept them — up to a second, on a bare route too — and must not
 * pass for the steady state), BENCH_ROUNDS=5 the rounds per endpoint (3 by default),
 * BENCH_ONLY=kelurahan for some endpoints only; requests carry a browser's accept-encoding,
 * BENCH_ENCODING=identity sends them without)
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { seedDemoPeriode, seedDemoRapor } from '../src/demo/seed';
import { createTestApp, TestClient } from '../test/helpers';

const NOW = new Date('2026-11-25T05:00:00Z');
const clock = { now: () => NOW };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const P99_TARGET_MS = 50;
const CONNECTIONS = 64;
const execFileAsync = promisify(execFile);

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Share of the run the server's event loop was busy (1 = saturated). */
  busy: number;
  /** Worst p99 of the rounds. */
  worstP99?: number;
}

// BENCH_ONLY=kelurahan runs only the endpoints whose name contains it (and the bare route).
const ONLY = process.env.BENCH_ONLY;

const autocannonCli = createRequire(import.meta.url).resolve('autocannon');

/** One autocannon run in its own process (as the CLI is normally used), with the server's busy share. */
async function load(url: string, seconds: number, headers: Record<string, string>) {
  const args = [autocannonCli, '-c', String(CONNECTIONS), '-d', String(seconds), '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const elu = performance.eventLoopUtilization();
  const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const busy = performance.eventLoopUtilization(elu).utilization;
  const r = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return { r, busy };
}

async function run(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // The load generator is a separate process: it neither shares the server's event loop nor its
  // heap. A short warm-up, then the measured run.
  // Every request asks for compression as a browser's fetch does (BENCH_ENCODING=identity: none).
  const all = { 'accept-encoding': process.env.BENCH_ENCODING ?? 'gzip, deflate, br', ...headers };
  await load(url, 2, all);
  const { r, busy } = await load(url, SECONDS, all);
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    busy,
  };
}

async function main() {
  const ctx = await createTestApp(
    { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000000' },
    { clock },
  );
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  try {
    const db = ctx.database.db;
    await seedDemoPeriode(db, '32.73', 2026, NOW);
    const seeded = await seedDemoRapor(db, '32.73', 2026, NOW);
    // A server's autovacuum would otherwise run in the middle of the
    // measurement, right after the bulk seeding.
    if (ctx.database.driver === 'postgres') await db.execute(sql`VACUUM ANALYZE`);
    console.log(
      `Database: ${ctx.database.driver}; demo data: ${seeded.laporan} verified reports, ${seeded.skm} SKM responses.`,
    );

    const analis = await ctx.createUser({ role: 'analis', wilayahKode: '32.73' });
    const admin = await ctx.createUser({ role: 'admin', wilayahKode: '32.73' });
    const client = new TestClient(ctx.app);
    await client.login(analis.username, analis.password);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

    const appUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

    // First (cold) computation of the whole pemda, then everything is served from the cache.
    let t = performance.now();
    const first = await client.request('GET', '/api/rapor/2026/peringkat?level=kelurahan');
    if (first.statusCode !== 200) throw new Error(first.body);
    console.log(`Cold computation of 181 rapor + rankings: ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    await client.request('GET', '/api/rapor/2026/peringkat?level=kelurahan');
    console.log(`Warm request (in process): ${(performance.now() - t).toFixed(1)} ms`);

    const auth = { cookie };
    // The machine's speed drifts during a run: every endpoint is measured in ROUNDS rounds, each
    // compared with the bare route measured just before and just after it (the mean of the two);
    // the median round is reported.
    type Round = Result & { cost: number };
    const results: Round[] = [];
    // Server time per request (event loop busy share / req/s), in µs.
    const perRequest = (x: Result) => (x.busy / x.rps) * 1e6;
    const bareRuns: Result[] = [];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const info = new Set<string>();
    const measure = async (name: string, url: string, headers: Record<string, string> = {}) => {
      if (ONLY && !name.includes(ONLY)) return;
      if (bareRuns.length === 0) bareRuns.push(await run('bare Fastify route', `${bareUrl}/bare`));
      const rounds: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const before = bareRuns.at(-1)!;
        const r = await run(name, url, headers);
        const after = await run('bare Fastify route', `${bareUrl}/bare`);
        bareRuns.push(after);
        const bareCost = (perRequest(before) + perRequest(after)) / 2;
        rounds.push({ ...r, cost: perRequest(r) / bareCost });
      }
      const mid = rounds.find((x) => x.cost === median(rounds.map((y) => y.cost)))!;
      results.push({
        ...mid,
        p99: median(rounds.map((x) => x.p99)),
        worstP99: Math.max(...rounds.map((x) => x.p99)),
        errors: rounds.reduce((a, x) => a + x.errors, 0),
        non2xx: rounds.reduce((a, x) => a + x.non2xx, 0),
      });
    };
    // For information (no target): who-am-I reads the user and his roles on every request.
    info.add('who am I (/api/auth/me)');
    await measure('who am I (/api/auth/me)', `${appUrl}/api/auth/me`, auth);
    await measure('rankings kecamatan (login)', `${appUrl}/api/rapor/2026/peringkat?level=kecamatan`, auth);
    await measure('rankings kelurahan (login)', `${appUrl}/api/rapor/2026/peringkat?level=kelurahan`, auth);
    await measure('rapor Kelurahan Dago (login)', `${appUrl}/api/rapor/2026/unit/32.73.02.1004`, auth);
    await measure('top ten (login)', `${appUrl}/api/rapor/2026/sepuluh-besar`, auth);

    // Publish, then the public ranking page's endpoint (no login).
    if (!ONLY || 'public rankings (published)'.includes(ONLY)) {
      const ac = new TestClient(ctx.app);
      await ac.login(admin.username, admin.password);
      const pub = await ac.request('POST', '/api/rapor/2026/publikasi', {
        reason: 'Benchmark pengumuman',
        konfirmasi: true,
      });
      if (pub.statusCode !== 200) throw new Error(pub.body);
      await measure('public rankings (published)', `${appUrl}/api/public/peringkat/2026`);
    }

    console.log(
      `\n${CONNECTIONS} connections, ${SECONDS} s per run; target: p99 < ${P99_TARGET_MS} ms, no errors`,
    );
    const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
    const bareCosts = bareRuns.map(perRequest);
    console.log(
      `bare Fastify route: ${bareRuns.length} runs, ${Math.min(...bareCosts).toFixed(0)}–${Math.max(...bareCosts).toFixed(0)} µs of server time per request\n`,
    );
    console.log(
      `${'endpoint'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'worst'.padStart(6)} ${'busy'.padStart(6)} ${'µs/req'.padStart(7)} ${'× bare'.padStart(7)}  errors  target`,
    );
    let failed = results.length === 0;
    for (const r of results) {
      const ok = r.p99 < P99_TARGET_MS && r.errors + r.non2xx === 0 && r.rps > 0;
      const verdict = info.has(r.name)
        ? r.errors + r.non2xx === 0
          ? 'info'
          : 'ERRORS'
        : ok
          ? 'met'
          : 'MISSED';
      if (verdict === 'MISSED' || verdict === 'ERRORS') failed = true;
      console.log(
        `${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.worstP99).padStart(6)} ${pct(r.busy).padStart(6)} ${perRequest(r).toFixed(0).padStart(7)} ${r.cost.toFixed(2).padStart(7)}  ${String(r.errors + r.non2xx).padStart(6)}  ${verdict}`,
      );
    }
    console.log(
      `(median round of ${ROUNDS} per endpoint: req/s, p50, p99 (worst: the worst round's p99); errors over all rounds; busy: share of the run the server was busy; × bare: server time per request against the bare route)`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    await bare.close();
    await ctx.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
