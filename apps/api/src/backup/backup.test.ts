import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LaporanDetail } from '@sip/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestContext } from '../../test/helpers';
import { createDatabase, type Database } from '../db/client';
import { seedDemoPeriode, seedDemoRapor } from '../demo/seed';
import { seedDemoKinerja } from '../demo/seed-kinerja';
import { createLocalStorage } from '../lib/storage/local';
import { createAuditRepo } from '../modules/audit/audit.repo';
import { BackupError, backupFileIn, pruneBackups, restoreBackup, writeBackup } from './backup';

// 25 November 2026, 12:00 WIB: October is the last month due; the demo year is filled up to it.
const NOW = new Date('2026-11-25T05:00:00Z');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

let ctx: TestContext;
let work: string;
let archive: string;
const opened: Database[] = [];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sip-backup-'));
  ctx = await createTestApp(
    { UPLOAD_DIR: path.join(work, 'uploads'), RATE_LIMIT_PER_MINUTE: '100000' },
    { clock: { now: () => NOW } },
  );
  const db = ctx.database.db;
  await seedDemoPeriode(db, '32.73', 2026, NOW);
  await seedDemoRapor(db, '32.73', 2026, NOW);
  // The kinerja organisation and two months of daily logs (aktivitas is partitioned by month).
  await seedDemoKinerja(db, { pemdaKode: '32.73', password: 'Demo-Sandi-Panjang-2026', now: NOW });
  // An evidence file on November's report (open, not yet due) and a published snapshot, besides
  // the year's reports, SKM responses and audit rows.
  const { client: lurah } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
  const opened = await lurah.request('POST', '/api/laporan', {
    wilayahKode: '32.73.02.1004',
    kind: 'bulanan',
    bulan: 11,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const detail = opened.json() as LaporanDetail;
  const boundary = '----sip-backup';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const up = await lurah.request(
    'POST',
    `/api/laporan/${detail.id}/isian/${detail.indikatorCodes[0]}/bukti`,
    payload,
    {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    },
  );
  expect(up.statusCode, up.body).toBe(201);
  const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
  const published = await admin.request('POST', '/api/rapor/2026/publikasi', {
    reason: 'Pengumuman hasil 2026 untuk uji cadangan',
    konfirmasi: true,
  });
  expect(published.statusCode, published.body).toBe(200);
  archive = path.join(work, 'cadangan.tar.gz');
}, 120_000);

afterAll(async () => {
  for (const d of opened) await d.close();
  await ctx?.close();
  rmSync(work, { recursive: true, force: true });
});

/** An empty database at this version's schema level (a fresh PGlite: a backup of PostgreSQL restores there too). */
async function emptyDatabase() {
  const database = await createDatabase({});
  await database.migrate();
  opened.push(database);
  return database;
}

const counts = async (database: Database) => {
  const tables = (
    (await database.db.execute(
      sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`,
    )) as unknown as {
      rows: { t: string }[];
    }
  ).rows.map((r) => r.t);
  const out: Record<string, number> = {};
  expect(tables).toContain('aktivitas_2026_10');
  for (const t of tables) {
    const r = (await database.db.execute(sql.raw(`select count(*)::int as n from "${t}"`))) as unknown as {
      rows: { n: number }[];
    };
    out[t] = r.rows[0]!.n;
  }
  return out;
};

const snapshot = async (database: Database) =>
  (
    (await database.db.execute(
      sql`select row_to_json(p)::text as r from rapor_publikasi p order by periode_id, revision limit 1`,
    )) as unknown as { rows: { r: string }[] }
  ).rows[0]?.r;

describe('backup and restore', () => {
  it('restores into an empty database with the same rows, the same published snapshot and the same files', async () => {
    const manifest = await writeBackup(ctx.database, createLocalStorage(path.join(work, 'uploads')), archive);
    expect(manifest.tables.laporan).toBeGreaterThan(1000);
    expect(manifest.tables.rapor_publikasi).toBe(1);
    expect(manifest.files).toBe(1);
    expect(manifest.missingFiles).toEqual([]);

    const target = await emptyDatabase();
    const targetUploads = path.join(work, 'restored-uploads');
    await restoreBackup(target, createLocalStorage(targetUploads), archive);
    const before = await counts(ctx.database);
    expect(await counts(target)).toEqual(before);
    expect(before.audit_log).toBeGreaterThan(0);
    expect(await snapshot(target)).toBe(await snapshot(ctx.database));
    const [key] = (
      (await target.db.execute(sql`select storage_key as k from evidence`)) as unknown as {
        rows: { k: string }[];
      }
    ).rows.map((r) => r.k);
    expect(readFileSync(path.join(targetUploads, key!))).toEqual(PDF);
    // The restored database goes on: new audit rows get the next ids.
    await createAuditRepo(target.db).record(
      { userId: null, username: 'system', pemdaKode: '32.73' },
      { action: 'periode.created', entity: 'periode', entityId: 'uji', after: { uji: true } },
    );
    expect((await counts(target)).audit_log).toBe(before.audit_log! + 1);
  });

  it('refuses a database or storage that is not empty, and a damaged archive, writing nothing', async () => {
    // Not empty: the source itself.
    await expect(
      restoreBackup(ctx.database, createLocalStorage(path.join(work, 'x')), archive),
    ).rejects.toThrow(/database is not empty/);
    // Storage not empty.
    const target = await emptyDatabase();
    const full = createLocalStorage(path.join(work, 'full-uploads'));
    await full.put(Buffer.from('x'));
    await expect(restoreBackup(target, full, archive)).rejects.toThrow(/storage folder .* is not empty/);
    // Damaged: one byte changed in the middle of the archive.
    const bytes = readFileSync(archive);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    const damaged = path.join(work, 'rusak.tar.gz');
    writeFileSync(damaged, bytes);
    await expect(
      restoreBackup(target, createLocalStorage(path.join(work, 'empty-uploads')), damaged),
    ).rejects.toBeInstanceOf(BackupError);
    expect(Object.values(await counts(target)).every((n) => n === 0)).toBe(true);
  });

  it('scheduled backups: dated names in a folder, and only the newest kept', async () => {
    const dir = path.join(work, 'jadwal');
    mkdirSync(dir, { recursive: true });
    const names = [1, 2, 3, 4].map((d) => backupFileIn(dir, new Date(`2026-12-0${d}T19:00:00Z`)));
    expect(path.basename(names[0]!)).toBe('sip-cadangan-20261201-190000.tar.gz');
    for (const n of names) writeFileSync(n, 'x');
    writeFileSync(path.join(dir, 'catatan.txt'), 'bukan cadangan');
    expect(await pruneBackups(dir, 2)).toEqual(names.slice(0, 2).map((n) => path.basename(n)));
    expect(readdirSync(dir).sort()).toEqual(['catatan.txt', ...names.slice(2).map((n) => path.basename(n))]);
  });
});
