import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { periode } from '../../db/schema/periode';
import { seedDemoPeriode } from '../../demo/seed';

/**
 * Issue 16 item 5: before the final publication a unit objects (keberatan) to its rapor within the
 * window the admin sets; the admin decides with a reason; both stay visible to the unit, and the
 * publication checklist counts undecided objections.
 */
const clock = { t: new Date('2026-12-01T03:00:00Z'), now: () => clock.t };
const PEMDA = '32.73';
const DAGO = '32.73.02.1004';
let ctx: TestContext;
let admin: TestClient;
let lurah: TestClient;
let lurahLain: TestClient;
let operator: TestClient;

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' }, { clock });
  await seedDemoPeriode(ctx.database.db, PEMDA, 2026, clock.now());
  admin = (await loggedIn(ctx, 'admin', PEMDA)).client;
  lurah = (await loggedIn(ctx, 'lurah', DAGO)).client;
  lurahLain = (await loggedIn(ctx, 'lurah', '32.73.01.1001')).client;
  operator = (await loggedIn(ctx, 'operator', DAGO)).client;
});
afterAll(() => ctx?.close());

const file = (client: TestClient, wilayahKode = DAGO) =>
  client.request('POST', '/api/rapor/2026/keberatan', {
    wilayahKode,
    isi: 'Nilai B1.2 bulan Oktober memakai register lama; register baru menunjukkan 95%.',
  });

async function openWindow(sampai: string | null) {
  const [p] = await ctx.database.db.select().from(periode).where(eq(periode.tahun, 2026));
  const res = await admin.request('PUT', `/api/periode/${p!.id}/settings`, {
    version: p!.version,
    settings: { ...p!.settings, keberatanSampai: sampai },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('keberatan', () => {
  it('can be filed only while the admin keeps the window open, by the unit’s lurah or camat', async () => {
    const closed = await file(lurah);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/belum dibuka/);

    await openWindow('2026-12-10');
    expect((await lurah.request('GET', '/api/rapor/2026/keberatan')).json()).toMatchObject({
      sampai: '2026-12-10',
      terbuka: true,
      items: [],
    });
    expect((await file(operator)).statusCode).toBe(403);
    expect((await file(lurahLain)).statusCode).toBe(404);
    const filed = await file(lurah);
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ wilayahKode: DAGO, wilayahNama: 'Dago', status: 'diajukan' });
    const twice = await file(lurah);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/belum diputuskan/);
  });

  it('is seen by its unit and the admin only, and counted in the publication checklist', async () => {
    expect((await lurah.request('GET', '/api/rapor/2026/keberatan')).json().items).toHaveLength(1);
    expect((await lurahLain.request('GET', '/api/rapor/2026/keberatan')).json().items).toHaveLength(0);
    expect((await admin.request('GET', '/api/rapor/2026/keberatan')).json().items).toHaveLength(1);
    const preview = (await admin.request('GET', '/api/rapor/2026/publikasi/pratinjau')).json();
    expect(preview.checklist.keberatanTerbuka).toBe(1);
    expect(preview.open).toBe(true);
  });

  it('is decided by the admin with a reason, once; the unit sees the decision; both are audited', async () => {
    const [k] = (await admin.request('GET', '/api/rapor/2026/keberatan')).json().items;
    expect(
      (
        await lurah.request('POST', `/api/rapor/2026/keberatan/${k.id}/keputusan`, {
          version: k.version,
          status: 'diterima',
          keputusan: 'Saya putuskan sendiri',
        })
      ).statusCode,
    ).toBe(404);
    const noReason = await admin.request('POST', `/api/rapor/2026/keberatan/${k.id}/keputusan`, {
      version: k.version,
      status: 'ditolak',
      keputusan: 'Tidak',
    });
    expect(noReason.statusCode).toBe(400);
    const decided = await admin.request('POST', `/api/rapor/2026/keberatan/${k.id}/keputusan`, {
      version: k.version,
      status: 'ditolak',
      keputusan: 'Register baru belum diverifikasi; ajukan koreksi melalui laporan November.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const again = await admin.request('POST', `/api/rapor/2026/keberatan/${k.id}/keputusan`, {
      version: k.version,
      status: 'diterima',
      keputusan: 'Berubah pikiran setelah rapat',
    });
    expect(again.statusCode).toBe(409);
    const seen = (await lurah.request('GET', '/api/rapor/2026/keberatan')).json().items[0];
    expect(seen).toMatchObject({ status: 'ditolak', keputusan: expect.stringMatching(/belum diverifikasi/) });
    const audited = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'rapor_keberatan'), eq(auditLog.entityId, k.id)));
    expect(audited.map((a) => a.action).sort()).toEqual(['rapor.keberatan_decided', 'rapor.keberatan_filed']);
    // Decided, the unit may object again while the window is open.
    expect((await file(lurah)).statusCode).toBe(201);
  });

  it('closes at the end of its last day (WIB)', async () => {
    clock.t = new Date('2026-12-10T16:59:00Z'); // 23:59 WIB on the last day
    lurah = (await loggedIn(ctx, 'lurah', '32.73.02.1005')).client;
    expect((await file(lurah, '32.73.02.1005')).statusCode).toBe(201);
    clock.t = new Date('2026-12-10T17:00:00Z'); // 00:00 WIB the next day
    lurah = (await loggedIn(ctx, 'lurah', '32.73.02.1006')).client;
    const late = await file(lurah, '32.73.02.1006');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/berakhir 2026-12-10/);
  });
});
