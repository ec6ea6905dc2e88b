/**
 * Fault suite (`pnpm test:faults`): a real API process on a fresh PostgreSQL database.
 *  1. kill -9 in the middle of 20 laporan submissions (four at a time), restart: every report is wholly
 *     in its old state (draf, no audit row) or its new one (submitted, one audit row), and every
 *     submission that was answered 200 survived.
 *  2. the same for 20 verifications (approve).
 *  3. SIGTERM while requests are in flight: each one is answered, and the process exits 0.
 *  4. PostgreSQL restarted under load: only 200 or 503 meanwhile, then 200 again with no API restart.
 *  5. two instances and a PostgreSQL restart: a logout on one still ends the session on the other
 *     (their session caches listen for revocations and must re-listen after the restart).
 *  6. kill -9 while a background job runs: after restart it completes exactly once (jobs.ts).
 *  7. two instances keeping a schedule: each cron tick runs once (jobs.ts).
 * PostgreSQL is started again at the end whatever happens.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { fillReport, freshDatabase, Http, pool, type Server, seed, startServer } from '../live/harness';
import { jobFaults } from './jobs';

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

async function states(url: string, ids: string[], action: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rows = await c.query<{ id: string; status: string; audits: number }>(
    `select l.id, l.status,
            (select count(*)::int from audit_log a where a.entity = 'laporan' and a.entity_id = l.id::text and a.action = $2) as audits
       from laporan l where l.id = any($1::uuid[])`,
    [ids, action],
  );
  await c.end();
  return new Map(rows.rows.map((r) => [r.id, r]));
}

/**
 * Sends the requests four at a time (as a busy office would) and kills the API with SIGKILL as soon
 * as the fifth is answered: four more are in flight at that moment, the rest never leave.
 */
async function killMidway(server: Server, calls: (() => Promise<{ status: number }>)[]) {
  let answered = 0;
  let killed = false;
  const results = await pool(calls, 4, (call) =>
    killed
      ? Promise.resolve(-1)
      : call().then(
          (r) => {
            if (r.status === 200 && ++answered === 5) {
              killed = true;
              server.child.kill('SIGKILL');
            }
            return r.status;
          },
          () => 0,
        ),
  );
  if (!killed) server.child.kill('SIGKILL');
  await server.exited;
  return results;
}

