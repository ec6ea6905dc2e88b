import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Job } from '@sip/contracts';
import { and, eq, like, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, loggedIn, TestClient, type TestContext } from '../../../test/helpers';
import { exportThroughJob, finishedJob } from '../../../test/jobs';
import { auditLog } from '../../db/schema/audit';
import { users } from '../../db/schema/auth';
import { job } from '../../db/schema/jobs';
import { laporan, notifications } from '../../db/schema/laporan';
import { penutupanBulan } from '../../db/schema/penutupan';
import { periode } from '../../db/schema/periode';
import { seedDemoPeriode, seedDemoRapor } from '../../demo/seed';
import type { Clock } from '../../lib/clock';
import { dueAtFor } from '../laporan/laporan.state';

// 12 April 2026, 10.00 WIB: January, February and March are due (March on 10 April).
const NOW = new Date('2026-04-12T03:00:00Z');
const clock: Clock = { now: () => NOW };
const PEMDA = '32.73';
const DAGO = '32.73.02.1004';

let ctx: TestContext;
let admin: TestClient;
let periodeId: string;

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' }, { clock });
  await seedDemoPeriode(ctx.database.db, PEMDA, 2026, NOW);
  await seedDemoRapor(ctx.database.db, PEMDA, 2026, NOW);
  periodeId = (await ctx.database.db.select().from(periode).where(eq(periode.tahun, 2026)))[0]!.id;
  admin = (await loggedIn(ctx, 'admin', PEMDA)).client;
}, 180_000);
afterAll(() => ctx?.close());

/** Runs a scheduled job now, as its cron tick would, and waits for it (the admin sees it). */
async function runNow(name: string): Promise<Job> {
  const id = await ctx.app.jobs.send(name, {});
  return finishedJob(admin, id, 60_000);
}

describe('the hourly rounds', () => {
  it('makes the due and late reminders for everyone who reports, once, whether or not he looks', async () => {
    const lurah = await ctx.createUser({ role: 'lurah', wilayahKode: DAGO });
    // Dago has not sent its March report (due 10 April): as if the demo lurah had forgotten it.
    await ctx.database.db
      .update(laporan)
      .set({ status: 'draf', firstSubmittedAt: null, submittedAt: null })
      .where(and(eq(laporan.periodeId, periodeId), eq(laporan.wilayahKode, DAGO), eq(laporan.bulan, 3)));
    const round = await runNow('notifications.reminders');
    expect(round).toMatchObject({ state: 'completed', createdBy: null });
    expect(round.counts).toMatchObject({ pemda: 1, unit: 181 });
    expect(round.counts!.pengingat).toBeGreaterThan(0);
    const mine = () => ctx.database.db.select().from(notifications).where(eq(notifications.userId, lurah.id));
    const made = await mine();
    expect(made.map((n) => n.dedupeKey)).toEqual([`terlambat:${periodeId}:${DAGO}:3`]);
    expect(made[0]).toMatchObject({ kind: 'terlambat', readAt: null });

    // When he looks, the lazy path finds them made; a second round adds nothing.
    const client = new TestClient(ctx.app);
    await client.login(lurah.username, lurah.password);
    expect((await client.request('GET', '/api/notifications')).statusCode).toBe(200);
    expect((await mine()).length).toBe(made.length);
    expect((await runNow('notifications.reminders')).counts).toMatchObject({ pengingat: 0 });
    expect((await mine()).length).toBe(made.length);
  }, 120_000);

  it("closes each month once after its due day has ended in the pemda's zone, then refreshes the rapor", async () => {
    const first = await runNow('laporan.month-close');
    expect(first.counts).toEqual({ bulan: 3 });
    const rows = await ctx.database.db
      .select()
      .from(penutupanBulan)
      .where(eq(penutupanBulan.periodeId, periodeId))
      .orderBy(penutupanBulan.bulan);
    expect(rows.map((r) => r.bulan)).toEqual([1, 2, 3]);
    const cal = {
      tahun: 2026,
      settings: (await ctx.database.db.select().from(periode))[0]!.settings,
      zona: 'Asia/Jakarta' as const,
    };
    for (const r of rows) {
      const due = dueAtFor(cal, 'bulanan', r.bulan);
      expect(r.dueAt.getTime()).toBe(due.getTime());
      // The figures, counted again straight from the reports.
      const [counted] = await ctx.database.db
        .select({
          onTime: sql<number>`count(*) filter (where ${laporan.firstSubmittedAt} <= ${due.toISOString()}::timestamptz)::int`,
          late: sql<number>`count(*) filter (where ${laporan.firstSubmittedAt} > ${due.toISOString()}::timestamptz)::int`,
        })
        .from(laporan)
        .where(
          and(eq(laporan.periodeId, periodeId), eq(laporan.kind, 'bulanan'), eq(laporan.bulan, r.bulan)),
        );
      expect(r).toMatchObject({
        units: 181,
        tepatWaktu: counted!.onTime,
        terlambat: counted!.late,
        belum: 181 - counted!.onTime - counted!.late,
      });
    }
    // Again (another instance, a retry): nothing more.
    expect((await runNow('laporan.month-close')).counts).toEqual({ bulan: 0 });
    expect(await ctx.database.db.select().from(penutupanBulan)).toHaveLength(3);

    // What follows a month's end was set off: the rapor computed again, the late notices.
    const list = (await admin.request('GET', '/api/jobs?limit=200')).json().items as Job[];
    const recompute = list.find((j) => j.name === 'rapor.recompute');
    expect(recompute).toBeDefined();
    const done = await finishedJob(admin, recompute!.id, 60_000);
    expect(done).toMatchObject({ state: 'completed', counts: { unit: 181, jatuhTempo: 3 } });
    expect(list.some((j) => j.name === 'notifications.reminders')).toBe(true);
  }, 180_000);
});

