/**
 * Benchmark of kinerja pegawai on PostgreSQL (issue 17), each figure against a baseline measured in
 * the same run:
 *  1. Logging: POST /api/aktivitas by 64 pegawai at once, through the whole app (auth, CSRF,
 *     validation, the day's rules, the pegawai's lock, the insert) vs pgbench inserting the same row
 *     into the same table at the same concurrency. Target: ≥ 0.5× pgbench, p99 < 50 ms.
 *  2. A 50-person team's week (1,500 entries) approved in one action. Target: < 300 ms.
 *  3. Month close for 20,000 pegawai over 2.5 million entries (scores computed and stored) vs one
 *     SQL GROUP BY over the same rows. Target: within 3× and under 30 s.
 *  4. "Bulan saya" and the atasan's board with BENCH_MONTHS × 2.5 million rows in the table
 *     (12 by default: 30 million). Target: p99 < 50 ms.
 * A fresh database is made on BENCH_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test)
 * and dropped afterwards. Run: npx -y pnpm@10 bench:kinerja   (BENCH_MONTHS=2 for a quicker run)
 */
import { execFileSync, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const PASSWORD = 'Bench-Sandi-Panjang-2026';
const PEMDA = '32.73';
/** Friday 13 November 2026, 15.00 WIB: the log bench writes 10–12 November (inside the grace period). */
const NOW = new Date('2026-11-13T08:00:00Z');

// ---------------------------------------------------------------------------------------------
// The load generator: a child process with CONNECTIONS loops, each signed in as its own pegawai.
// ---------------------------------------------------------------------------------------------

interface LoadSpec {
  base: string;
  users: string[];
  seconds: number;
  /** 'log': each loop logs its pegawai's next free 5-minute slot; otherwise GET these paths. */
  mode: 'log' | { paths: string[] };
}

async function signIn(base: string, username: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = (pair ?? '').indexOf('=');
      jar.set((pair ?? '').slice(0, i), (pair ?? '').slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  let csrf = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: cookie() },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  keep(login);
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return { cookie, csrf };
}

async function runLoad(spec: LoadSpec) {
  const sessions = await Promise.all(spec.users.map((u) => signIn(spec.base, u)));
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  const until = performance.now() + spec.seconds * 1000;
  await Promise.all(
    sessions.map(async (s, i) => {
      for (let k = 0; performance.now() < until; k++) {
        const t = performance.now();
        let res: Response;
        if (spec.mode === 'log') {
          const day = 10 + Math.floor(k / 100);
          if (day > 12) break;
          const mulai = 450 + (k % 100) * 5;
          const hhmm = (m: number) =>
            `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          res = await fetch(`${spec.base}/api/aktivitas`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf, cookie: s.cookie() },
            body: JSON.stringify({
              id: randomUUID(),
              tanggal: `2026-11-${day}`,
              mulai: hhmm(mulai),
              selesai: hhmm(mulai + 5),
              uraian: 'Menginput data ke aplikasi',
              volume: 1,
              satuan: 'data',
            }),
          });
        } else {
          const paths = spec.mode.paths;
          res = await fetch(`${spec.base}${paths[(i + k) % paths.length]}`, {
            headers: { cookie: s.cookie() },
          });
        }
        const body = await res.text();
        latencies.push(performance.now() - t);
        if (res.status >= 300) {
          errors++;
          if (!firstError) firstError = `${res.status} ${body.slice(0, 200)}`;
        }
      }
    }),
  );
  return { latencies, errors, firstError };
}

if (process.argv[2] === 'load') {
  process.once('message', async (spec: LoadSpec) => {
    const r = await runLoad(spec);
    process.send?.(r, () => process.exit(0));
  });
}

function loadInChild(spec: LoadSpec): Promise<{ latencies: number[]; errors: number; firstError: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['load'], { execArgv: ['--import', 'tsx'] });
    child.once('message', (m) => resolve(m as never));
    child.once('error', reject);
    child.send(spec);
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
};

function pgbenchPath() {
  const root = '/usr/lib/postgresql';
  for (const dir of existsSync(root) ? readdirSync(root).sort().reverse() : []) {
    const p = `${root}/${dir}/bin/pgbench`;
    if (existsSync(p)) return p;
  }
  return 'pgbench';
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

// ---------------------------------------------------------------------------------------------

/** Accounts for pegawai (one password hash for all: hashing is not what is measured). */
async function accounts(c: pg.Client, hash: string, pegawaiIds: string[], prefix: string) {
  const names: string[] = [];
  for (const [i, id] of pegawaiIds.entries()) {
    const username = `${prefix}${i + 1}`;
    const { rows } = await c.query(
      `insert into users (username, nama_lengkap, pemda_kode, password_hash) values ($1, $1, $2, $3) returning id`,
      [username, PEMDA, hash],
    );
    await c.query(`insert into role_assignments (user_id, role, wilayah_kode) values ($1, 'pegawai', $2)`, [
      rows[0].id,
      PEMDA,
    ]);
    await c.query(`update pegawai set user_id = $1 where id = $2`, [rows[0].id, id]);
    names.push(username);
  }
  return names;
}

/** `units` unit kerja of 1 head + `staff` pelaksana each; returns the pegawai ids per unit (head first). */
async function organisation(c: pg.Client, prefix: string, units: number, staff: number) {
  await c.query(
    `insert into unit_kerja (pemda_kode, kode, nama, jenis)
       select $1, $2 || u, 'Unit uji ' || $2 || u, 'perangkat_daerah' from generate_series(1, $3) u`,
    [PEMDA, prefix, units],
  );
  await c.query(
    `insert into jabatan (pemda_kode, unit_kerja_id, kode, nama, jenis, kelas, kepala_unit)
       select $1, id, kode || '-K', 'Kepala ' || nama, 'struktural', 12, true from unit_kerja where kode like $2 || '%'`,
    [PEMDA, prefix],
  );
  await c.query(
    `insert into jabatan (pemda_kode, unit_kerja_id, kode, nama, jenis, kelas, atasan_id)
       select $1, j.unit_kerja_id, uk.kode || '-S', 'Pelaksana', 'pelaksana', 5, j.id
         from jabatan j join unit_kerja uk on uk.id = j.unit_kerja_id where uk.kode like $2 || '%'`,
    [PEMDA, prefix],
  );
  // Pegawai n of unit u: the head when n = 0. NIP: 18 digits, unique (their meaning is not used here).
  await c.query(
    `insert into pegawai (pemda_kode, nip, nama, status)
       select $1, lpad((abs(hashtext($2)) % 1000)::text, 3, '0') || lpad((u * 10000 + n)::text, 15, '0'),
              $2 || '-' || u || '-' || n, 'PNS'
         from generate_series(1, $3) u, generate_series(0, $4) n`,
    [PEMDA, prefix, units, staff],
  );
  await c.query(
    `insert into pegawai_jabatan (pemda_kode, pegawai_id, jabatan_id, jenis, mulai)
       select $1, p.id, j.id, 'definitif', '2025-01-01'
         from pegawai p
         join unit_kerja uk on uk.kode = $2 || split_part(p.nama, '-', 2)
         join jabatan j on j.unit_kerja_id = uk.id
                       and j.kepala_unit = (split_part(p.nama, '-', 3) = '0')
        where p.nama like $2 || '-%'`,
    [PEMDA, prefix],
  );
  const { rows } = await c.query(
    `select p.id, split_part(p.nama, '-', 2)::int as u, split_part(p.nama, '-', 3)::int as n
       from pegawai p where p.nama like $1 || '-%' order by 2, 3`,
    [prefix],
  );
  const byUnit: string[][] = [];
  for (const r of rows) {
    byUnit[r.u - 1] = [...(byUnit[r.u - 1] ?? []), r.id];
  }
  return byUnit;
}

/** Six approved 50-minute entries a working day for every pegawai of the organisation, one month. */
async function month(c: pg.Client, prefix: string, tahun: number, bulan: number, status = 'disetujui') {
  const { rowCount } = await c.query(
    `insert into aktivitas (pemda_kode, tanggal, id, pegawai_id, jabatan_id, unit_kerja_id, uraian, mulai, selesai,
                            menit, volume, satuan, status, menit_disetujui)
       select $1, d::date, gen_random_uuid(), pj.pegawai_id, pj.jabatan_id, j.unit_kerja_id,
              'Menginput data ke aplikasi', 450 + k * 60, 500 + k * 60, 50, 1, 'data', $5,
              case when $5 = 'disetujui' then 50 end
         from pegawai_jabatan pj
         join jabatan j on j.id = pj.jabatan_id
         join pegawai p on p.id = pj.pegawai_id and p.nama like $2 || '-%',
              generate_series(make_date($3, $4, 1), (make_date($3, $4, 1) + interval '1 month' - interval '1 day'), interval '1 day') d,
              generate_series(0, 5) k
        where extract(isodow from d) < 6`,
    [PEMDA, prefix, tahun, bulan, status],
  );
  return rowCount ?? 0;
}

async function main() {
  const dbName = `sip_kinerja_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  // BENCH_SLOW_MS=100: statements slower than that go to the server's log (to find a slow query).
  if (process.env.BENCH_SLOW_MS) {
    await admin.query(
      `alter database ${dbName} set log_min_duration_statement = ${Number(process.env.BENCH_SLOW_MS)}`,
    );
  }
  const u = new URL(BASE_URL);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  const c = new pg.Client({ connectionString: url });
  const out: string[] = [];
  const say = (s: string) => {
    console.log(s);
    out.push(s);
  };
  const { buildApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config/env');
  const { createDatabase } = await import('../src/db/client');
  const { importWilayah } = await import('../src/modules/wilayah/wilayah.import');
  const { createWilayahRepo } = await import('../src/modules/wilayah/wilayah.repo');
  const { hashPassword } = await import('../src/modules/auth/password');
  const { createKepegawaianRepo } = await import('../src/modules/kepegawaian/kepegawaian.repo');
  const { createAtasanResolver } = await import('../src/modules/kepegawaian/kepegawaian.atasan');
  const { createAktivitasRepo, monthRange } = await import('../src/modules/aktivitas/aktivitas.repo');
  const { createKinerjaContext } = await import('../src/modules/aktivitas/aktivitas.context');
  const { createVerifikasiService } = await import('../src/modules/aktivitas/kinerja-verifikasi.service');
  const { createAuditRepo } = await import('../src/modules/audit/audit.repo');
  const database = await createDatabase({ url, poolSize: 16 });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const workDir = mkdtempSync(path.join(tmpdir(), 'sip-kinerja-bench-'));
  try {
    await database.migrate();
    const db = database.db;
    await importWilayah({ db, repo: createWilayahRepo(db) }, PEMDA);
    await c.connect();
    const hash = await hashPassword(PASSWORD);
    const settings = await admin.query(
      "select name, setting from pg_settings where name in ('server_version','fsync','synchronous_commit','shared_buffers')",
    );
    say(`PostgreSQL ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}; 2 cores.`);

    // The data: 200 unit kerja × 100 pegawai = 20,000, BENCH_MONTHS months of 2.5 million entries.
    const big = await organisation(c, 'B', 200, 99);
    let rows = 0;
    const tGen = performance.now();
    for (let m = 1; m <= MONTHS; m++) {
      rows += await month(c, 'B', 2026, m);
      console.log(`  … ${m}/${MONTHS} months generated, ${rows.toLocaleString('id-ID')} rows`);
    }
    await c.query('analyze');
    say(
      `Data: 20,000 pegawai, ${rows.toLocaleString('en')} log rows over ${MONTHS} months (generated in ${((performance.now() - tGen) / 1000).toFixed(0)} s).`,
    );

    const logOrg = await organisation(c, 'L', 1, CONNECTIONS);
    const logUsers = await accounts(c, hash, (logOrg[0] ?? []).slice(1), 'log');
    const teamOrg = await organisation(c, 'T', 1, 50);
    const [teamHead] = await accounts(c, hash, [(teamOrg[0] ?? [])[0] as string], 'atasan');
    const bigUsers = await accounts(c, hash, (big[0] ?? []).slice(1, 1 + CONNECTIONS), 'staf');
    const [bigHead] = await accounts(c, hash, [(big[0] ?? [])[0] as string], 'kepala');

    const dataDir = mkdtempSync(path.join(tmpdir(), 'sip-kinerja-app-'));
    const config = loadConfig(
      {
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        DATABASE_URL: url,
        LOG_LEVEL: 'silent',
        COOKIE_SECURE: 'false',
        RATE_LIMIT_PER_MINUTE: '100000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
        REQUIRE_TOTP_ROLES: '',
        WEB_DIST: path.join(dataDir, 'no-web'),
      },
      { dataDir },
    );
    app = await buildApp({
      config,
      database,
      logger: false,
      clock: { now: () => NOW },
      jobs: { schedules: false },
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });

    // 1. Logging vs pgbench.
    const script = path.join(workDir, 'insert.sql');
    const [lp] = (
      await c.query(
        `select pj.pegawai_id, pj.jabatan_id, j.unit_kerja_id from pegawai_jabatan pj
      join jabatan j on j.id = pj.jabatan_id where pj.pegawai_id = $1`,
        [(logOrg[0] ?? [])[1]],
      )
    ).rows;
    writeFileSync(
      script,
      `insert into aktivitas (pemda_kode, tanggal, id, pegawai_id, jabatan_id, unit_kerja_id, uraian, mulai, selesai, menit, volume, satuan)
       values ('${PEMDA}', '2026-11-10', gen_random_uuid(), '${lp.pegawai_id}', '${lp.jabatan_id}', '${lp.unit_kerja_id}',
               'Menginput data ke aplikasi', 450, 455, 5, 1, 'data');\n`,
    );
    const pgb = execFileSync(
      pgbenchPath(),
      ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), '-f', script, url],
      {
        encoding: 'utf8',
      },
    );
    const pgbTps = Number(/tps = ([\d.]+)/.exec(pgb)?.[1] ?? 0);
    await c.query(`delete from aktivitas where pegawai_id = $1 and tanggal = '2026-11-10' and mulai = 450`, [
      lp.pegawai_id,
    ]);
    const log = await loadInChild({ base, users: logUsers, seconds: SECONDS, mode: 'log' });
    const logRate = log.latencies.length / SECONDS;
    const stored = (
      await c.query(
        `select count(*)::int n from aktivitas a join pegawai p on p.id = a.pegawai_id where p.nama like 'L-%'`,
      )
    ).rows[0].n;
    say(
      `1. Logging, ${CONNECTIONS} pegawai at once: ${logRate.toFixed(0)} entries/s (p50 ${pct(log.latencies, 0.5).toFixed(1)} ms, p99 ${pct(log.latencies, 0.99).toFixed(1)} ms, ${log.errors} errors${log.firstError ? `: ${log.firstError}` : ''}; ${stored} rows stored)` +
        ` vs pgbench ${pgbTps.toFixed(0)} inserts/s: ${(logRate / pgbTps).toFixed(2)}× (target ≥ 0.5×, p99 < 50 ms)`,
    );

    // 2. A 50-person team's week approved in one action.
    await c.query(
      `insert into aktivitas (pemda_kode, tanggal, id, pegawai_id, jabatan_id, unit_kerja_id, uraian, mulai, selesai, menit, volume, satuan)
       select $1, d::date, gen_random_uuid(), pj.pegawai_id, pj.jabatan_id, j.unit_kerja_id, 'Menginput data', 450 + k * 60, 500 + k * 60, 50, 1, 'data'
         from pegawai_jabatan pj join jabatan j on j.id = pj.jabatan_id and not j.kepala_unit
         join pegawai p on p.id = pj.pegawai_id and p.nama like 'T-%',
              generate_series('2026-11-09'::date, '2026-11-13'::date, interval '1 day') d, generate_series(0, 5) k`,
      [PEMDA],
    );
    const items = (
      await c.query(`select a.id, a.version from aktivitas a join pegawai p on p.id = a.pegawai_id
      where p.nama like 'T-%' and a.tanggal between '2026-11-09' and '2026-11-15'`)
    ).rows;
    await c.query('begin');
    const [plain] = await time(() =>
      c.query(
        `update aktivitas set status = 'disetujui', menit_disetujui = menit, version = version + 1
        where pemda_kode = $1 and tanggal between '2026-11-09' and '2026-11-15' and id = any($2::uuid[])`,
        [PEMDA, items.map((i) => i.id)],
      ),
    );
    await c.query('rollback');
    const s = await signIn(base, teamHead as string);
    const [ms, res] = await time(() =>
      fetch(`${base}/api/persetujuan/tim/2026-11-09/setujui`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf, cookie: s.cookie() },
        body: JSON.stringify({ items }),
      }).then(async (r) => ({ status: r.status, body: await r.text() })),
    );
    say(
      `2. Team week approval: ${items.length} entries of 50 pegawai in one action: ${ms.toFixed(0)} ms (HTTP ${res.status}${res.status === 200 ? `, ${res.body}` : ''}) vs one plain UPDATE of the same rows ${plain.toFixed(0)} ms (target < 300 ms)`,
    );

    // 3. Month close for 20,000 pegawai.
    const bulan = Math.min(MONTHS, 10);
    const { dari, sampai } = monthRange(2026, bulan);
    await c.query(
      `insert into perilaku_bulanan (pemda_kode, tahun, bulan, pegawai_id, ratings, dinilai_oleh)
       select $1, 2026, $2, id, '{"berorientasi_pelayanan":4,"akuntabel":4,"kompeten":4,"harmonis":4,"loyal":4,"adaptif":4,"kolaboratif":4}', id
         from pegawai where nama like 'B-%'`,
      [PEMDA, bulan],
    );
    const monthRows = (
      await c.query(`select count(*)::int n from aktivitas where tanggal between $1 and $2`, [dari, sampai])
    ).rows[0].n;
    const [groupMs] = await time(() =>
      c.query(
        `select pegawai_id, sum(coalesce(menit_diakui, menit_disetujui)) filter (where status = 'disetujui')
           from aktivitas where pemda_kode = $1 and tanggal between $2 and $3 group by pegawai_id`,
        [PEMDA, dari, sampai],
      ),
    );
    const kepegawaian = createKepegawaianRepo(db);
    const aktivitasRepo = createAktivitasRepo(db);
    const atasan = createAtasanResolver(kepegawaian);
    const ctx = createKinerjaContext({
      kepegawaian,
      aktivitas: aktivitasRepo,
      zonaOf: async () => 'Asia/Jakarta',
      clock: { now: () => NOW },
    });
    const verifikasi = createVerifikasiService({
      db,
      repo: aktivitasRepo,
      kepegawaian,
      atasan,
      ctx,
      audit: createAuditRepo(db),
    });
    const units = (await c.query(`select id from unit_kerja where kode like 'B%'`)).rows.map(
      (r) => r.id as string,
    );
    // Every unit kerja's month closed at once (as the personnel office's close of the month would):
    // the verification rows, then one scoring pass over all of them, in one transaction.
    const [closeMs] = await time(() =>
      db.transaction(async (tx) => {
        for (const unitKerjaId of units) {
          await aktivitasRepo.insertVerifikasi(
            {
              pemdaKode: PEMDA,
              unitKerjaId,
              tahun: 2026,
              bulan,
              cara: 'semua',
              status: 'ditutup',
              dimulaiOleh: randomUUID(),
              ditutupAt: NOW,
            },
            tx,
          );
        }
        await verifikasi.computeScores({ pemdaKode: PEMDA, unitKerjaIds: units, tahun: 2026, bulan }, tx);
      }),
    );
    // The same close unit by unit (as each verifikator closes his unit kerja in the UI), for the record.
    await c.query(`delete from kinerja_bulanan where bulan = $1`, [bulan]);
    const [perUnitMs] = await time(async () => {
      for (const unitKerjaId of units) {
        await db.transaction((tx) =>
          verifikasi.computeScores({ pemdaKode: PEMDA, unitKerjaIds: [unitKerjaId], tahun: 2026, bulan }, tx),
        );
      }
    });
    const scored = (
      await c.query(
        `select count(*)::int n, round(avg(nilai_kinerja), 2) avg from kinerja_bulanan where bulan = $1`,
        [bulan],
      )
    ).rows[0];
    say(
      `3. Month close, ${units.length} unit kerja, ${scored.n.toLocaleString('en')} pegawai scored (mean ${scored.avg}) over ${monthRows.toLocaleString('en')} entries: ${(closeMs / 1000).toFixed(2)} s` +
        ` vs one GROUP BY ${(groupMs / 1000).toFixed(2)} s: ${(closeMs / groupMs).toFixed(2)}× (target ≤ 3×, < 30 s); unit by unit ${(perUnitMs / 1000).toFixed(2)} s`,
    );

    // 4. "Bulan saya" and the board with the whole table.
    const total = (await c.query(`select count(*)::int n from aktivitas`)).rows[0].n;
    // The last full week before the clock's: its deadline has passed, so the escalation is computed too.
    const week = '2026-11-04';
    const bare = await loadInChild({
      base,
      users: bigUsers,
      seconds: SECONDS,
      mode: { paths: ['/api/health/live'] },
    });
    const mine = await loadInChild({
      base,
      users: bigUsers,
      seconds: SECONDS,
      mode: { paths: [`/api/aktivitas/bulan?tahun=2026&bulan=${bulan}`] },
    });
    const board = await loadInChild({
      base,
      users: Array.from({ length: CONNECTIONS }, () => bigHead as string),
      seconds: SECONDS,
      mode: { paths: [`/api/persetujuan/tim?tanggal=${week}`] },
    });
    const line = (name: string, r: { latencies: number[]; errors: number; firstError: string }) =>
      `${name}: ${(r.latencies.length / SECONDS).toFixed(0)} req/s, p50 ${pct(r.latencies, 0.5).toFixed(1)} ms, p99 ${pct(r.latencies, 0.99).toFixed(1)} ms, ${r.errors} errors${r.firstError ? ` (${r.firstError})` : ''}`;
    say(
      `4. With ${total.toLocaleString('en')} rows in aktivitas, ${CONNECTIONS} connections (target p99 < 50 ms):`,
    );
    say(`   ${line('baseline /api/health/live', bare)}`);
    say(`   ${line('"Bulan saya" (a pegawai\'s month)', mine)}`);
    say(`   ${line("the atasan's board (team of 99, one week)", board)}`);
  } finally {
    await app?.close();
    await database.close().catch(() => {});
    await c.end().catch(() => {});
    if (process.env.BENCH_KEEP_DB) console.log(`Kept for inspection: ${url}`);
    else await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  console.log(`\nSummary\n${out.join('\n')}`);
}

if (process.argv[2] !== 'load') await main();
