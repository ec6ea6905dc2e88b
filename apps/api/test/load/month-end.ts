/**
 * Load suite (`pnpm test:load`): the month-end rush on PostgreSQL, with autocannon, 127.0.0.1 only.
 * Every unit of Kota Bandung (151 kelurahan + 30 kecamatan) saves its monthly report three times
 * and submits it, all at once, while the verifikator queue and the public SKM survey run at 10×
 * their expected month-end rate. Passes when there is no 5xx, no accepted write is missing from the
 * database afterwards, and no request errored; prints p50/p99 per endpoint. Bounded to ~2 minutes.
 *
 * Expected rates (assumed, for a city of 181 units): SKM ≈ 2 responses/s at the busiest hour
 * (×10 = 20/s, each a form GET and a POST); verifikator queue ≈ 1 refresh/s for the whole team
 * (×10 = 10/s, queue and counts).
 */
import { randomUUID } from 'node:crypto';
import { skmUnsurKeys } from '@sip/contracts';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import autocannonUntyped from 'autocannon';
import pg from 'pg';
import { createSkmPow } from '../../src/modules/skm/skm.pow';
import { createSkmTokens } from '../../src/modules/skm/skm.tokens';
import {
  fillReport,
  freshDatabase,
  Http,
  pool,
  SECRET,
  type Server,
  seed,
  startServer,
} from '../live/harness';

