import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import type { RankingsResponse, RaporDetail, TopTen } from '@sip/contracts';
import { computeIkm, computeRapor, type Framework, rank, UNSUR_KEYS } from '@sip/scoring';
import { and, eq, isNull, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  eventually,
  loggedIn,
  type TestClient,
  type TestContext,
} from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { users } from '../../db/schema/auth';
import { laporan, laporanEntry } from '../../db/schema/laporan';
import { periode } from '../../db/schema/periode';
import { skmResponses } from '../../db/schema/skm';
import { seedDemoPeriode, seedDemoRapor } from '../../demo/seed';
import type { Clock } from '../../lib/clock';
import { neutraliseCell } from '../../lib/spreadsheet';
import { createLaporanInputs } from '../laporan/laporan.inputs';
import { createLaporanRepo } from '../laporan/laporan.repo';
import { annualDueAt } from '../laporan/laporan.state';
import { rankingsExport } from './rapor.export';

// 25 November 2026, 12:00 WIB: the October reports (due 10 November) are the last ones due.
const NOW = new Date('2026-11-25T05:00:00Z');
const clock: Clock = { now: () => NOW };
const PEMDA = '32.73';
const COBLONG = '32.73.02';
const DAGO = '32.73.02.1004';
const OTHER_KEC = '32.73.01';

let ctx: TestContext;
let periodeId: string;
let framework: Framework;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' }, { clock });
  const db = ctx.database.db;
  await seedDemoPeriode(db, PEMDA, 2026, NOW);
  const seeded = await seedDemoRapor(db, PEMDA, 2026, NOW);
  expect(seeded.laporan).toBeGreaterThan(1000);
  // Idempotent: a second run adds nothing.
  expect(await seedDemoRapor(db, PEMDA, 2026, NOW)).toEqual({ laporan: 0, skm: 0 });
  const [p] = await db.select().from(periode).where(eq(periode.tahun, 2026));
  periodeId = p!.id;
  framework = p!.framework;
  const roles: [string, Parameters<typeof loggedIn>[1], string][] = [
    ['admin', 'admin', PEMDA],
    ['analis', 'analis', PEMDA],
    ['verifikator', 'verifikator', PEMDA],
    ['verifikatorKec', 'verifikator', COBLONG],
    ['camat', 'camat', COBLONG],
    ['lurah', 'lurah', DAGO],
    ['operator', 'operator', DAGO],
  ];
  for (const [key, role, kode] of roles) as[key] = (await loggedIn(ctx, role, kode)).client;
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

/**
 * The numbers computed here straight from the engine, independently of the rapor module: with
 * the months due now (10), or with the whole year due and every deadline passed (12).
 */
async function engineResults(monthsDue: 10 | 12 = 10) {
  const asOf = monthsDue === 12 ? new Date('2028-01-01T00:00:00Z') : NOW;
  const db = ctx.database.db;
  const inputs = createLaporanInputs({ repo: createLaporanRepo(db), clock });
  const p = {
    id: periodeId,
    tahun: 2026,
    settings: (await db.select().from(periode).where(eq(periode.id, periodeId)))[0]!.settings,
    zona: 'Asia/Jakarta' as const,
  };
  const units = (await db.execute(
    sql`select kode, level from wilayah where kode like '32.73.%' order by kode`,
  )) as unknown as {
    rows: { kode: string; level: string }[];
  };
  const rows = units.rows;
  const ikmOf = async (kode: string) => {
    const rs = await db
      .select()
      .from(skmResponses)
      .where(
        and(eq(skmResponses.wilayahKode, kode), eq(skmResponses.tahun, 2026), isNull(skmResponses.voidedAt)),
      );
    if (rs.length === 0) return null;
    return computeIkm({
      responses: rs.map((r) => Object.fromEntries(UNSUR_KEYS.map((k) => [k, r[k]])) as never),
    }).convertedRounded;
  };
  const totals = new Map<string, number | null>();
  const predikat = new Map<string, string | null>();
  const bidang = new Map<string, (number | null)[]>();
  const run = async (kode: string, level: 'kecamatan' | 'kelurahan', kelurahanTotals?: number[]) => {
    const r = computeRapor({
      framework,
      level,
      entries: (await inputs.scoringEntries(periodeId, [kode])).get(kode) ?? [],
      context: {
        monthsDue,
        annualDue: annualDueAt(p, asOf),
        ikm: await ikmOf(kode),
        timeliness: (await inputs.timeliness(p, [kode], asOf)).get(kode) ?? null,
        ...(kelurahanTotals ? { kelurahanTotals } : {}),
      },
    });
    totals.set(kode, r.total);
    predikat.set(kode, r.predikat);
    bidang.set(
      kode,
      r.bidang.map((b) => b.score),
    );
  };
  const kel = rows.filter((r) => r.kode.split('.').length === 4);
  const kec = rows.filter((r) => r.kode.split('.').length === 3);
  for (const u of kel) await run(u.kode, 'kelurahan');
  for (const u of kec) {
    const kt = kel
      .filter((k) => k.kode.startsWith(`${u.kode}.`))
      .map((k) => totals.get(k.kode))
      .filter((t): t is number => t != null);
    await run(u.kode, 'kecamatan', kt);
  }
  return {
    totals,
    predikat,
    bidang,
    kecRank: rank(kec.map((u) => ({ id: u.kode, total: totals.get(u.kode) ?? null }))),
    kelRank: rank(kel.map((u) => ({ id: u.kode, total: totals.get(u.kode) ?? null }))),
    coblongRank: rank(
      kel
        .filter((u) => u.kode.startsWith(`${COBLONG}.`))
        .map((u) => ({ id: u.kode, total: totals.get(u.kode) ?? null })),
    ),
  };
}

