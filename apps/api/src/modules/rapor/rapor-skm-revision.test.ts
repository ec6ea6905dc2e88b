import { randomUUID } from 'node:crypto';
import { type SkmJawaban, skmUnsurKeys } from '@sip/contracts';
import { computeIkm } from '@sip/scoring';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { solveSkm } from '../../../test/skm-ballot';
import { raporPublikasi } from '../../db/schema/rapor';
import { skmResponses } from '../../db/schema/skm';
import { seedDemoPeriode } from '../../demo/seed';

/**
 * Issue 15, finding 1 (last part): a published revision says how many SKM responses it rests on
 * and how many it added since the previous one; quarantined responses never enter it.
 */
class TestClock {
  t = new Date('2026-05-11T03:00:00Z').getTime(); // Monday 10:00 WIB
  now = () => new Date(this.t);
  advance(seconds: number) {
    this.t += seconds * 1000;
  }
}
const clock = new TestClock();
const PEMDA = '32.73';
const DAGO = '32.73.02.1004';
let ctx: TestContext;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestApp(
    {
      SKM_RATE_LIMIT_PER_MINUTE: '100000',
      SKM_MIN_FILL_SECONDS: '20',
      SKM_FORM_MAX_AGE_SECONDS: '7200',
      SKM_POW_MAX_NUMBER: '50',
      SKM_BURST_MIN_PER_HOUR: '5',
      SKM_BURST_FACTOR: '4',
      SKM_BURST_BASELINE_DAYS: '28',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    { clock },
  );
  await seedDemoPeriode(ctx.database.db, PEMDA, 2026, clock.now());
  admin = (await loggedIn(ctx, 'admin', PEMDA)).client;
});
afterAll(() => ctx?.close());

const all = (v: number) => Object.fromEntries(skmUnsurKeys.map((k) => [k, v])) as SkmJawaban;

/** A fresh visitor: opens the page, solves the challenge, waits the minimum time, sends. */
async function ballot(kode: string, jawaban: SkmJawaban) {
  const form = await ctx.app.inject({ method: 'GET', url: `/api/public/skm/${kode}` });
  expect(form.statusCode, form.body).toBe(200);
  const { formToken, altcha } = form.json();
  clock.advance(21);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/skm/${kode}`,
    payload: { formToken, altcha: await solveSkm(altcha), idempotencyKey: randomUUID(), jawaban },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Counted responses of the pemda's 2026, straight from the table (the number a revision must store). */
async function countedInDb() {
  const [row] = await ctx.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(skmResponses)
    .where(
      and(
        eq(skmResponses.tahun, 2026),
        eq(skmResponses.status, 'diterima'),
        sql`${skmResponses.wilayahKode} like ${`${PEMDA}.%`}`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** The IKM input of a unit in each stored revision, in revision order. */
async function publishedIkm(kode: string) {
  const rows = await ctx.database.db
    .select({ inputs: raporPublikasi.inputs })
    .from(raporPublikasi)
    .where(eq(raporPublikasi.tahun, 2026))
    .orderBy(asc(raporPublikasi.revision));
  return rows.map((r) => (r.inputs as Record<string, { ikm: number | null }>)[kode]?.ikm ?? null);
}

const ikmOf = (answers: SkmJawaban[]) =>
  computeIkm({
    respondents: answers.length,
    sums: Object.fromEntries(skmUnsurKeys.map((k) => [k, answers.reduce((s, a) => s + a[k], 0)])) as Record<
      (typeof skmUnsurKeys)[number],
      number
    >,
  }).convertedRounded;

describe('a rapor revision counts the SKM responses it rests on', () => {
  const held: string[] = [];
  let base = 0;

  it('quarantined responses are neither in the IKM nor in the published count', async () => {
    const before = await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(skmResponses)
      .where(and(eq(skmResponses.wilayahKode, DAGO), eq(skmResponses.tahun, 2026)));
    expect(Number(before[0]?.n)).toBe(0);
    base = await countedInDb();

    // Five genuine answers count; a burst of three more (all 1s) goes to quarantine.
    for (let i = 0; i < 5; i++) await ballot(DAGO, all(4));
    for (let i = 0; i < 3; i++) held.push(await ballot(DAGO, all(1)));
    const statuses = await ctx.database.db
      .select({ status: skmResponses.status })
      .from(skmResponses)
      .where(eq(skmResponses.wilayahKode, DAGO))
      .orderBy(asc(skmResponses.id));
    expect(statuses.map((s) => s.status)).toEqual([
      ...Array(5).fill('diterima'),
      ...Array(3).fill('karantina'),
    ]);

    const report = await admin.request('GET', `/api/skm/${DAGO}?tahun=2026`);
    expect(report.json().hasil.respondents).toBe(5);
    expect(report.json().hasil.convertedRounded).toBe(100);

    const res = await admin.request('POST', '/api/rapor/2026/publikasi', {
      reason: 'Pengumuman hasil 2026',
      konfirmasi: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revisions).toMatchObject([{ revision: 1, skmResponses: base + 5, skmAdded: null }]);
    expect(await countedInDb()).toBe(base + 5);
    expect(await publishedIkm(DAGO)).toEqual([100]);
  });

  it('released responses enter the next revision, which says how many it added; the rest stay out', async () => {
    for (const id of held.slice(0, 2)) {
      const r = await admin.request('POST', `/api/skm/jawaban/${id}/lepas`, {
        alasan: 'Rombongan warga dilayani bersamaan di loket',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const res = await admin.request('POST', '/api/rapor/2026/revisi', {
      reason: 'Koreksi: jawaban SKM yang dilepas dari karantina',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revisions).toMatchObject([
      { revision: 1, skmResponses: base + 5, skmAdded: null },
      { revision: 2, skmResponses: base + 7, skmAdded: 2 },
    ]);
    const expected = ikmOf([...Array(5).fill(all(4)), all(1), all(1)]);
    expect(expected).toBeLessThan(100);
    expect(await publishedIkm(DAGO)).toEqual([100, expected]);

    // The admin's list and the public history show the same numbers.
    const list = await admin.request('GET', '/api/rapor/2026/publikasi');
    expect(list.json().revisions.map((r: { skmAdded: number | null }) => r.skmAdded)).toEqual([null, 2]);
    const pub = await ctx.app.inject({ method: 'GET', url: `/api/public/peringkat/2026?pemda=${PEMDA}` });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().revisions).toMatchObject([
      { revision: 1, skmResponses: base + 5, skmAdded: null },
      { revision: 2, skmResponses: base + 7, skmAdded: 2 },
    ]);
  });

  it('a revision after a voided response shows the count going down, not a made-up addition', async () => {
    const [first] = await ctx.database.db
      .select({ id: skmResponses.id })
      .from(skmResponses)
      .where(and(eq(skmResponses.wilayahKode, DAGO), eq(skmResponses.status, 'diterima')))
      .orderBy(asc(skmResponses.id))
      .limit(1);
    const v = await admin.request('POST', `/api/skm/jawaban/${first!.id}/batal`, {
      alasan: 'Jawaban uji coba petugas',
    });
    expect(v.statusCode, v.body).toBe(200);
    const res = await admin.request('POST', '/api/rapor/2026/revisi', {
      reason: 'Koreksi: satu jawaban SKM uji coba dibatalkan',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revisions[2]).toMatchObject({ revision: 3, skmResponses: base + 6, skmAdded: -1 });
  });
});
