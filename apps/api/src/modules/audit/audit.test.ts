import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
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

    const res = await admin.request('GET', '/api/audit/export?format=csv&action=user.updated');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="log-audit-32\.73\.csv"/);
    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual([
      'Waktu',
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
    const res = await admin.request('GET', '/api/audit/export?format=xlsx&action=user.created');
    expect(res.statusCode).toBe(200);
    const wb = XLSX.read(res.rawPayload, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Log audit']!);
    expect(rows.some((r) => r['Nama objek'] === 'Siti Rahmawati Putri')).toBe(true);
    const foreign = await otherAdmin.request('GET', '/api/audit/export?format=csv&action=user.created');
    expect(foreign.statusCode).toBe(200);
    expect(foreign.body).not.toContain('Siti Rahmawati');
    // Refused exactly as the viewer refuses it.
    const viewer = (await camat.request('GET', '/api/audit')).statusCode;
    expect(viewer).toBeGreaterThanOrEqual(403);
    expect((await camat.request('GET', '/api/audit/export?format=csv')).statusCode).toBe(viewer);
  });

  it('says what changed in words, not as two JSON documents', () => {
    expect(readableChanges({ active: true, nip: null }, { active: false, nip: null })).toBe(
      'active: true → false',
    );
    expect(readableChanges(null, { reason: 'Libur' })).toBe('reason: — → Libur');
    expect(readableChanges('a', 'b')).toBe('a → b');
  });
});
