import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { exportThroughJob, finishedJob } from '../../../test/jobs';
import { importWilayah } from '../wilayah/wilayah.import';
import { createWilayahRepo } from '../wilayah/wilayah.repo';
import { readableChanges } from './audit.service';

let ctx: TestContext;
let admin: TestClient;
let adminNama: string;
let otherAdmin: TestClient;
let camat: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  await importWilayah({ db: ctx.database.db, repo: createWilayahRepo(ctx.database.db) }, '32.04');
  const a = await loggedIn(ctx, 'admin', '32.73');
  admin = a.client;
  adminNama = `Pengguna ${a.user.username}`;
  otherAdmin = (await loggedIn(ctx, 'admin', '32.04')).client;
  camat = (await loggedIn(ctx, 'camat', '32.73.02')).client;
});
afterAll(() => ctx?.close());

const csvRows = (body: string) =>
  Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { delimiter: ';' }).data.filter((r) => r.length > 1);

describe('audit export', () => {
  it('is a spreadsheet a person reads: names beside ids, changes field by field, times in WIB', async () => {
    const created = await admin.request('POST', '/api/users', {
      username: `ekspor.audit.${Date.now()}`,
      namaLengkap: 'Siti Rahmawati',
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json().user;
    const updated = await admin.request('PUT', `/api/users/${user.id}`, {
      version: user.version,
      namaLengkap: 'Siti Rahmawati Putri',
      nip: null,
      active: true,
      roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }],
    });
    expect(updated.statusCode, updated.body).toBe(200);

    const { job, file: res } = await exportThroughJob(admin, 'POST', '/api/audit/export', {
      format: 'csv',
      action: 'user.updated',
    });
    expect(job).toMatchObject({ name: 'audit.export', progress: 100, mine: true });
    expect(job.file).toMatchObject({
      filename: 'log-audit-32.73.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="log-audit-32\.73\.csv"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual([
      'Waktu (WIB)',
      'Pengguna',
      'Nama pengguna',
      'Aksi',
      'Objek',
      'ID objek',
      'Nama objek',
      'Perubahan',
      'Alasan',
      'Alamat IP',
    ]);
    const row = rows.find((r) => r[5] === user.id);
    expect(row).toBeDefined();
    expect(row![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row![2]).toBe(adminNama);
    expect(row![3]).toBe('user.updated');
    expect(row![6]).toBe('Siti Rahmawati Putri');
    expect(row![7]).toContain('namaLengkap: Siti Rahmawati → Siti Rahmawati Putri');
    expect(row![7]).not.toContain('{');
  });

  it('as XLSX holds the same rows; another pemda sees none of them; a unit role is refused', async () => {
    const { job, file: res } = await exportThroughJob(admin, 'POST', '/api/audit/export', {
      format: 'xlsx',
      action: 'user.created',
    });
    const wb = XLSX.read(res.rawPayload, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Log audit']!);
    expect(rows.some((r) => r['Nama objek'] === 'Siti Rahmawati Putri')).toBe(true);
    expect(job.counts).toEqual({ baris: rows.length });
    const foreign = await exportThroughJob(otherAdmin, 'POST', '/api/audit/export', {
      format: 'csv',
      action: 'user.created',
    });
    expect(foreign.file.body).not.toContain('Siti Rahmawati');
    // Refused exactly as the viewer refuses it.
    const viewer = (await camat.request('GET', '/api/audit')).statusCode;
    expect(viewer).toBeGreaterThanOrEqual(403);
    expect((await camat.request('POST', '/api/audit/export', { format: 'csv' })).statusCode).toBe(viewer);
    // The job and its file are the starter's: another admin of another pemda does not see it, a
    // unit role neither.
    expect((await otherAdmin.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.request('GET', `/api/jobs/${job.id}/file`)).statusCode).toBe(404);
    expect((await camat.request('GET', `/api/jobs/${job.id}/file`)).statusCode).toBe(404);
  });

  it('asks twice, gets one job; the download is audited', async () => {
    const body = { format: 'csv', action: 'periode.status_changed', from: '2001-01-01' };
    const [a, b] = await Promise.all([
      admin.request('POST', '/api/audit/export', body),
      admin.request('POST', '/api/audit/export', body),
    ]);
    expect(a.statusCode).toBe(202);
    expect(b.json().job.id).toBe(a.json().job.id);
    const job = await finishedJob(admin, a.json().job.id);
    expect((await admin.request('GET', `/api/jobs/${job.id}/file`)).statusCode).toBe(200);
    const log = await admin.request('GET', '/api/audit?action=export.downloaded&entity=ekspor');
    expect(log.json().items.some((r: { entityId: string }) => r.entityId === job.id)).toBe(true);
  });

  it('says what changed in words, not as two JSON documents', () => {
    expect(readableChanges({ active: true, nip: null }, { active: false, nip: null })).toBe(
      'active: true → false',
    );
    expect(readableChanges(null, { reason: 'Libur' })).toBe('reason: — → Libur');
    expect(readableChanges('a', 'b')).toBe('a → b');
  });
});