function pgVersion() {
  return existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql')[0] : undefined;
}
async function pgReady() {
  const c = new pg.Client({
    connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
    connectionTimeoutMillis: 2000,
  });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const now = new Date();
  const { url, drop } = await freshDatabase('faults');
  let server: Server | undefined;
  let second: Server | undefined;
  try {
    const { database, addUser } = await seed(url, now);
    const q = new pg.Client({ connectionString: url });
    await q.connect();
    const codes = async (level: string) =>
      (
        await q.query<{ kode: string }>('select kode from wilayah where level = $1 order by kode limit 20', [
          level,
        ])
      ).rows.map((r) => r.kode);
    const kelurahan = await codes('kelurahan_desa');
    const kecamatan = await codes('kecamatan');
    await q.end();
    for (const k of kelurahan) await addUser(`lurah-${k}`, 'lurah', k);
    for (const k of kecamatan) await addUser(`camat-${k}`, 'camat', k);
    await addUser('verifikator-faults', 'verifikator', '32.73');
    await addUser('admin-faults', 'admin', '32.73');
    await database.close();
    const bulan = now.getUTCMonth() === 0 ? 1 : now.getUTCMonth(); // last month's report (this month's if January)

    server = await startServer(url);
    console.log(`API pid ${server.child.pid} on ${server.base}`);

    // 1. kill -9 during submissions
    console.log('1. kill -9 in the middle of 20 submissions');
    const lurahs = await pool(kelurahan, 4, (k) => new Http(server!.base).login(`lurah-${k}`));
    const drafts = await pool(kelurahan, 4, (k, i) => fillReport(lurahs[i]!, k, bulan));
    const submitted = await killMidway(
      server,
      drafts.map(
        (d, i) => () => lurahs[i]!.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version }),
      ),
    );
    server = await startServer(url, {}, server.port); // same address: the clients keep their sessions
    const after1 = await states(
      url,
      drafts.map((d) => d.id),
      'laporan.submitted',
    );
    let moved = 0;
    let whole = true;
    let lost = 0;
    drafts.forEach((d, i) => {
      const s = after1.get(d.id)!;
      const isNew = s.status !== 'draf';
      if (isNew) moved++;
      if (!(isNew ? s.audits === 1 : s.audits === 0)) whole = false;
      if (submitted[i] === 200 && !isNew) lost++;
    });
    console.log(
      `     answered 200: ${submitted.filter((s) => s === 200).length}, in new state after restart: ${moved}/20`,
    );
    check(
      whole,
      'each report is wholly old (draf, no audit row) or wholly new (submitted, exactly one audit row)',
    );
    check(lost === 0, 'no submission answered 200 was lost');
    check(moved >= 5 && moved < 20, 'the kill landed in the middle (some reports submitted, some not)');
    const retried = await pool(drafts, 4, async (d, i) => {
      if (after1.get(d.id)!.status !== 'draf') return 200;
      const fresh = (await lurahs[i]!.request('GET', `/api/laporan/${d.id}`)).json;
      return (await lurahs[i]!.request('POST', `/api/laporan/${d.id}/ajukan`, { version: fresh.version }))
        .status;
    });
    check(
      retried.every((s) => s === 200),
      'after the restart the interrupted units submit again (sessions survive)',
    );

    // 2. kill -9 during verifications
    console.log('2. kill -9 in the middle of 20 verifications');
    const camats = await pool(kecamatan, 4, (k) => new Http(server!.base).login(`camat-${k}`));
    const reports = await pool(kecamatan, 4, async (k, i) => {
      const d = await fillReport(camats[i]!, k, bulan);
      const r = await camats[i]!.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version });
      if (r.status !== 200) throw new Error(`submit ${k}: ${r.status} ${r.text}`);
      return d;
    });
    const verifikator = await new Http(server.base).login('verifikator-faults');
    const ready = await pool(reports, 4, async (d) => {
      let detail = (await verifikator.request('GET', `/api/laporan/${d.id}`)).json;
      for (const e of detail.entries as { indikatorCode: string; version: number }[]) {
        const r = await verifikator.request(
          'PUT',
          `/api/laporan/${d.id}/isian/${e.indikatorCode}/keputusan`,
          {
            version: e.version,
            decision: 'diterima',
          },
        );
        if (r.status !== 200) throw new Error(`decide: ${r.status} ${r.text}`);
      }
      detail = (await verifikator.request('GET', `/api/laporan/${d.id}`)).json;
      return detail as { id: string; version: number };
    });
    const approved = await killMidway(
      server,
      ready.map(
        (d) => () => verifikator.request('POST', `/api/laporan/${d.id}/setujui`, { version: d.version }),
      ),
    );
    server = await startServer(url, {}, server.port);
    const after2 = await states(
      url,
      ready.map((d) => d.id),
      'laporan.approved',
    );
    let verified = 0;
    let whole2 = true;
    let lost2 = 0;
    ready.forEach((d, i) => {
      const s = after2.get(d.id)!;
      const isNew = s.status === 'diverifikasi';
      if (isNew) verified++;
      if (!(isNew ? s.audits === 1 : s.audits === 0)) whole2 = false;
      if (approved[i] === 200 && !isNew) lost2++;
    });
    console.log(
      `     answered 200: ${approved.filter((s) => s === 200).length}, verified after restart: ${verified}/20`,
    );
    check(
      whole2,
      'each report is wholly unverified (no audit row) or wholly verified (exactly one audit row)',
    );
    check(lost2 === 0, 'no verification answered 200 was lost');
    check(verified >= 5 && verified < 20, 'the kill landed in the middle (some reports verified, some not)');

    // 3. SIGTERM drains in-flight requests
    console.log('3. SIGTERM with 40 requests in flight');
    const v2 = await new Http(server.base).login('verifikator-faults');
    const target = `/api/laporan/${ready[0]!.id}`;
    await Promise.all(Array.from({ length: 40 }, () => v2.request('GET', target))); // warm the connections
    let signalled = false;
    let afterSignal = 0;
    const srv = server;
    const drained = await Promise.all(
      Array.from({ length: 40 }, () =>
        v2.request('GET', target).then(
          (r) => {
            if (signalled && r.status === 200) afterSignal++;
            if (!signalled) {
              signalled = true;
              srv.child.kill('SIGTERM');
            }
            return r.status;
          },
          (e: Error) => `${e.message}`,
        ),
      ),
    );
    const code = await server.exited;
    const errors = drained.filter((s) => typeof s === 'string');
    console.log(
      `     answered after the signal: ${afterSignal} x 200; statuses ${JSON.stringify(count(drained))}`,
    );
    check(errors.length === 0, 'no in-flight request was cut off (only answers, no connection errors)');
    check(
      drained.every((s) => s === 200 || s === 503),
      'every in-flight request was answered 200 (or 503 once closing)',
    );
    check(code === 0, `the process exited 0 after draining (exit ${code})`);

    // 4. PostgreSQL restarted under load
    const version = pgVersion();
    if (!version) {
      console.log('4. skipped: no local PostgreSQL cluster (/etc/postgresql) to restart');
    } else {
      console.log(`4. PostgreSQL ${version} restarted under load`);
      server = await startServer(url);
      const v3 = await new Http(server.base).login('verifikator-faults');
      const pid = server.child.pid;
      const seen: (number | string)[] = [];
      let stop = false;
      const workers = Array.from({ length: 6 }, async () => {
        while (!stop) {
          const r = await v3.request('GET', target).then(
            (x) => x.status,
            (e: Error) => e.message,
          );
          seen.push(r);
        }
      });
      await new Promise((r) => setTimeout(r, 1000));
      // A restart with a down time long enough to be seen: stop, 2 s under load, start.
      const started = Date.now();
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main stop -m fast`, { stdio: 'inherit' });
      // Requests already past the database when it stopped may still finish with 200: look from 300 ms on.
      await new Promise((r) => setTimeout(r, 300));
      const down = seen.length;
      await new Promise((r) => setTimeout(r, 1700));
      const whileDown = seen.slice(down);
      // A load balancer stops sending traffic (readiness) but does not restart the process (liveness).
      const readyDown = (await v3.request('GET', '/api/health/ready')).status;
      const liveDown = (await v3.request('GET', '/api/health/live')).status;
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
      check(
        readyDown === 503 && liveDown === 200,
        `while the database is down readiness answers 503 (${readyDown}) and liveness 200 (${liveDown})`,
      );
      console.log(
        `     database down for ${Date.now() - started} ms; answers meanwhile: ${JSON.stringify(count(whileDown))}`,
      );
      check(
        whileDown.length > 0 && whileDown.every((s) => s === 503),
        'while the database is down every answer is 503, promptly',
      );
      // Recovery: 20 answers in a row of 200 within 15 s, same API process.
      let streak = 0;
      const deadline = Date.now() + 15_000;
      const mark = seen.length;
      while (streak < 20 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        const last = seen.slice(Math.max(mark, seen.length - 20));
        streak = last.length >= 20 && last.every((s) => s === 200) ? 20 : 0;
      }
      stop = true;
      await Promise.all(workers);
      const counts = count(seen);
      console.log(`     statuses under load: ${JSON.stringify(counts)}`);
      check(
        seen.every((s) => s === 200 || s === 503),
        'only 200 or 503 throughout (never 500, never a dropped connection)',
      );
      check(streak === 20, 'the API answers 200 again by itself within 15 s');
      check(server.child.pid === pid && server.child.exitCode === null, 'without an API restart');
      await server.stop();

      // 5. Two instances share PostgreSQL; each caches sessions and hears revocations by
      // LISTEN/NOTIFY. After a PostgreSQL restart, a logout on one must still end the session on
      // the other (no stale cache after the listener reconnects).
      console.log('5. two instances, PostgreSQL restarted, then a logout on one');
      const a = await startServer(url);
      const b = await startServer(url);
      second = b;
      server = a;
      const onA = await new Http(a.base).login('verifikator-faults');
      const onB = new Http(b.base);
      onB.cookies = new Map(onA.cookies);
      onB.csrf = onA.csrf;
      check(
        (await onB.request('GET', '/api/auth/me')).status === 200,
        'the session works on the other instance (cached there)',
      );
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main restart`, { stdio: 'inherit' });
      const healthy = async (h: Http) => {
        for (let i = 0; i < 100; i++) {
          if ((await h.request('GET', '/api/auth/me').catch(() => ({ status: 0 }))).status === 200)
            return true;
          await new Promise((r) => setTimeout(r, 100));
        }
        return false;
      };
      check(
        (await healthy(onA)) && (await healthy(onB)),
        'both instances serve the session again after the restart',
      );
      // Revoke at once: a listener still reconnecting must not leave B trusting its cache.
      const out = await onA.request('POST', '/api/auth/logout', {});
      check(out.status === 200, 'logout on instance A');
      let refusedOnB = false;
      for (let i = 0; i < 30 && !refusedOnB; i++) {
        refusedOnB = (await onB.request('GET', '/api/auth/me')).status === 401;
        if (!refusedOnB) await new Promise((r) => setTimeout(r, 100));
      }
      check(refusedOnB, 'instance B refuses the logged-out session within 3 s');
      await a.stop();
      await b.stop();
    }

    // 6 and 7: background jobs
    await jobFaults(url, check);
  } finally {
    for (const s of [server, second]) {
      if (s && s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    }
    const version = pgVersion();
    if (version && !(await pgReady())) {
      try {
        execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
      } catch {
        // reported by the check below
      }
    }
    for (let i = 0; i < 40 && !(await pgReady()); i++) await new Promise((r) => setTimeout(r, 250));
    await drop().catch((e) => console.log(`could not drop the fault database: ${(e as Error).message}`));
  }
  console.log(
    failures.length ? `\nfault suite: ${failures.length} FAILED` : '\nfault suite: all checks passed',
  );
  process.exit(failures.length ? 1 : 0);
}

function count(xs: unknown[]) {
  const m: Record<string, number> = {};
  for (const x of xs) m[String(x)] = (m[String(x)] ?? 0) + 1;
  return m;
}

main().catch(async (e) => {
  console.error(e);
  process.exit(1);
});
