import type { BerandaTugas, PeriodeTahunList, Tugas } from '@sip/contracts';
import { and, eq, inArray, isNotNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, TestClient, type TestContext } from '../../../test/helpers';
import { laporan, laporanEntry } from '../../db/schema/laporan';
import { periode } from '../../db/schema/periode';
import { skmResponses } from '../../db/schema/skm';
import { wilayah } from '../../db/schema/wilayah';
import { seedDemoPeriode, seedDemoRapor } from '../../demo/seed';

/**
 * The demo world on 2 January 2027, 10.00 WIB: 2026 is still aktif with a year of verified data up to
 * November, 2027 has just been activated, 2028 is an admin's draft.
 */
const JAN_2 = new Date('2027-01-02T03:00:00Z');
const clock = {
  t: JAN_2,
  now() {
    return this.t;
  },
};

const DAGO = '32.73.02.1004';
const COBLONG = '32.73.02';
const CIPAGANTI = '32.73.02.1001';

let ctx: TestContext;
let p2026: string;

async function setReport(
  kode: string,
  bulan: number | null,
  changes: Partial<typeof laporan.$inferInsert>,
): Promise<string> {
  const db = ctx.database.db;
  const kind = bulan === null ? 'tahunan' : 'bulanan';
  const where = and(
    eq(laporan.periodeId, p2026),
    eq(laporan.wilayahKode, kode),
    eq(laporan.kind, kind),
    bulan === null ? sql`${laporan.bulan} is null` : eq(laporan.bulan, bulan),
  );
  await db.delete(laporan).where(where);
  const [row] = await db
    .insert(laporan)
    .values({
      periodeId: p2026,
      wilayahKode: kode,
      kecamatanKode: kode.slice(0, 8),
      level: kode.length > 8 ? 'kelurahan' : 'kecamatan',
      kind,
      bulan,
      dueAt:
        bulan === null
          ? new Date('2027-01-31T16:59:59.999Z')
          : new Date(Date.UTC(2026, bulan, 10, 16, 59, 59, 999)),
      ...changes,
    })
    .returning({ id: laporan.id });
  return row!.id;
}

async function tugasOf(client: TestClient): Promise<Tugas[]> {
  const res = await client.request('GET', '/api/beranda/tugas');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as BerandaTugas).items;
}

async function tahunOf(client: TestClient): Promise<PeriodeTahunList> {
  const res = await client.request('GET', '/api/periode/tahun');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PeriodeTahunList;
}

