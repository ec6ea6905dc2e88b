/**
 * Background jobs under faults (the fault suite, faults.ts, cases 6 and 7), on real API processes:
 *  6. kill -9 of the API while a job runs (a users import, mid-way through its passwords): after a
 *     restart the job is taken up again and completes exactly once — every account made once, one
 *     import in the audit log, a file whose passwords sign in.
 *  7. two instances with a backup scheduled every minute: each cron tick runs once (one job and one
 *     archive per minute), whichever instance takes it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Http, type Server, startServer } from '../live/harness';

type Check = (ok: boolean, what: string) => void;

interface JobView {
  id: string;
  state: string;
  progress: number;
  label: string;
  attempts: number;
  error: string | null;
  counts: Record<string, number> | null;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The test admin has no authenticator (REQUIRE_TOTP_ROLES's default asks admins for one). */
const NO_TOTP = { REQUIRE_TOTP_ROLES: '' };

/** Case 6: kill -9 in the middle of a job, restart, and the job completes exactly once. */
async function killMidJob(url: string, check: Check, servers: Server[]) {
  console.log('6. kill -9 while a background job runs (a users import of 300 accounts)');
  let server = await startServer(url, NO_TOTP);
  servers.push(server);
  const admin = await new Http(server.base).login('admin-faults');
  const tag = `fault${Date.now().toString(36)}`;
  const n = 300;
  const csv = [
    'username;nama_lengkap;nip;peran;kode_wilayah',
    ...Array.from({ length: n }, (_, i) => `${tag}.${i};Pegawai Uji ${i};;operator;32.73.02.1004`),
  ].join('\n');
  const started = await admin.request('POST', '/api/users/import', { csv, dryRun: false });
  check(started.status === 202, `a large import answers 202 with its job (${started.status})`);
  const id: string = started.json.job.id;
  let seen: JobView | undefined;
  for (let i = 0; i < 600; i++) {
    seen = (await admin.request('GET', `/api/jobs/${id}`)).json as JobView;
    if (seen.state === 'active' && seen.progress >= 15) break;
    await sleep(100);
  }
  server.child.kill('SIGKILL');
  await server.exited;
  console.log(`     killed at ${seen?.progress}% (${seen?.label})`);
  check(
    seen?.state === 'active' && seen.progress >= 15 && seen.progress < 90,
    'the kill landed while the job was running, before its accounts were saved',
  );
  const before = await query<{ n: number }>(
    url,
    'select count(*)::int as n from users where username like $1',
    [`${tag}.%`],
  );
  check(before[0]?.n === 0, 'nothing of the job was saved when its process died');

  server = await startServer(url, NO_TOTP, server.port); // the same address: the session stays valid
  servers.push(server);
  const restartedAt = Date.now();
  let done: JobView | undefined;
  for (let i = 0; i < 240; i++) {
    done = (await admin.request('GET', `/api/jobs/${id}`)).json as JobView;
    if (done.state === 'completed' || done.state === 'failed') break;
    await sleep(500);
  }
  console.log(
    `     after the restart: ${done?.state} in ${Math.round((Date.now() - restartedAt) / 1000)} s, attempt ${done?.attempts}`,
  );
  check(done?.state === 'completed', 'after the restart the job is taken up again and completes');
  check(done?.attempts === 2, `it ran twice and completed once (attempts ${done?.attempts})`);
  const made = await query<{ n: number; distinct: number }>(
    url,
    'select count(*)::int as n, count(distinct username)::int as distinct from users where username like $1',
    [`${tag}.%`],
  );
  check(
    made[0]?.n === n && made[0]?.distinct === n,
    `every account was made exactly once (${made[0]?.n}/${n})`,
  );
  const audits = await query<{ n: number }>(
    url,
    "select count(*)::int as n from audit_log where action = 'user.imported' and after->'users' ? $1",
    [`${tag}.0`],
  );
  check(audits[0]?.n === 1, `one import in the audit log (${audits[0]?.n})`);
  const file = await admin.request('GET', `/api/jobs/${id}/file`);
  const rows = file.text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.startsWith(`${tag}.`));
  check(file.status === 200 && rows.length === n, `its file holds the ${n} temporary passwords`);
  const [username, , password] = (rows[0] ?? '').split(';');
  const login = await new Http(server.base).request('POST', '/api/auth/login', { username, password });
  check(login.status === 200, 'a password from the file signs in');
  await server.stop();
}

/** Case 7: a schedule kept by two instances runs once per tick. */
async function scheduledOnce(url: string, check: Check, servers: Server[]) {
  console.log('7. two instances keep a backup scheduled every minute: each tick runs once');
  const dir = mkdtempSync(path.join(tmpdir(), 'sip-fault-backups-'));
  try {
    const env = { BACKUP_DIR: dir, BACKUP_CRON: '* * * * *', BACKUP_KEEP: '100' };
    const a = await startServer(url, env);
    const b = await startServer(url, env);
    servers.push(a, b);
    const since = new Date();
    // Three ticks: the one at start and two more minutes (pg-boss looks for due ticks every 30 s).
    const deadline = Date.now() + 200_000;
    let completed = 0;
    while (Date.now() < deadline) {
      const rows = await query<{ n: number }>(
        url,
        "select count(*)::int as n from jobs.job where name = 'backup.scheduled' and state = 'completed' and created_at >= $1",
        [since],
      );
      completed = rows[0]?.n ?? 0;
      if (completed >= 3) break;
      await sleep(2000);
    }
    await a.stop();
    await b.stop();
    const jobs = await query<{ id: string; state: string; at: Date }>(
      url,
      "select id, state, created_at as at from jobs.job where name = 'backup.scheduled' and created_at >= $1 order by created_at",
      [since],
    );
    const archives = readdirSync(dir).filter((f) => f.endsWith('.tar.gz'));
    // A tick run twice (once on each instance) would start twice within seconds.
    const gaps = jobs.slice(1).map((j, i) => (j.at.getTime() - jobs[i]!.at.getTime()) / 1000);
    console.log(
      `     ${jobs.length} jobs, seconds between them: ${gaps.map((g) => Math.round(g)).join(', ')}; ${archives.length} archives`,
    );
    check(completed >= 3, `the schedule ran on its ticks (${completed} completed)`);
    check(
      jobs.every((j) => j.state === 'completed'),
      'every run completed (none failed, none left waiting)',
    );
    check(
      gaps.every((g) => g >= 20),
      'no tick ran twice (every two runs are a tick apart)',
    );
    check(archives.length === jobs.length, 'one archive per run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function jobFaults(url: string, check: Check) {
  const servers: Server[] = [];
  try {
    await killMidJob(url, check, servers);
    await scheduledOnce(url, check, servers);
  } finally {
    for (const s of servers)
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  }
}