/** The publication checklist counted straight from the database. */
async function openWorkInDb() {
  const r = (await ctx.database.db.execute(sql`
    select count(*) filter (where status in ('diajukan', 'dikaji_camat'))::int as menunggu,
           count(*) filter (where kind = 'tahunan' and status = 'diverifikasi')::int as tahunan
    from laporan where periode_id = ${periodeId}`)) as unknown as {
    rows: { menunggu: number; tahunan: number }[];
  };
  return { menungguKajian: r.rows[0]!.menunggu, tahunanBelum: 181 - r.rows[0]!.tahunan, keberatanTerbuka: 0 };
}

/** A second app instance on the same database (set by the publication tests). */
let otherInstance: TestContext | undefined;

/** The lurah named in the top ten (set by the top-ten test, checked again after publication). */
let topLurahPejabat: { kode: string; nama: string; userId: string } | undefined;

describe('rapor and rankings agree with the scoring engine (seeded Kota Bandung)', () => {
  it('ranks 30 kecamatan and 151 kelurahan exactly as the engine does, with shared ranks', async () => {
    const expected = await engineResults();
    const kec = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kecamatan')
    ).json() as RankingsResponse;
    expect(kec.rows).toHaveLength(30);
    expect(kec.complete).toBe(true);
    expect(kec.rows.map((r) => [r.kode, r.total, r.rank])).toEqual(
      expected.kecRank.map((r) => [r.id, r.total, r.rank]),
    );
    const kel = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    expect(kel.rows).toHaveLength(151);
    expect(kel.rows.map((r) => [r.kode, r.total, r.rank])).toEqual(
      expected.kelRank.map((r) => [r.id, r.total, r.rank]),
    );
    // Spread: the demo data gives distinct scores, not a block of zeros.
    expect(new Set(kel.rows.map((r) => r.total)).size).toBeGreaterThan(50);
    const within = (
      await as.analis!.request('GET', `/api/rapor/2026/peringkat?level=kelurahan&kecamatan=${COBLONG}`)
    ).json() as RankingsResponse;
    expect(within.rows.map((r) => [r.kode, r.rankInKecamatan])).toEqual(
      expected.coblongRank.map((r) => [r.id, r.rank]),
    );
    const dago = (await as.analis!.request('GET', `/api/rapor/2026/unit/${DAGO}`)).json() as RaporDetail;
    expect(dago.total).toBe(expected.totals.get(DAGO));
    expect(dago.bidang.map((b) => b.score)).toEqual(expected.bidang.get(DAGO));
    expect(dago.monthsDue).toBe(10);
    expect(dago.pemdaNama).toMatch(/BANDUNG/);
    // The SKM figure the rapor counts says what it covers: the year's IKM and its responses.
    const ikmIndikator = dago.bidang.flatMap((b) => b.indikator).find((i) => i.type === 'ikm');
    expect(dago.skm.ikm).toBe(ikmIndikator?.value);
    const counted = (await ctx.database.db.execute(
      sql`select count(*)::int as n from skm_responses where wilayah_kode = ${DAGO} and tahun = 2026 and status = 'diterima'`,
    )) as unknown as { rows: { n: number }[] };
    expect(dago.skm.respondents).toBe(counted.rows[0]!.n);
    expect(dago.skm.respondents).toBeGreaterThan(0);
    expect(dago.trend).toHaveLength(10);
    // The trend is each month's own score (docs/scoring.md §4), not a running total: October alone.
    const db = ctx.database.db;
    const settings = (await db.select().from(periode).where(eq(periode.id, periodeId)))[0]!.settings;
    const inputs = createLaporanInputs({ repo: createLaporanRepo(db), clock });
    const octoberOnTime = (
      await inputs.timeliness({ id: periodeId, tahun: 2026, settings, zona: 'Asia/Jakarta' }, [DAGO])
    ).get(DAGO)?.months[9];
    const october = computeRapor({
      framework,
      level: 'kelurahan',
      entries: ((await inputs.scoringEntries(periodeId, [DAGO])).get(DAGO) ?? []).filter(
        (e) => e.month === 10,
      ),
      context: {
        monthsDue: 10,
        fromMonth: 10,
        annualDue: false,
        ikm: dago.bidang.flatMap((b) => b.indikator).find((i) => i.type === 'ikm')?.value ?? null,
        timeliness: { onTime: octoberOnTime ? 1 : 0, total: 1 },
      },
    });
    expect(dago.trend.at(-1)?.total).toBe(october.total);
    expect(new Set(dago.trend.map((p) => p.total)).size).toBeGreaterThan(1);
    expect(dago.rankOf).toBe(151);
    expect(dago.rankInKecamatanOf).toBe(6);
    const statuses = new Set(dago.bidang.flatMap((b) => b.indikator.map((i) => i.status)));
    expect(
      [...statuses].every((s) =>
        [
          'terverifikasi',
          'dikoreksi',
          'tidak_berlaku',
          'tidak_dilaporkan',
          'sebagian',
          'belum_jatuh_tempo',
        ].includes(s),
      ),
    ).toBe(true);
    // 25 November: the annual report (due next year) is not late yet, so its indicators are left out.
    expect(statuses.has('belum_jatuh_tempo')).toBe(true);
    const coblong = (
      await as.analis!.request('GET', `/api/rapor/2026/unit/${COBLONG}`)
    ).json() as RaporDetail;
    expect(coblong.total).toBe(expected.totals.get(COBLONG));
  }, 120_000);

  it('shared ranks: equal rounded totals share a rank and the next one skips (rank from the engine)', () => {
    const r = rank([
      { id: 'a', total: 90 },
      { id: 'b', total: 85.004 },
      { id: 'c', total: 84.996 },
      { id: 'd', total: 80 },
    ]);
    expect(r.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
  });

  it('answers compressed when the client accepts it (br, then gzip), the same JSON as plain', async () => {
    const url = '/api/rapor/2026/peringkat?level=kelurahan';
    const plain = await as.analis!.request('GET', url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const cookie = [...as.analis!.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const br = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { cookie, 'accept-encoding': 'gzip;q=1, br;q=0' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
  });

  it('top ten lists the kecamatan and kelurahan ranked 1..10, each with its camat or lurah on record', async () => {
    const kelurahan = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    const first = kelurahan.rows[0]!;
    const lurah = await ctx.createUser({ role: 'lurah', wilayahKode: first.kode });
    const res = await as.analis!.request('GET', '/api/rapor/2026/sepuluh-besar');
    expect(res.statusCode).toBe(200);
    const top = res.json() as TopTen;
    expect(top.camat.length).toBeGreaterThanOrEqual(10);
    expect(top.camat.every((r) => r.rank !== null && r.rank <= 10)).toBe(true);
    expect(top.lurah[0]!.rank).toBe(1);
    expect(top.lurah[0]!.kode).toBe(first.kode);
    expect(top.lurah[0]!.pejabat).toBe(`Pengguna ${lurah.username}`);
    topLurahPejabat = { kode: first.kode, nama: `Pengguna ${lurah.username}`, userId: lurah.id };
    // A unit whose camat or lurah has no account here is listed without a name.
    expect(top.camat.filter((r) => r.kode !== COBLONG).every((r) => r.pejabat === null)).toBe(true);
  });

  it("names a unit's head from the position history of its unit kerja: a mutasi and a Plt with their part of the year", async () => {
    const kelurahan = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    const second = kelurahan.rows[1]!;
    const { client: bkpsdm } = await loggedIn(ctx, 'admin_kepegawaian', '32.73');
    const uk = await bkpsdm.request('POST', '/api/kepegawaian/unit-kerja', {
      kode: second.kode,
      nama: `Kelurahan ${second.nama}`,
      jenis: 'kelurahan',
      wilayahKode: second.kode,
    });
    expect(uk.statusCode, uk.body).toBe(201);
    const jab = await bkpsdm.request('POST', '/api/kepegawaian/jabatan', {
      unitKerjaId: uk.json().id,
      kode: `${second.kode}-LURAH`,
      nama: `Lurah ${second.nama}`,
      jenis: 'struktural',
      kelas: 11,
      atasanId: null,
      kepalaUnit: true,
    });
    expect(jab.statusCode, jab.body).toBe(201);
    const pegawai = async (nip: string, nama: string) =>
      (
        await bkpsdm.request('POST', '/api/kepegawaian/pegawai', {
          nip,
          nama,
          status: 'PNS',
          akun: { cara: 'tanpa' },
          penugasan: null,
        })
      ).json().pegawai.id as string;
    const first = await pegawai('197802142003121003', 'Rina Marlina');
    const next = await pegawai('198106202006041002', 'Dadan Hermawan');
    const span = (id: string, body: object) =>
      bkpsdm.request('POST', `/api/kepegawaian/pegawai/${id}/penugasan`, {
        jabatanId: jab.json().id,
        ...body,
      });
    expect(
      (await span(first, { jenis: 'definitif', mulai: '2021-01-04', selesai: '2026-06-30' })).statusCode,
    ).toBe(200);
    expect((await span(next, { jenis: 'plt', mulai: '2026-07-01', selesai: null })).statusCode).toBe(200);
    await eventually(async () => {
      const top = (await as.analis!.request('GET', '/api/rapor/2026/sepuluh-besar')).json() as TopTen;
      expect(top.lurah.find((r) => r.kode === second.kode)?.pejabat).toBe(
        'Rina Marlina (1 Januari 2026 – 30 Juni 2026); Dadan Hermawan (Plt, 1 Juli 2026 – 31 Desember 2026)',
      );
    });
  });
});

describe('the live preview gives the rapor’s numbers', () => {
  it.each([
    ['a kelurahan', DAGO],
    ['a kecamatan', COBLONG],
  ])('%s: the preview of its verified report of the last month due equals its rapor', async (_what, kode) => {
    const rapor = (await as.analis!.request('GET', `/api/rapor/2026/unit/${kode}`)).json() as RaporDetail;
    const overview = (await as.analis!.request('GET', `/api/laporan/unit/${kode}`)).json();
    const october = (
      overview.reports as { bulan: number | null; id: string | null; status: string | null }[]
    ).find((r) => r.bulan === rapor.monthsDue);
    expect(october?.status).toBe('diverifikasi');
    const detail = (await as.analis!.request('GET', `/api/laporan/${october!.id}`)).json();
    // The context the rapor uses, not zeros: the unit's IKM, a kecamatan's kelurahan totals.
    expect(detail.preview.ikm).toBeGreaterThan(0);
    if (kode === COBLONG) expect(detail.preview.kelurahanTotals).toHaveLength(6);
    const preview = (await as.analis!.request('GET', `/api/laporan/${october!.id}/preview`)).json();
    expect(preview.total).toBe(rapor.total);
    expect(preview.bidang.map((b: { score: number | null }) => b.score)).toEqual(
      rapor.bidang.map((b) => b.score),
    );
  });
});

describe('visibility (DESIGN.md: before publication a unit sees its own rapor and rank only)', () => {
  const cases: [string, string, number][] = [
    // role, unit, expected status
    ['admin', DAGO, 200],
    ['admin', OTHER_KEC, 200],
    ['analis', OTHER_KEC, 200],
    ['verifikator', OTHER_KEC, 200],
    ['verifikatorKec', DAGO, 200],
    ['verifikatorKec', OTHER_KEC, 403],
    ['camat', COBLONG, 200],
    ['camat', DAGO, 200],
    ['camat', OTHER_KEC, 403],
    ['camat', '32.73.01.1001', 403],
    ['lurah', DAGO, 200],
    ['lurah', COBLONG, 403],
    ['lurah', '32.73.02.1001', 403],
    ['operator', DAGO, 200],
    ['operator', '32.73.02.1001', 403],
  ];
  it.each(cases)('%s reading the rapor of %s gets %i', async (who, kode, status) => {
    const res = await as[who]!.request('GET', `/api/rapor/2026/unit/${kode}`);
    expect(res.statusCode).toBe(status);
    if (status !== 200) expect(res.body).not.toContain('"total"');
    if (status === 403) expect(res.json().error.message).toMatch(/hanya melihat rapornya sendiri/);
  });

  it('rankings show a unit only its own rows (with its rank); full lists for analis, verifikator, admin', async () => {
    const lurah = (
      await as.lurah!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    expect(lurah.complete).toBe(false);
    expect(lurah.rows.map((r) => r.kode)).toEqual([DAGO]);
    expect(lurah.rows[0]!.rank).not.toBeNull();
    const camat = (
      await as.camat!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    expect(camat.rows.map((r) => r.kode).every((k) => k.startsWith(`${COBLONG}.`))).toBe(true);
    expect(camat.rows).toHaveLength(6);
    const camatKec = (
      await as.camat!.request('GET', '/api/rapor/2026/peringkat?level=kecamatan')
    ).json() as RankingsResponse;
    expect(camatKec.rows.map((r) => r.kode)).toEqual([COBLONG]);
    const vk = (
      await as.verifikatorKec!.request('GET', '/api/rapor/2026/peringkat?level=kecamatan')
    ).json() as RankingsResponse;
    expect(vk.rows.map((r) => r.kode)).toEqual([COBLONG]);
    for (const who of ['admin', 'analis', 'verifikator']) {
      const r = (
        await as[who]!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
      ).json() as RankingsResponse;
      expect(r.complete).toBe(true);
      expect(r.rows).toHaveLength(151);
    }
    const topLurah = (await as.lurah!.request('GET', '/api/rapor/2026/sepuluh-besar')).json();
    expect(topLurah.complete).toBe(false);
    expect([...topLurah.camat, ...topLurah.lurah].every((r: { kode: string }) => r.kode === DAGO)).toBe(true);
  });

  it('a unit asking again right after an analyst gets only its own rows, refusals in the one error shape', async () => {
    await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan');
    const own = await as.lurah!.request('GET', `/api/rapor/2026/unit/${DAGO}`);
    const other = await as.lurah!.request('GET', '/api/rapor/2026/unit/32.73.02.1001');
    const missing = await as.analis!.request('GET', '/api/rapor/2026/unit/32.73.02.9999');
    const ranks = (
      await as.lurah!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    const top = (await as.lurah!.request('GET', '/api/rapor/2026/sepuluh-besar')).json() as TopTen;
    expect(own.statusCode).toBe(200);
    expect((own.json() as RaporDetail).kode).toBe(DAGO);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'FORBIDDEN' });
    expect(other.body).not.toContain('"total"');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    expect(ranks.rows.map((r) => r.kode)).toEqual([DAGO]);
    expect(top.complete).toBe(false);
    expect([...top.camat, ...top.lurah].every((r) => r.kode === DAGO)).toBe(true);
  });

  it('analytics and ranking exports are for analis, verifikator and admin only', async () => {
    for (const who of ['admin', 'analis', 'verifikator']) {
      expect((await as[who]!.request('GET', '/api/rapor/2026/analitik')).statusCode).toBe(200);
    }
    for (const who of ['camat', 'lurah', 'operator']) {
      expect((await as[who]!.request('GET', '/api/rapor/2026/analitik')).statusCode).toBe(403);
      expect(
        (await as[who]!.request('GET', '/api/rapor/2026/peringkat/export?level=kecamatan')).statusCode,
      ).toBe(403);
    }
    expect((await as.camat!.request('POST', '/api/rapor/2026/publikasi', {})).statusCode).toBe(404);
    expect((await as.analis!.request('POST', '/api/rapor/2026/publikasi', {})).statusCode).toBe(403);
  });

  it('analytics: compliance heatmap units x months, trends, SKM per unsur', async () => {
    const a = (await as.analis!.request('GET', '/api/rapor/2026/analitik')).json();
    expect(a.compliance).toHaveLength(181);
    expect(a.compliance[0].months).toHaveLength(12);
    const cells = new Set(a.compliance.flatMap((c: { months: string[] }) => c.months));
    expect(cells).toEqual(new Set(['tepat', 'terlambat', 'belum', 'belum_jatuh_tempo']));
    expect(a.trend).toHaveLength(30);
    expect(a.skm).toHaveLength(9);
    expect(a.skm[0].nrr).toBeGreaterThan(1);
  });

  it('a periode that opens results lets every unit of the pemda see all', async () => {
    const db = ctx.database.db;
    await db
      .update(periode)
      .set({ settings: sql`jsonb_set(${periode.settings}, '{resultsVisibleBeforePublication}', 'true')` })
      .where(eq(periode.id, periodeId));
    // Hand-made SQL reaches the cache through NOTIFY, which on PostgreSQL arrives a moment later.
    await eventually(async () =>
      expect((await as.lurah!.request('GET', `/api/rapor/2026/unit/${OTHER_KEC}`)).statusCode).toBe(200),
    );
    const r = (
      await as.lurah!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    expect(r.rows).toHaveLength(151);
    await db
      .update(periode)
      .set({ settings: sql`jsonb_set(${periode.settings}, '{resultsVisibleBeforePublication}', 'false')` })
      .where(eq(periode.id, periodeId));
    await eventually(async () =>
      expect((await as.lurah!.request('GET', `/api/rapor/2026/unit/${OTHER_KEC}`)).statusCode).toBe(403),
    );
  });
});

describe('the running rapor follows every change at once', () => {
  it("approving a kelurahan report changes its rapor and its kecamatan's at once, as the engine computes them", async () => {
    const db = ctx.database.db;
    await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan');
    // A kelurahan of Coblong with a month missing in the demo data.
    const counts = (await db.execute(
      sql`select wilayah_kode as kode, array_agg(bulan) as bulan from laporan where periode_id = ${periodeId}
          and kind = 'bulanan' and wilayah_kode like '32.73.02.%' group by wilayah_kode`,
    )) as unknown as { rows: { kode: string; bulan: number[] }[] };
    let target = counts.rows.find((r) => r.bulan.length < 10);
    let bulan = target ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].find((m) => !target!.bulan.includes(m))! : 0;
    if (!target) {
      // Every month present: drop one month's entries from the seed for this test.
      target = counts.rows[0]!;
      bulan = 5;
      await db.execute(
        sql`delete from laporan where periode_id = ${periodeId} and wilayah_kode = ${target.kode} and kind = 'bulanan' and bulan = 5`,
      );
    }
    const before = (
      await as.analis!.request('GET', `/api/rapor/2026/unit/${target.kode}`)
    ).json() as RaporDetail;
    const [row] = await db
      .insert(laporan)
      .values({
        periodeId,
        wilayahKode: target.kode,
        kecamatanKode: COBLONG,
        level: 'kelurahan',
        kind: 'bulanan',
        bulan,
        status: 'diajukan',
        endorsementRequired: false,
        dueAt: new Date(Date.UTC(2026, bulan, 10, 16, 59, 59)),
        firstSubmittedAt: new Date(Date.UTC(2026, bulan, 5)),
        submittedAt: new Date(Date.UTC(2026, bulan, 5)),
      })
      .returning();
    await db.insert(laporanEntry).values(
      ['B1.2', 'B1.3', 'B2.2', 'B3.1', 'B3.2', 'B3.4'].map((code) => ({
        laporanId: row!.id,
        indikatorCode: code,
        value: code === 'B3.4' ? 1 : code.startsWith('B1') || code === 'B3.2' ? 90 : 2,
        decision: 'diterima' as const,
      })),
    );
    const approved = await as.verifikator!.request('POST', `/api/laporan/${row!.id}/setujui`, { version: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = (
      await as.analis!.request('GET', `/api/rapor/2026/unit/${target.kode}`)
    ).json() as RaporDetail;
    const b12 = (r: RaporDetail) => r.bidang.flatMap((b) => b.indikator).find((i) => i.code === 'B1.2')!;
    expect(b12(after).monthsReported).toBe((b12(before).monthsReported ?? 0) + 1);
    // And the engine still agrees after the change.
    const expected = await engineResults();
    expect(after.total).toBe(expected.totals.get(target.kode));
    const coblong = (
      await as.analis!.request('GET', `/api/rapor/2026/unit/${COBLONG}`)
    ).json() as RaporDetail;
    expect(coblong.total).toBe(expected.totals.get(COBLONG));
  }, 120_000);

  it('a report changed by another instance (here: by SQL) reaches the rapor through the database notice', async () => {
    const db = ctx.database.db;
    await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan');
    const kode = '32.73.01.1001';
    const before = (await as.analis!.request('GET', `/api/rapor/2026/unit/${kode}`)).json() as RaporDetail;
    await db.execute(
      sql`update laporan set status = 'dibuka_kembali' where periode_id = ${periodeId} and wilayah_kode = ${kode}
          and kind = 'bulanan' and bulan = (select min(bulan) from laporan where periode_id = ${periodeId}
          and wilayah_kode = ${kode} and kind = 'bulanan')`,
    );
    const months = (r: RaporDetail) =>
      r.bidang.flatMap((b) => b.indikator).find((i) => i.code === 'B1.2')!.monthsReported;
    await eventually(async () => {
      const after = (await as.analis!.request('GET', `/api/rapor/2026/unit/${kode}`)).json() as RaporDetail;
      expect(months(after)).toBe((months(before) ?? 0) - 1);
    });
  });
});

describe('exports', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseCell('+1')).toBe(`'+1`);
    expect(neutraliseCell('-1')).toBe(`'-1`);
    expect(neutraliseCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseCell('Coblong')).toBe('Coblong');
    const evil = {
      kode: '=1+1',
      nama: '@cmd',
      level: 'kecamatan' as const,
      kecamatanKode: '=x',
      kecamatanNama: '-2',
      total: 80,
      predikat: '+Baik',
      rank: 1,
      rankInKecamatan: null,
      bidang: {},
    };
    for (const format of ['csv', 'xlsx'] as const) {
      const f = rankingsExport({ tahun: 2026, level: 'kecamatan', bidang: [], rows: [evil], format });
      const wb = XLSX.read(f.body, { type: 'buffer' });
      const ws = wb.Sheets[wb.SheetNames[0]!]!;
      const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!'));
      expect(cells.some(([, c]) => (c as XLSX.CellObject).f)).toBe(false);
      expect(
        cells.map(([, c]) => String((c as XLSX.CellObject).v)).filter((v) => /^[=+\-@]/.test(v)),
      ).toEqual([]);
    }
  });

  it('rankings and a rapor export as CSV and XLSX that parse back with the same numbers and no formulas', async () => {
    const list = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    const xlsx = await as.analis!.request(
      'GET',
      '/api/rapor/2026/peringkat/export?level=kelurahan&format=xlsx',
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('peringkat-kelurahan-2026.xlsx');
    const wb = XLSX.read(xlsx.rawPayload, { type: 'buffer', cellFormula: true });
    const ws = wb.Sheets.Peringkat!;
    expect(
      Object.values(ws).some(
        (c) => typeof c === 'object' && c !== null && 'f' in c && (c as XLSX.CellObject).f,
      ),
    ).toBe(false);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws);
    expect(rows).toHaveLength(151);
    expect(rows[0]!['Nilai total']).toBe(list.rows[0]!.total);
    expect(rows[0]!.Kode).toBe(list.rows[0]!.kode);

    const csv = await as.analis!.request(
      'GET',
      '/api/rapor/2026/peringkat/export?level=kecamatan&format=csv',
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    const parsed = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(parsed.data[0]![0]).toBe('Peringkat');
    expect(parsed.data.filter((r) => r.length > 1)).toHaveLength(31);
    expect(parsed.data.flat().some((c) => /^[=+\-@]/.test(c))).toBe(false);
    // Numbers as Indonesian Excel reads them: a decimal comma, rounded as shown.
    const kecList = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kecamatan')
    ).json() as RankingsResponse;
    expect(parsed.data[0]![3]).toBe('Nilai total');
    expect(parsed.data[1]![3]).toBe(String(kecList.rows[0]!.total).replace('.', ','));
    expect(parsed.data.slice(1).every((r) => r.length < 4 || /^\d{1,3}(,\d{1,2})?$/.test(r[3]!))).toBe(true);

    const rapor = await as.lurah!.request('GET', `/api/rapor/2026/unit/${DAGO}/export?format=xlsx`);
    expect(rapor.statusCode).toBe(200);
    const rwb = XLSX.read(rapor.rawPayload, { type: 'buffer', cellFormula: true });
    expect(rwb.SheetNames).toEqual(['Ringkasan', 'Indikator']);
    const ind = XLSX.utils.sheet_to_json<Record<string, unknown>>(rwb.Sheets.Indikator!);
    const detail = (await as.lurah!.request('GET', `/api/rapor/2026/unit/${DAGO}`)).json() as RaporDetail;
    expect(ind).toHaveLength(detail.bidang.reduce((n, b) => n + b.indikator.length, 0));
    const rcsv = await as.lurah!.request('GET', `/api/rapor/2026/unit/${DAGO}/export?format=csv`);
    expect(rcsv.statusCode).toBe(200);
    // The CSV carries the summary above the table: total, predikat and rank as on screen.
    const rlines = Papa.parse<string[]>(rcsv.body.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
    const cell = (label: string) => rlines.find((l) => l[0] === label)?.[1];
    expect(cell('Nilai total')).toBe(String(detail.total).replace('.', ','));
    expect(cell('Predikat')).toBe(detail.predikat);
    expect(cell('Peringkat')).toBe(`${detail.rank} dari ${detail.rankOf}`);
    expect(rlines.some((l) => l[1] === 'Kode indikator')).toBe(true);
    expect(
      (await as.lurah!.request('GET', `/api/rapor/2026/unit/${OTHER_KEC}/export?format=csv`)).statusCode,
    ).toBe(403);
    // Each file taken away is audited with its route, query, name and size; the refused one is not.
    const audited = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export.downloaded'))
      .orderBy(auditLog.id);
    expect(
      audited.map((r) => [r.actorUsername, r.entity, r.entityId, (r.after as { filename: string }).filename]),
    ).toEqual([
      [expect.any(String), 'ekspor', '2026', 'peringkat-kelurahan-2026.xlsx'],
      [expect.any(String), 'ekspor', '2026', 'peringkat-kecamatan-2026.csv'],
      [expect.any(String), 'ekspor', DAGO, expect.stringMatching(/\.xlsx$/)],
      [expect.any(String), 'ekspor', DAGO, expect.stringMatching(/\.csv$/)],
    ]);
    expect(audited[0]!.after).toMatchObject({
      route: '/api/rapor/:tahun/peringkat/export',
      query: { level: 'kelurahan', format: 'xlsx' },
      bytes: xlsx.rawPayload.length,
    });
  });
});

describe('publication: an immutable snapshot, numbered revisions, a public page', () => {
  it('public rankings are 404 before publication', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/peringkat/2026' });
    expect(res.statusCode).toBe(404);
    const kel = await ctx.app.inject({ method: 'GET', url: '/api/public/peringkat/2026/kelurahan' });
    expect(kel.statusCode).toBe(404);
  });

  it('before publishing early, the admin sees the months counted and the units whose predikat the date changes', async () => {
    expect((await as.analis!.request('GET', '/api/rapor/2026/publikasi/pratinjau')).statusCode).toBe(403);
    const res = await as.admin!.request('GET', '/api/rapor/2026/publikasi/pratinjau');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ tahun: 2026, monthsDue: 10, early: true, units: 181, open: true });
    // The checklist counts what the database holds: reports waiting for review, annual ones missing.
    expect(preview.checklist).toEqual(await openWorkInDb());
    // Counted with the whole year due, the unreported November and December are missing: the
    // changed units are exactly those the engine scores differently at monthsDue 12.
    const [{ predikat: atTen }, { predikat: atTwelve }] = [await engineResults(10), await engineResults(12)];
    const expected = [...atTen.entries()]
      .filter(([kode, p]) => p !== atTwelve.get(kode))
      .map(([kode]) => kode)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(preview.changed.map((c: { kode: string }) => c.kode).sort()).toEqual(expected);
    const one = preview.changed[0];
    expect(one.predikatNow).toBe(atTen.get(one.kode));
    expect(one.predikatYearEnd).toBe(atTwelve.get(one.kode));
  });

  it('the admin publishes 2026: periode closed and announced, snapshot stored, public page without login', async () => {
    const running = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kecamatan')
    ).json() as RankingsResponse;
    const runningKelurahan = (
      await as.analis!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    // 25 November: October is the last month due, so publishing now is early and needs consent.
    const early = await as.admin!.request('POST', '/api/rapor/2026/publikasi', {
      reason: 'Pengumuman hasil 2026',
    });
    expect(early.statusCode).toBe(409);
    const open = await openWorkInDb();
    expect(early.json().error.details).toEqual({ reason: 'OPEN_CHECKLIST', monthsDue: 10, ...open });
    expect(early.json().error.message).toMatch(/baru 10 dari 12 laporan bulanan yang jatuh tempo/);
    expect((await as.admin!.request('GET', '/api/rapor/2026/publikasi')).json().periodeStatus).toBe('aktif');
    // Consent alone is not enough: the admin says why he publishes with items open.
    const noReason = await as.admin!.request('POST', '/api/rapor/2026/publikasi', {
      reason: 'Umumkan',
      konfirmasi: true,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.reason');
    expect((await as.admin!.request('GET', '/api/rapor/2026/publikasi')).json().periodeStatus).toBe('aktif');
    const res = await as.admin!.request('POST', '/api/rapor/2026/publikasi', {
      reason: 'Pengumuman hasil 2026',
      konfirmasi: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().periodeStatus).toBe('diumumkan');
    expect(res.json().pemdaNama).toMatch(/BANDUNG/);
    expect(res.json().revisions.map((r: { revision: number }) => r.revision)).toEqual([1]);
    const pub = await ctx.app.inject({ method: 'GET', url: '/api/public/peringkat/2026?pemda=32.73' });
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body.revised).toBe(false);
    expect(body.pemdaNama).toMatch(/BANDUNG/i);
    expect(body.topCamat.length).toBeGreaterThanOrEqual(10);
    expect(body.topLurah.length).toBeGreaterThanOrEqual(10);
    expect(body.kecamatan).toHaveLength(30);
    // The award list names the lurah as published, even after the account is renamed.
    const named = body.topLurah.find((r: { kode: string }) => r.kode === topLurahPejabat?.kode);
    expect(named?.pejabat).toBe(topLurahPejabat?.nama);
    await ctx.database.db
      .update(users)
      .set({ namaLengkap: 'Nama Sesudah Pengumuman' })
      .where(eq(users.id, topLurahPejabat!.userId));
    const again = (
      await ctx.app.inject({ method: 'GET', url: '/api/public/peringkat/2026?pemda=32.73' })
    ).json();
    expect(again.topLurah.find((r: { kode: string }) => r.kode === topLurahPejabat?.kode)?.pejabat).toBe(
      topLurahPejabat?.nama,
    );
    const kel = await ctx.app.inject({ method: 'GET', url: '/api/public/peringkat/2026/kelurahan' });
    expect(kel.statusCode).toBe(200);
    expect(kel.json().rows).toHaveLength(151);
    expect(kel.json().revision).toBe(1);
    // Published early, the rapor counts the months due when the periode closed, as the running one
    // did: every published total and predikat is the running one.
    const totals = (rows: { kode: string; total: number | null; predikat: string | null }[]) =>
      Object.fromEntries(rows.map((r) => [r.kode, [r.total, r.predikat]]));
    expect(totals(body.kecamatan)).toEqual(totals(running.rows));
    expect(totals(kel.json().rows)).toEqual(totals(runningKelurahan.rows));
    const after = (
      await as.lurah!.request('GET', '/api/rapor/2026/peringkat?level=kelurahan')
    ).json() as RankingsResponse;
    expect(after.source).toBe('publikasi');
    expect(after.revision).toBe(1);
    // Published: every unit of the pemda sees all.
    expect(after.rows).toHaveLength(151);
    expect((await as.lurah!.request('GET', `/api/rapor/2026/unit/${OTHER_KEC}`)).statusCode).toBe(200);
  });

  it('a second instance on the same database answers the same public page, and learns of a revision at once', async () => {
    const other = await ctx.variant({});
    const url = '/api/public/peringkat/2026?pemda=32.73';
    const mine = await ctx.app.inject({ method: 'GET', url });
    const theirs = await Promise.all(
      Array.from({ length: 20 }, () => other.app.inject({ method: 'GET', url })),
    );
    expect(theirs.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(theirs.map((r) => r.body))).toEqual(new Set([mine.body]));
    expect(theirs[0]!.json().kecamatan).toHaveLength(30);
    otherInstance = other;
  });

  it('a published snapshot cannot be changed: not by publishing again (API), not by SQL (database)', async () => {
    const again = await as.admin!.request('POST', '/api/rapor/2026/publikasi', {});
    expect(again.statusCode).toBe(409);
    const db = ctx.database.db;
    await expect(db.execute(sql`update rapor_publikasi set reason = 'diubah'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from rapor_publikasi`)).rejects.toThrow();
    await expect(db.execute(sql`truncate rapor_publikasi`)).rejects.toThrow();
    const rows = (await db.execute(sql`select reason from rapor_publikasi`)) as unknown as {
      rows: { reason: string }[];
    };
    expect(rows.rows.map((r) => r.reason)).toEqual(['Pengumuman hasil 2026']);
  });

  it('a correction is a new numbered revision with a reason; the public page says it was revised', async () => {
    expect((await as.admin!.request('POST', '/api/rapor/2026/revisi', { reason: 'x' })).statusCode).toBe(400);
    const res = await as.admin!.request('POST', '/api/rapor/2026/revisi', {
      reason: 'Koreksi nilai IKM Kelurahan Dago setelah verifikasi ulang',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const pub = (await ctx.app.inject({ method: 'GET', url: '/api/public/peringkat/2026' })).json();
    expect(pub.revision).toBe(2);
    expect(pub.revised).toBe(true);
    expect(pub.revisions[1].reason).toContain('Koreksi');
    // The other instance had revision 1 cached: the database's notice makes it read revision 2.
    await eventually(async () => {
      const theirs = await otherInstance!.app.inject({ method: 'GET', url: '/api/public/peringkat/2026' });
      expect(theirs.json().revision).toBe(2);
    });
  });
});