describe('exports and imports as jobs', () => {
  it('exports every unit’s rapor of a year in one workbook, with progress, for pemda readers only', async () => {
    const { job: done, file } = await exportThroughJob(admin, 'POST', '/api/rapor/2026/export', {
      format: 'xlsx',
    });
    expect(done).toMatchObject({ name: 'rapor.export', progress: 100, label: 'Selesai', attempts: 1 });
    expect(done.file?.filename).toBe('rapor-semua-unit-2026.xlsx');
    const wb = XLSX.read(file.rawPayload, { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Peringkat kecamatan', 'Peringkat kelurahan', 'Indikator']);
    const sheet = (name: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[name]!);
    expect(sheet('Peringkat kecamatan')).toHaveLength(30);
    expect(sheet('Peringkat kelurahan')).toHaveLength(151);
    const indikator = sheet('Indikator');
    expect(new Set(indikator.map((r) => r['Kode unit'])).size).toBe(181);
    expect(done.counts).toEqual({ baris: indikator.length });
    // The same numbers as the unit's own rapor.
    const dago = (await admin.request('GET', `/api/rapor/2026/unit/${DAGO}`)).json();
    expect(indikator.find((r) => r['Kode unit'] === DAGO)?.['Nilai total']).toBe(dago.total);

    const { client: lurah } = await loggedIn(ctx, 'lurah', DAGO);
    expect((await lurah.request('POST', '/api/rapor/2026/export', { format: 'csv' })).statusCode).toBe(403);
    // A lurah's own list holds his own jobs only; the admin's holds this one.
    expect((await lurah.request('GET', '/api/jobs')).json().items).toEqual([]);
    const adminList = (await admin.request('GET', '/api/jobs')).json().items as Job[];
    expect(adminList.find((j) => j.id === done.id)).toMatchObject({ mine: true });
    // Another admin of the pemda sees it in the list but the file stays its starter's.
    const { client: otherAdmin } = await loggedIn(ctx, 'admin', PEMDA);
    expect((await otherAdmin.request('GET', `/api/jobs/${done.id}`)).json()).toMatchObject({ mine: false });
    expect((await otherAdmin.request('GET', `/api/jobs/${done.id}/file`)).statusCode).toBe(403);
  }, 120_000);

  it('imports a large users CSV as a job: accounts made once, the passwords as a sealed file', async () => {
    const tag = Date.now().toString(36);
    const lines = Array.from(
      { length: 21 },
      (_, i) => `impor.${tag}.${i};Pegawai Impor ${i};;operator;${DAGO}`,
    );
    const csv = ['username;nama_lengkap;nip;peran;kode_wilayah', ...lines].join('\n');
    const started = await admin.request('POST', '/api/users/import', { csv, dryRun: false });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ dryRun: false, rows: 21 });
    expect(started.json().users[0].temporaryPassword).toBeNull();
    const done = await finishedJob(admin, started.json().job.id, 120_000);
    expect(done).toMatchObject({ state: 'completed', counts: { pengguna: 21, peran: 21 } });
    const made = await ctx.database.db
      .select()
      .from(users)
      .where(like(users.username, `impor.${tag}.%`));
    expect(made).toHaveLength(21);
    const imported = await ctx.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'user.imported'),
          eq(auditLog.actorUsername, started.json().job.createdBy.username),
        ),
      );
    expect(imported).toHaveLength(1);

    const file = await admin.request('GET', `/api/jobs/${done.id}/file`);
    expect(file.headers['content-disposition']).toContain('kata-sandi-sementara.csv');
    const [header, ...rows] = Papa.parse<string[]>(file.body.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      skipEmptyLines: true,
    }).data;
    expect(header).toEqual(['username', 'nama_lengkap', 'kata_sandi_sementara']);
    expect(rows).toHaveLength(21);
    // A password from the file signs in (and must be changed first).
    const person = new TestClient(ctx.app);
    const login = await person.login(rows[0]![0]!, rows[0]![2]!);
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    // At rest the file is sealed: the stored bytes name nobody.
    const [stored] = await ctx.database.db.select().from(job).where(eq(job.id, done.id));
    const key = (stored!.result as { file: { key: string; sealed: boolean } }).file;
    expect(key.sealed).toBe(true);
    const raw = readFileSync(`${ctx.dataDir}/ekspor/${key.key}`);
    expect(raw.toString()).not.toContain(`impor.${tag}`);
  }, 180_000);

  it('a job that cannot run fails for good, and /metrics counts it', async () => {
    // No BACKUP_DIR on this app: the scheduled backup refuses to run.
    const failed = await runNow('backup.scheduled');
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.error).toContain('BACKUP_DIR');
    const metrics = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/jobs\{name="backup\.scheduled",state="failed"\} 1/);
    expect(metrics.body).toMatch(/job_run_failures_total\{name="backup\.scheduled"\} 1/);
  });

  it('removes finished jobs after a week, with their files', async () => {
    const { job: done } = await exportThroughJob(admin, 'POST', '/api/audit/export', { format: 'csv' });
    const [row] = await ctx.database.db.select().from(job).where(eq(job.id, done.id));
    const key = (row!.result as { file: { key: string } }).file.key;
    const stored = `${ctx.dataDir}/ekspor/${key}`;
    expect(readFileSync(stored).length).toBeGreaterThan(0);
    await ctx.database.db
      .update(job)
      .set({ finishedAt: sql`now() - interval '8 days'` })
      .where(eq(job.id, done.id));
    const cleanup = await runNow('jobs.cleanup');
    expect(cleanup.counts).toMatchObject({ pekerjaan: 1, berkas: 1 });
    expect((await admin.request('GET', `/api/jobs/${done.id}`)).statusCode).toBe(404);
    expect(() => readFileSync(stored)).toThrow();
    await eventually(async () =>
      expect((await ctx.database.db.select().from(job).where(eq(job.id, done.id))).length).toBe(0),
    );
  }, 60_000);

  it("makes the coming twelve months' partitions of the daily log ahead of time, once", async () => {
    // The migration made January 2025 to December 2027; from April 2026, twelve months ahead reach April 2027.
    const first = await runNow('aktivitas.partisi');
    expect(first.counts).toEqual({ partisi: 0 });
    const made = (await ctx.database.db.execute(
      sql`select to_regclass('aktivitas_2027_04') is not null as ada`,
    )) as unknown as { rows: { ada: boolean }[] };
    expect(made.rows[0]).toEqual({ ada: true });
    await ctx.database.db.execute(sql`drop table aktivitas_2027_04`);
    expect((await runNow('aktivitas.partisi')).counts).toEqual({ partisi: 1 });
    expect((await runNow('aktivitas.partisi')).counts).toEqual({ partisi: 0 });
  }, 60_000);
});
