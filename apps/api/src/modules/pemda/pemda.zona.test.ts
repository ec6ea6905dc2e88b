import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { wilayah } from '../../db/schema/wilayah';
import { seedDemoPeriode } from '../../demo/seed';
import { importWilayah } from '../wilayah/wilayah.import';
import { createWilayahRepo } from '../wilayah/wilayah.repo';

/** A clock the tests move. */
const clock = {
  t: new Date('2026-03-31T16:30:00Z'),
  now() {
    return this.t;
  },
};

const MAKASSAR = '73.71';
const JAYAPURA = '91.71';
let ctx: TestContext;
let kelurahanMakassar: string;
let aprilMakassar: string;

beforeAll(async () => {
  ctx = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  const db = ctx.database.db;
  for (const kode of [MAKASSAR, JAYAPURA]) await importWilayah({ db, repo: createWilayahRepo(db) }, kode);
  for (const kode of ['32.73', MAKASSAR, JAYAPURA]) await seedDemoPeriode(db, kode, 2026, clock.t);
  const [k] = await db
    .select()
    .from(wilayah)
    .where(and(like(wilayah.kode, `${MAKASSAR}.%`), eq(wilayah.level, 'kelurahan_desa')))
    .limit(1);
  kelurahanMakassar = k!.kode;
}, 120_000);
afterAll(() => ctx?.close());

const openApril = (client: Awaited<ReturnType<typeof loggedIn>>['client'], kode: string) =>
  client.request('POST', '/api/laporan', { wilayahKode: kode, kind: 'bulanan', bulan: 4 });

describe("a pemda's time zone", () => {
  it('defaults to its province: WIB for Bandung, WITA for Makassar, WIT for Jayapura; people see it', async () => {
    for (const [kode, zona] of [
      ['32.73', 'Asia/Jakarta'],
      [MAKASSAR, 'Asia/Makassar'],
      [JAYAPURA, 'Asia/Jayapura'],
    ] as const) {
      const { client } = await loggedIn(ctx, 'admin', kode);
      const res = await client.request('GET', `/api/pemda/${kode}/zona`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ pemdaKode: kode, zona, bawaan: zona, diatur: false, version: 0 });
      expect((await client.request('GET', '/api/auth/me')).json().zona).toBe(zona);
    }
  });

  it("a month opens at midnight in the pemda's zone: 00.30 WITA opens April in Makassar, 23.30 WIB not yet in Bandung", async () => {
    clock.t = new Date('2026-03-31T16:30:00Z');
    const { client: lurahBandung } = await loggedIn(ctx, 'lurah', '32.73.02.1001');
    const early = await openApril(lurahBandung, '32.73.02.1001');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('baru dapat diisi mulai 1 April 2026');

    const { client: lurahMakassar } = await loggedIn(ctx, 'lurah', kelurahanMakassar);
    const opened = await openApril(lurahMakassar, kelurahanMakassar);
    expect(opened.statusCode, opened.body).toBe(201);
    // Due at the end of 10 May in WITA (UTC+8).
    expect(opened.json().dueAt).toBe('2026-05-10T15:59:59.999Z');
    aprilMakassar = opened.json().id;
  });

  it('months due in the rapor follow the zone around midnight of the due day', async () => {
    // 10 April 23.30 WITA = 11 April 00.30 WIT: March is due in Jayapura, not yet in Makassar.
    clock.t = new Date('2026-04-10T15:30:00Z');
    const monthsDue = async (kode: string) => {
      const { client } = await loggedIn(ctx, 'admin', kode);
      const res = await client.request('GET', '/api/rapor/2026/analitik');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().monthsDue as number;
    };
    expect(await monthsDue(MAKASSAR)).toBe(2);
    expect(await monthsDue(JAYAPURA)).toBe(3);
    expect(await monthsDue('32.73')).toBe(2);
  });

  it('the admin corrects it (audited); the rapor and deadlines follow at once; a stale or foreign write is refused', async () => {
    clock.t = new Date('2026-04-10T15:30:00Z');
    const { client: admin } = await loggedIn(ctx, 'admin', MAKASSAR);
    expect((await admin.request('GET', '/api/rapor/2026/analitik')).json().monthsDue).toBe(2);

    const saved = await admin.request('PUT', `/api/pemda/${MAKASSAR}/zona`, {
      zona: 'Asia/Jayapura',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      zona: 'Asia/Jayapura',
      bawaan: 'Asia/Makassar',
      diatur: true,
      version: 1,
    });
    // The cached periode head carried the old zone: the change is seen on the next request.
    expect((await admin.request('GET', '/api/rapor/2026/analitik')).json().monthsDue).toBe(3);
    // A report already opened moves its deadline with the zone (end of 10 May in WIT).
    const report = await admin.request('GET', `/api/laporan/${aprilMakassar}`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().dueAt).toBe('2026-05-10T14:59:59.999Z');
    const [row] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'pemda.zona_updated'));
    expect(row).toMatchObject({
      entityId: MAKASSAR,
      before: { zona: 'Asia/Makassar', diatur: false },
      after: { zona: 'Asia/Jayapura' },
    });

    const stale = await admin.request('PUT', `/api/pemda/${MAKASSAR}/zona`, {
      zona: 'Asia/Jakarta',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('sudah diubah orang lain');

    const back = await admin.request('PUT', `/api/pemda/${MAKASSAR}/zona`, {
      zona: 'Asia/Makassar',
      version: 1,
    });
    expect(back.statusCode).toBe(200);
    expect((await admin.request('GET', '/api/rapor/2026/analitik')).json().monthsDue).toBe(2);
  });

  it('refuses a zone that is not WIB, WITA or WIT, and anyone but the pemda admin', async () => {
    const { client: admin } = await loggedIn(ctx, 'admin', MAKASSAR);
    const bad = await admin.request('PUT', `/api/pemda/${MAKASSAR}/zona`, {
      zona: 'Europe/London',
      version: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('WIB, WITA atau WIT');
    const offset = await admin.request('PUT', `/api/pemda/${MAKASSAR}/zona`, { zona: '+08:00', version: 2 });
    expect(offset.statusCode).toBe(400);

    const { client: otherAdmin } = await loggedIn(ctx, 'admin', '32.73');
    const foreign = await otherAdmin.request('PUT', `/api/pemda/${MAKASSAR}/zona`, {
      zona: 'Asia/Jakarta',
      version: 2,
    });
    expect([403, 404]).toContain(foreign.statusCode);
    const { client: lurah } = await loggedIn(ctx, 'lurah', kelurahanMakassar);
    expect([403, 404]).toContain((await lurah.request('GET', `/api/pemda/${MAKASSAR}/zona`)).statusCode);
    expect((await admin.request('GET', `/api/pemda/${MAKASSAR}/zona`)).json()).toMatchObject({
      zona: 'Asia/Makassar',
      version: 2,
    });
  });
});
