/**
 * Benchmark of the rapor endpoints of Kota Bandung (30 kecamatan, 151 kelurahan, demo data) with
 * autocannon at 64 connections (in a worker thread, off the server's event loop), against a bare
 * Fastify route measured in the same run and the same way.
 * Targets (issue #7): p99 < 50 ms and at least 0.5x the requests per second of the bare route.
 * Run: npx -y pnpm@10 bench:rapor   (TEST_DATABASE_URL=postgres://… to run it on PostgreSQL;
 * BENCH_SECONDS=10 to change the duration of each run, BENCH_ROUNDS=5 the rounds per endpoint; BENCH_ONLY=kelurahan for some endpoints only;
 * requests carry a browser's accept-encoding, BENCH_ENCODING=identity sends them without)
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createAuditRepo } from '../src/modules/audit/audit.repo';
import { seedDemoPeriode } from '../src/modules/periode/periode.demo';
import { createPeriodeRepo } from '../src/modules/periode/periode.repo';
import { seedDemoRapor } from '../src/modules/rapor/rapor.demo';
import { createTestApp, TestClient } from '../test/helpers';

const NOW = new Date('2026-11-25T05:00:00Z');
const clock = { now: () => NOW };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 64;

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

// BENCH_ONLY=kelurahan runs only the endpoints whose name contains it (and the bare route).
const ONLY = process.env.BENCH_ONLY;

async function run(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // A short warm-up, then the measured run.
  // The load generator runs in a worker thread (autocannon's `workers`), so it does not share the
  // event loop of the server it measures; BENCH_WORKERS=0 runs it on the main thread.
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  // Every request asks for compression as a browser's fetch does (BENCH_ENCODING=identity: none).
  const encoding = process.env.BENCH_ENCODING ?? 'gzip, deflate, br';
  const opts = {
    url,
    connections: CONNECTIONS,
    headers: { 'accept-encoding': encoding, ...headers },
    ...(workers > 0 ? { workers } : {}),
  };
  await autocannon({ ...opts, duration: 1 } as Parameters<typeof autocannon>[0]);
  const r = await autocannon({ ...opts, duration: SECONDS } as Parameters<typeof autocannon>[0]);
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
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
    await seedDemoPeriode(
      { db, repo: createPeriodeRepo(db), audit: createAuditRepo(db) },
      '32.73',
      2026,
      NOW,
    );
    const seeded = await seedDemoRapor(db, '32.73', 2026, NOW);
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
    const results: (Result & { bare: number; ratio: number })[] = [];
    const bareRuns: Result[] = [];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const measure = async (name: string, url: string, headers: Record<string, string> = {}) => {
      if (ONLY && !name.includes(ONLY)) return;
      if (bareRuns.length === 0) bareRuns.push(await run('bare Fastify route', `${bareUrl}/bare`));
      const rounds: (Result & { bare: number; ratio: number })[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const before = bareRuns.at(-1)!;
        const r = await run(name, url, headers);
        const after = await run('bare Fastify route', `${bareUrl}/bare`);
        bareRuns.push(after);
        const bare = (before.rps + after.rps) / 2;
        rounds.push({ ...r, bare, ratio: r.rps / bare });
      }
      const mid = rounds.find((x) => x.ratio === median(rounds.map((y) => y.ratio)))!;
      results.push({
        ...mid,
        p99: Math.max(...rounds.map((x) => x.p99)),
        errors: rounds.reduce((a, x) => a + x.errors, 0),
        non2xx: rounds.reduce((a, x) => a + x.non2xx, 0),
      });
    };
    // The floor of any route behind login: the auth hook and the session cache.
    await measure('login check only (/api/auth/me)', `${appUrl}/api/auth/me`, auth);
    await measure('rankings kecamatan (login)', `${appUrl}/api/rapor/2026/peringkat?level=kecamatan`, auth);
    await measure('rankings kelurahan (login)', `${appUrl}/api/rapor/2026/peringkat?level=kelurahan`, auth);
    await measure('rapor Kelurahan Dago (login)', `${appUrl}/api/rapor/2026/unit/32.73.02.1004`, auth);
    await measure('top ten (login)', `${appUrl}/api/rapor/2026/sepuluh-besar`, auth);

    // Publish, then the public ranking page's endpoint (no login).
    if (!ONLY || 'public rankings (published)'.includes(ONLY)) {
      const ac = new TestClient(ctx.app);
      await ac.login(admin.username, admin.password);
      const pub = await ac.request('POST', '/api/rapor/2026/publikasi', { reason: 'Benchmark' });
      if (pub.statusCode !== 200) throw new Error(pub.body);
      await measure('public rankings (published)', `${appUrl}/api/public/peringkat/2026`);
    }

    console.log(
      `\n${CONNECTIONS} connections, ${SECONDS} s per run; targets: p99 < 50 ms, >= 0.5x bare req/s`,
    );
    const bares = bareRuns.map((b) => b.rps);
    console.log(
      `bare Fastify route: ${bares.length} runs, ${Math.min(...bares).toFixed(0)}–${Math.max(...bares).toFixed(0)} req/s, p99 ≤ ${Math.max(...bareRuns.map((b) => b.p99))} ms\n`,
    );
    console.log(
      `${'endpoint'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'bare'.padStart(7)} ${'ratio'.padStart(6)}  errors`,
    );
    console.log(
      `median of ${ROUNDS} rounds per endpoint (its req/s and bare); p99 and errors over all rounds`,
    );
    for (const r of results) {
      const ratio = r.ratio;
      const ok = r.p99 < 50 && ratio >= 0.5 && r.errors + r.non2xx === 0 ? '  ok' : '  MISSED';
      console.log(
        `${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${r.bare.toFixed(0).padStart(7)} ${ratio.toFixed(2).padStart(6)}  ${r.errors + r.non2xx}${ok}`,
      );
    }
  } finally {
    await bare.close();
    await ctx.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