beforeAll(async () => {
  ctx = await createTestApp({ LOCKOUT_THRESHOLD: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  const db = ctx.database.db;
  await seedDemoPeriode(db, '32.73', 2026, new Date('2026-01-01T01:00:00Z'));
  await seedDemoRapor(db, '32.73', 2026, new Date('2026-12-20T03:00:00Z'));
  await seedDemoPeriode(db, '32.73', 2027, new Date('2027-01-01T01:00:00Z'));
  p2026 = (await db.select().from(periode).where(eq(periode.tahun, 2026)))[0]!.id;
  // Dago has not started its annual report (the demo made one for most units).
  await db
    .delete(laporan)
    .where(and(eq(laporan.periodeId, p2026), eq(laporan.wilayahKode, DAGO), eq(laporan.kind, 'tahunan')));
  const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
  const draft = await admin.request('POST', '/api/periode', { tahun: 2028, source: { kind: 'template' } });
  expect(draft.statusCode, draft.body).toBe(201);
});
afterAll(async () => {
  await ctx?.close();
});

describe('GET /api/periode/tahun: the years a person may open, and where his pages open', () => {
  it('a lurah on 2 January: 2026 and 2027 (no draft), opening on 2026 where December and the annual report wait', async () => {
    const { client } = await loggedIn(ctx, 'lurah', DAGO);
    const years = await tahunOf(client);
    expect(years.items.map((y) => [y.tahun, y.status])).toEqual([
      [2027, 'aktif'],
      [2026, 'aktif'],
    ]);
    expect(years.items[0]!.tugas).toBe(0);
    expect(years.items[1]!.tugas).toBeGreaterThanOrEqual(2);
    expect(years.bawaan).toBe(2026);
  });

  it('the admin sees the draft too; a verifikator with nothing waiting opens on the latest aktif year', async () => {
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    expect((await tahunOf(admin)).items.map((y) => [y.tahun, y.status])).toEqual([
      [2028, 'draf'],
      [2027, 'aktif'],
      [2026, 'aktif'],
    ]);
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    const years = await tahunOf(verifikator);
    expect(years.items.every((y) => y.tugas === 0)).toBe(true);
    expect(years.bawaan).toBe(2027);
  });

  it('refuses anyone not signed in', async () => {
    expect((await new TestClient(ctx.app).request('GET', '/api/periode/tahun')).statusCode).toBe(401);
  });
});

describe('GET /api/beranda/tugas: what each role should do next', () => {
  it('lurah: December and the annual report of 2026 not started, a returned report with its comments first', async () => {
    clock.t = JAN_2;
    const returned = await setReport(DAGO, 11, {
      status: 'dikembalikan',
      endorsementRequired: true,
      firstSubmittedAt: new Date('2026-12-08T03:00:00Z'),
      submittedAt: new Date('2026-12-08T03:00:00Z'),
      returnedAt: new Date('2026-12-15T03:00:00Z'),
      returnReason: 'Lengkapi bukti kegiatan',
    });
    await ctx.database.db.insert(laporanEntry).values([
      {
        laporanId: returned,
        indikatorCode: 'B1.2',
        value: 90,
        reviewComment: 'Lampirkan foto',
        reviewCommentBy: 'Camat',
      },
      {
        laporanId: returned,
        indikatorCode: 'B2.2',
        value: 1,
        reviewComment: 'Daftar hadir?',
        reviewCommentBy: 'Camat',
      },
      { laporanId: returned, indikatorCode: 'B3.1', value: 2 },
    ]);
    const { client } = await loggedIn(ctx, 'lurah', DAGO);
    const items = await tugasOf(client);
    expect(items[0]).toEqual({
      jenis: 'laporan',
      periodeId: p2026,
      tahun: 2026,
      wilayahKode: DAGO,
      wilayahNama: 'Dago',
      kind: 'bulanan',
      bulan: 11,
      laporanId: returned,
      status: 'dikembalikan',
      dueAt: '2026-12-10T16:59:59.999Z',
      terlambat: false,
      dikembalikanOleh: 'camat',
      catatan: 2,
    });
    expect(items).toContainEqual(
      expect.objectContaining({
        jenis: 'laporan',
        bulan: 12,
        laporanId: null,
        status: null,
        dueAt: '2027-01-10T16:59:59.999Z',
        terlambat: false,
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'tahunan', tahun: 2026, dueAt: '2027-01-31T16:59:59.999Z' }),
    );
    // January 2027 is not over yet: not a to-do on 2 January.
    expect(items.every((i) => 'tahun' in i && i.tahun === 2026)).toBe(true);
    // Nothing for a lurah that only reviewers or the admin do.
    expect(items.every((i) => i.jenis === 'laporan')).toBe(true);
    // Every report listed is one that has not been submitted.
    const submitted = await ctx.database.db
      .select({ bulan: laporan.bulan })
      .from(laporan)
      .where(
        and(
          eq(laporan.periodeId, p2026),
          eq(laporan.wilayahKode, DAGO),
          inArray(laporan.status, ['diajukan', 'dikaji_camat', 'diverifikasi']),
        ),
      );
    const listed = items.map((i) => (i.jenis === 'laporan' ? i.bulan : -1));
    for (const s of submitted) expect(listed).not.toContain(s.bulan);
  });

  it('after the annual due date (entry closed) a report never started is no longer a to-do', async () => {
    clock.t = new Date('2027-02-02T03:00:00Z');
    const { client } = await loggedIn(ctx, 'lurah', DAGO);
    const items = await tugasOf(client);
    expect(items.filter((i) => i.jenis === 'laporan' && i.status === null && i.tahun === 2026)).toEqual([]);
    // The returned one may still be fixed and resubmitted; January 2027 is now over.
    expect(items).toContainEqual(expect.objectContaining({ tahun: 2026, bulan: 11, status: 'dikembalikan' }));
    expect(items).toContainEqual(expect.objectContaining({ tahun: 2027, bulan: 1, status: null }));
    clock.t = JAN_2;
  });

  it('camat: reports waiting for his endorsement, with how long the oldest has waited (days in WIB)', async () => {
    await setReport(CIPAGANTI, 12, {
      status: 'diajukan',
      endorsementRequired: true,
      firstSubmittedAt: new Date('2026-12-23T18:00:00Z'), // 01.00 WIB on 24 December
      submittedAt: new Date('2026-12-23T18:00:00Z'),
    });
    const { client } = await loggedIn(ctx, 'camat', COBLONG);
    const items = await tugasOf(client);
    // In UTC that is still 23 December (10 days); in WIB it is 24 December, 9 days before 2 January.
    expect(items.filter((i) => i.jenis === 'pengesahan')).toEqual([
      { jenis: 'pengesahan', periodeId: p2026, tahun: 2026, jumlah: 1, terlamaHari: 9 },
    ]);
    expect(items.some((i) => i.jenis === 'verifikasi')).toBe(false);
    // His own kecamatan's December and annual reports are his to do as well.
    expect(items).toContainEqual(
      expect.objectContaining({ jenis: 'laporan', wilayahKode: COBLONG, bulan: 12 }),
    );
  });

  it('verifikator: reports waiting for verification, the oldest first; nothing of the units’ own work', async () => {
    await setReport(COBLONG, 12, {
      status: 'diajukan',
      endorsementRequired: false,
      firstSubmittedAt: new Date('2026-12-31T03:00:00Z'),
      submittedAt: new Date('2026-12-31T03:00:00Z'),
    });
    await setReport('32.73.01', 12, {
      status: 'dikaji_camat',
      endorsementRequired: false,
      firstSubmittedAt: new Date('2026-12-20T03:00:00Z'),
      submittedAt: new Date('2026-12-20T03:00:00Z'),
    });
    const { client } = await loggedIn(ctx, 'verifikator', '32.73');
    const items = await tugasOf(client);
    expect(items).toEqual([
      { jenis: 'verifikasi', periodeId: p2026, tahun: 2026, jumlah: 2, terlamaHari: 13 },
    ]);
    const years = await tahunOf(client);
    expect(years.bawaan).toBe(2026);
    expect(years.items.find((y) => y.tahun === 2026)?.tugas).toBe(1);
  });

  it('admin: late units of the last month due, the past year not yet published, locked accounts, SKM quarantine', async () => {
    const { client } = await loggedIn(ctx, 'admin', '32.73');
    // Before: nothing locked, nothing held.
    let items = await tugasOf(client);
    expect(items.some((i) => i.jenis === 'akun_terkunci' || i.jenis === 'skm_karantina')).toBe(false);
    expect(items).toContainEqual({
      jenis: 'periode_belum_diumumkan',
      periodeId: p2026,
      tahun: 2026,
      status: 'aktif',
    });
    // November (due 10 December) is the last month due on 2 January: units that never submitted it.
    const db = ctx.database.db;
    const units = await db
      .select({ kode: wilayah.kode })
      .from(wilayah)
      .where(and(like(wilayah.kode, '32.73.%'), inArray(wilayah.level, ['kecamatan', 'kelurahan_desa'])));
    const submitted = await db
      .selectDistinct({ kode: laporan.wilayahKode })
      .from(laporan)
      .where(
        and(
          eq(laporan.periodeId, p2026),
          eq(laporan.kind, 'bulanan'),
          eq(laporan.bulan, 11),
          isNotNull(laporan.firstSubmittedAt),
        ),
      );
    const late = units.length - submitted.length;
    expect(late).toBeGreaterThan(0);
    expect(items).toContainEqual({
      jenis: 'unit_terlambat',
      periodeId: p2026,
      tahun: 2026,
      bulan: 11,
      jumlah: late,
    });

    // A lurah locks himself out; two SKM responses of Dago are held in quarantine.
    const victim = await ctx.createUser({ role: 'lurah', wilayahKode: CIPAGANTI });
    for (let i = 0; i < 3; i++) await new TestClient(ctx.app).login(victim.username, 'salah-sandi-123');
    const held = await db
      .select({ id: skmResponses.id })
      .from(skmResponses)
      .where(eq(skmResponses.wilayahKode, DAGO))
      .limit(2);
    await db
      .update(skmResponses)
      .set({ status: 'karantina' })
      .where(
        inArray(
          skmResponses.id,
          held.map((h) => h.id),
        ),
      );
    items = await tugasOf(client);
    expect(items).toContainEqual({ jenis: 'akun_terkunci', jumlah: 1 });
    expect(items).toContainEqual({ jenis: 'skm_karantina', wilayahKode: DAGO, jumlah: 2 });
    // The admin reports for no unit: no report of his own to fill.
    expect(items.some((i) => i.jenis === 'laporan')).toBe(false);
  });

  it('a published year is no longer waiting to be published', async () => {
    await ctx.database.db.update(periode).set({ status: 'diumumkan' }).where(eq(periode.id, p2026));
    const { client } = await loggedIn(ctx, 'admin', '32.73');
    const items = await tugasOf(client);
    expect(items.some((i) => i.jenis === 'periode_belum_diumumkan')).toBe(false);
    expect(items.some((i) => i.jenis === 'unit_terlambat')).toBe(false);
    await ctx.database.db.update(periode).set({ status: 'aktif' }).where(eq(periode.id, p2026));
  });

  it('refuses anyone not signed in', async () => {
    expect((await new TestClient(ctx.app).request('GET', '/api/beranda/tugas')).statusCode).toBe(401);
  });
});