interface Req {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Req, context: Record<string, unknown>) => Req;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface Opts {
  url: string;
  connections: number;
  amount?: number;
  duration?: number;
  overallRate?: number;
  timeout?: number;
  requests: Req[];
}
interface Result {
  latency: { p50: number; p99: number; max: number };
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface Instance extends PromiseLike<Result> {
  stop(): void;
}
const autocannon = autocannonUntyped as unknown as (o: Opts) => Instance & Promise<Result>;

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

async function main() {
  const t0 = Date.now();
  const now = new Date();
  const bulan = now.getUTCMonth() === 0 ? 1 : now.getUTCMonth();
  const { url, drop } = await freshDatabase('load');
  let server: Server | undefined;
  try {
    const { database, addUser } = await seed(url, now);
    const q = new pg.Client({ connectionString: url });
    await q.connect();
    const units = (
      await q.query<{ kode: string; level: string }>(
        `select kode, level from wilayah where level in ('kecamatan', 'kelurahan_desa') order by kode`,
      )
    ).rows;
    for (const u of units)
      await addUser(`unit-${u.kode}`, u.level === 'kecamatan' ? 'camat' : 'lurah', u.kode);
    await addUser('verifikator-load', 'verifikator', '32.73');
    await database.close();
    server = await startServer(url, { LOG_LEVEL: 'warn' });
    const base = server.base;

    // Setup (not measured): every unit signs in, opens its report and attaches its evidence.
    const clients = await pool(units, 4, (u) => new Http(base).login(`unit-${u.kode}`));
    const reports = await pool(units, 6, (u, i) => fillReport(clients[i]!, u.kode, bulan));
    const verifikator = await new Http(base).login('verifikator-load');
    const session = (c: Http) => ({
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.csrf!,
      'content-type': 'application/json',
    });
    console.log(
      `setup: ${units.length} units signed in, reports opened with evidence (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );

    // Background: verifikator queue and SKM at 10× the expected rate, for the whole rush.
    const vHeaders = session(verifikator);
    const tokens = createSkmTokens(SECRET);
    const kelurahan = units.filter((u) => u.level === 'kelurahan_desa').map((u) => u.kode);
    // Survey answers signed and solved beforehand (setupRequest is synchronous): a form token and its
    // proof-of-work each, easy challenges signed with the server's secret (the server's check costs
    // the same whatever the difficulty).
    const pow = createSkmPow(SECRET, 20);
    const ballots: { kode: string; formToken: string; altcha: unknown }[] = [];
    for (let i = 0; i < 3000; i++) {
      const kode = kelurahan[i % kelurahan.length] as string;
      const formToken = tokens.issueForm(kode, new Date(Date.now() - 60_000));
      const challenge = await pow.issue(kode, tokens.formNonce(formToken) as string);
      ballots.push({
        kode,
        formToken,
        altcha: { challenge, solution: await solveChallenge({ challenge, deriveKey }) },
      });
    }
    let b = 0;
    const skmAccepted = new Set<string>();
    let n = 0;
    const background = {
      'GET /api/laporan/queue': autocannon({
        url: base,
        connections: 4,
        duration: 120,
        overallRate: 5,
        requests: [
          { method: 'GET', path: '/api/laporan/queue?status=diajukan&pageSize=25', headers: vHeaders },
        ],
      }),
      'GET /api/laporan/queue/counts': autocannon({
        url: base,
        connections: 4,
        duration: 120,
        overallRate: 5,
        requests: [{ method: 'GET', path: '/api/laporan/queue/counts', headers: vHeaders }],
      }),
      'GET /api/public/skm/:kode': autocannon({
        url: base,
        connections: 4,
        duration: 120,
        overallRate: 20,
        requests: [
          {
            method: 'GET',
            setupRequest: (r) => ({ ...r, path: `/api/public/skm/${kelurahan[n++ % kelurahan.length]}` }),
          },
        ],
      }),
      'POST /api/public/skm/:kode': autocannon({
        url: base,
        connections: 8,
        duration: 120,
        overallRate: 20,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (r, ctx) => {
              const ballot = ballots[b++ % ballots.length]!;
              const kode = ballot.kode;
              n++;
              ctx.key = randomUUID();
              return {
                ...r,
                path: `/api/public/skm/${kode}`,
                body: JSON.stringify({
                  formToken: ballot.formToken,
                  altcha: ballot.altcha,
                  idempotencyKey: ctx.key,
                  jawaban: Object.fromEntries(skmUnsurKeys.map((k, i) => [k, 1 + ((n + i) % 4)])),
                }),
              };
            },
            onResponse: (status, _b, ctx) => {
              if (status === 201) skmAccepted.add(ctx.key as string);
            },
          },
        ],
      }),
    };

    // The rush: three rounds of saves of every unit, interleaved, then every unit submits.
    const saves: { i: number; round: number }[] = [];
    for (let round = 0; round < 3; round++) for (let i = 0; i < reports.length; i++) saves.push({ i, round });
    const acceptedSaves = new Map<string, number>();
    let next = 0;
    const saveRun = await autocannon({
      url: base,
      connections: 32,
      amount: saves.length,
      timeout: 30,
      requests: [
        {
          method: 'PATCH',
          setupRequest: (r, ctx) => {
            const job = saves[next++ % saves.length]!;
            const d = reports[job.i]!;
            ctx.id = d.id;
            return {
              ...r,
              path: `/api/laporan/${d.id}/isian`,
              headers: session(clients[job.i]!),
              body: JSON.stringify({
                entries: d.indikatorCodes.map((code) => ({
                  indikatorCode: code,
                  value: job.round + 2,
                  note: `simpan ke-${job.round + 1}`,
                  version: job.round + 1,
                })),
              }),
            };
          },
          onResponse: (status, _b, ctx) => {
            if (status === 200)
              acceptedSaves.set(ctx.id as string, (acceptedSaves.get(ctx.id as string) ?? 0) + 1);
          },
        },
      ],
    });
    const versions = new Map(
      (await q.query<{ id: string; version: number }>('select id, version from laporan')).rows.map((r) => [
        r.id,
        r.version,
      ]),
    );
    let nextSubmit = 0;
    const acceptedSubmits = new Set<string>();
    const submitRun = await autocannon({
      url: base,
      connections: 32,
      amount: reports.length,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          setupRequest: (r, ctx) => {
            const i = nextSubmit++ % reports.length;
            const d = reports[i]!;
            ctx.id = d.id;
            return {
              ...r,
              path: `/api/laporan/${d.id}/ajukan`,
              headers: session(clients[i]!),
              body: JSON.stringify({ version: versions.get(d.id) }),
            };
          },
          onResponse: (status, _b, ctx) => {
            if (status === 200) acceptedSubmits.add(ctx.id as string);
          },
        },
      ],
    });
    for (const b of Object.values(background)) b.stop();
    const bg = Object.fromEntries(
      await Promise.all(Object.entries(background).map(async ([k, v]) => [k, await v] as const)),
    ) as Record<string, Result>;

    // Afterwards, in the database: every accepted write is there.
    const entryVersions = (
      await q.query<{ id: string; min: number; max: number }>(
        `select laporan_id as id, min(version)::int as min, max(version)::int as max from laporan_entry group by laporan_id`,
      )
    ).rows;
    const submittedRows = (
      await q.query<{ id: string }>(`select id from laporan where status <> 'draf'`)
    ).rows.map((r) => r.id);
    const skmStored = new Set(
      (await q.query<{ k: string }>('select idempotency_key::text as k from skm_responses')).rows.map(
        (r) => r.k,
      ),
    );
    await q.end();

    const table: [string, Result][] = [
      ['PATCH /api/laporan/:id/isian', saveRun],
      ['POST /api/laporan/:id/ajukan', submitRun],
      ...Object.entries(bg),
    ];
    console.log(
      '\nendpoint                          requests   2xx   non2xx  5xx  errors   p50 ms   p99 ms   max ms',
    );
    let fiveXX = 0;
    let errors = 0;
    for (const [name, r] of table) {
      const s5 = Object.entries(r.statusCodeStats ?? {})
        .filter(([c]) => c.startsWith('5'))
        .reduce((a, [, v]) => a + v.count, 0);
      const ok = Object.entries(r.statusCodeStats ?? {})
        .filter(([c]) => c.startsWith('2'))
        .reduce((a, [, v]) => a + v.count, 0);
      fiveXX += s5;
      errors += r.errors + r.timeouts;
      console.log(
        `${name.padEnd(33)} ${String(r.requests.total).padStart(8)} ${String(ok).padStart(5)} ${String(r.non2xx).padStart(8)} ${String(s5).padStart(4)} ${String(r.errors + r.timeouts).padStart(7)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)} ${String(r.latency.max).padStart(8)}`,
      );
    }
    console.log('');
    const totalSaves = [...acceptedSaves.values()].reduce((a, b) => a + b, 0);
    const lostSaves = entryVersions.filter((e) => e.min !== 1 + (acceptedSaves.get(e.id) ?? 0)).length;
    check(fiveXX === 0, `no 5xx (${fiveXX})`);
    check(errors === 0, `no connection errors or timeouts (${errors})`);
    check(totalSaves === saves.length, `every save accepted (${totalSaves}/${saves.length})`);
    check(
      lostSaves === 0,
      `every accepted save is in the database (entry versions match; ${lostSaves} reports differ)`,
    );
    check(
      acceptedSubmits.size === reports.length && submittedRows.length === acceptedSubmits.size,
      `every unit submitted, and the database holds each (${acceptedSubmits.size} accepted, ${submittedRows.length} stored, of ${reports.length})`,
    );
    // (Stopping autocannon drops the answers of requests still in flight: stored may exceed accepted.)
    const skmLost = [...skmAccepted].filter((k) => !skmStored.has(k)).length;
    check(
      skmAccepted.size > 0 && skmLost === 0,
      `every accepted SKM response is stored (${skmAccepted.size} accepted, ${skmLost} missing)`,
    );
    console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await server?.stop();
    await drop().catch((e) => console.log(`could not drop the load database: ${(e as Error).message}`));
  }
  console.log(
    failures.length ? `\nload suite: ${failures.length} FAILED` : '\nload suite: all checks passed',
  );
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
