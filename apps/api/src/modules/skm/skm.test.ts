import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { krejcieMorganSample, type SkmAltchaChallenge, type SkmJawaban, skmUnsurKeys } from '@sip/contracts';
import { UNSUR_KEYS } from '@sip/scoring';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, TEST_SECRET, type TestContext } from '../../../test/helpers';
import { exportThroughJob } from '../../../test/jobs';
import { auditLog } from '../../db/schema/audit';
import { skmResponses } from '../../db/schema/skm';
import { createEvents } from '../../lib/events';
import { createPemdaRepo } from '../pemda/pemda.repo';
import { createZones } from '../pemda/pemda.zona';
import { createWilayahRepo } from '../wilayah/wilayah.repo';
import { createSkmPow } from './skm.pow';
import { createSkmRepo } from './skm.repo';
import { createSkmService } from './skm.service';
import { createSkmTokens } from './skm.tokens';

/** A clock the test moves by hand: "the form was opened 21 seconds ago" without sleeping. */
class TestClock {
  t = new Date('2026-05-11T03:00:00Z').getTime(); // Monday 10:00 WIB, semester 1
  now = () => new Date(this.t);
  advance(seconds: number) {
    this.t += seconds * 1000;
  }
}

const clock = new TestClock();
/** A tiny proof-of-work so tests solve it in microseconds; production's default is 500,000. */
const POW_MAX = 50;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp(
    {
      SKM_RATE_LIMIT_PER_MINUTE: '100000',
      SKM_MIN_FILL_SECONDS: '20',
      SKM_FORM_MAX_AGE_SECONDS: '7200',
      SKM_POW_MAX_NUMBER: String(POW_MAX),
      // These tests fill units fast on purpose; the burst detector has its own tests below.
      SKM_BURST_MIN_PER_HOUR: '1000',
      SKM_BURST_FACTOR: '4',
      SKM_BURST_BASELINE_DAYS: '28',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    { clock },
  );
});
afterAll(() => ctx?.close());

const all = (v: number) => Object.fromEntries(skmUnsurKeys.map((k) => [k, v])) as SkmJawaban;
const tokens = createSkmTokens(TEST_SECRET);
const pow = createSkmPow(TEST_SECRET, POW_MAX);

type Challenge = SkmAltchaChallenge;
/** What the browser's Web Worker does: solve the form's challenge. */
async function solve(challenge: Challenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('unsolved');
  return { challenge, solution };
}

async function openForm(kode: string) {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/public/skm/${kode}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    formToken: string;
    altcha: Challenge;
    nama: string;
    kodeLayananWajib: boolean;
  } & Record<string, unknown>;
}

/** A form token and its solved challenge, made as the server would `ageSeconds` ago. */
async function signedForm(kode: string, issuedAt = new Date(clock.t - 30_000)) {
  const formToken = tokens.issueForm(kode, issuedAt);
  return { formToken, altcha: await solve(await pow.issue(kode, tokens.formNonce(formToken) as string)) };
}

function post(kode: string, body: Record<string, unknown>) {
  return ctx.app.inject({ method: 'POST', url: `/api/public/skm/${kode}`, payload: body });
}

/** A citizen opens the page, takes 21 seconds, and sends. */
async function fill(kode: string, jawaban: SkmJawaban, extra: Record<string, unknown> = {}) {
  const form = await openForm(kode);
  clock.advance(21);
  return post(kode, {
    formToken: form.formToken,
    altcha: await solve(form.altcha),
    idempotencyKey: randomUUID(),
    jawaban,
    ...extra,
  });
}

/** Many respondents quickly: tokens issued as the page would, 30 s before the clock. */
async function fillMany(kode: string, answers: SkmJawaban[]) {
  for (const jawaban of answers) {
    const res = await post(kode, { ...(await signedForm(kode)), idempotencyKey: randomUUID(), jawaban });
    expect(res.statusCode, res.body).toBe(201);
  }
}

/** n respondents whose answers add up to `total` (spread as evenly as possible). */
function spread(n: number, total: number): SkmJawaban[] {
  const cells = 9 * n;
  const base = Math.floor(total / cells);
  let extra = total - base * cells;
  return Array.from({ length: n }, () => {
    const r = {} as Record<string, number>;
    for (const k of skmUnsurKeys) {
      r[k] = base + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
    }
    return r as SkmJawaban;
  });
}

async function report(kode: string, query = 'tahun=2026', role: 'admin' | 'lurah' = 'admin') {
  const { client } = await loggedIn(ctx, role, role === 'admin' ? '32.73' : kode);
  const res = await client.request('GET', `/api/skm/${kode}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('SKM: the public survey and its IKM', () => {
  it('names the unsur by the same keys as the scoring engine', () => {
    expect([...skmUnsurKeys]).toEqual([...UNSUR_KEYS]);
  });

  it('one respondent answering 4 everywhere gives IKM 100, grade A (Sangat Baik)', async () => {
    const form = await openForm('32.73.02.1001');
    expect(form.nama).toBe('Cipaganti');
    // Opening the page hands out no device token: one comes with the first accepted response.
    expect(form).not.toHaveProperty('deviceToken');
    expect(form.kodeLayananWajib).toBe(false);
    clock.advance(25);
    const res = await post('32.73.02.1001', {
      formToken: form.formToken,
      altcha: await solve(form.altcha),
      idempotencyKey: randomUUID(),
      website: '',
      jawaban: all(4),
      profil: { jenisKelamin: 'P', kelompokUmur: '30-39', pendidikan: 's1', pekerjaan: 'swasta' },
      layanan: 'Surat pengantar KTP',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().pesan).toMatch(/Terima kasih/);
    expect(res.json().deviceToken).toMatch(/\./);
    const r = await report('32.73.02.1001');
    expect(r.hasil).toMatchObject({
      respondents: 1,
      ikm: 4,
      converted: 100,
      convertedRounded: 100,
      grade: { mutu: 'A', kinerja: 'Sangat Baik' },
    });
    expect(r.hasil.unsur).toHaveLength(9);
    expect(r.hasil.unsur.every((u: { nrr: number }) => u.nrr === 4)).toBe(true);
    const jk = r.profil.find((p: { field: string }) => p.field === 'jenisKelamin');
    expect(jk.items).toContainEqual({ value: 'P', label: 'Perempuan', count: 1 });
  });

  it('matches a hand-computed example: NRR per unsur, 1/9 weights, x25', async () => {
    // Respondent 1: all 3; respondent 2: all 4 except biaya 2 (tarif "Cukup mahal").
    // NRR = 3.5 for eight unsur, 2.5 for biaya; IKM = (8 x 3.5 + 2.5) / 9 = 30.5/9 = 3.38889;
    // converted = 84.7222 -> 84.72, grade B (Baik).
    await fillMany('32.73.02.1002', [all(3), { ...all(4), biaya: 2 }]);
    const r = await report('32.73.02.1002');
    expect(r.hasil.respondents).toBe(2);
    expect(r.hasil.unsur.find((u: { key: string }) => u.key === 'biaya')).toMatchObject({
      jumlah: 5,
      nrr: 2.5,
    });
    expect(r.hasil.unsur.find((u: { key: string }) => u.key === 'waktu').nrr).toBe(3.5);
    expect(r.hasil.ikm).toBeCloseTo(30.5 / 9, 12);
    expect(r.hasil.convertedRounded).toBe(84.72);
    expect(r.hasil.grade).toEqual({ mutu: 'B', kinerja: 'Baik' });
  });

  // converted = 25 x (sum of all answers) / (9 x respondents); each case is the smallest
  // number of respondents that lands exactly on the boundary after rounding to 2 decimals.
  it.each([
    ['32.73.03.1001', 19, 604, 88.3, 'B', 'Baik'],
    ['32.73.03.1002', 24, 763, 88.31, 'A', 'Sangat Baik'],
    ['32.73.03.1003', 26, 717, 76.6, 'C', 'Kurang Baik'],
    ['32.73.03.1004', 19, 524, 76.61, 'B', 'Baik'],
    ['32.73.03.1005', 38, 889, 64.99, 'D', 'Tidak Baik'],
    ['32.73.03.1006', 5, 117, 65, 'C', 'Kurang Baik'],
  ] as const)(
    'grade boundary at %s: %i respondents, total %i -> %d = %s',
    async (kode, n, total, value, mutu, kinerja) => {
      await fillMany(kode, spread(n, total));
      const r = await report(kode);
      expect(r.hasil.respondents).toBe(n);
      expect(r.hasil.convertedRounded).toBe(value);
      expect(r.hasil.grade).toEqual({ mutu, kinerja });
    },
  );

  it('a retry with the same idempotency key returns the first result and counts once', async () => {
    const kode = '32.73.04.1001';
    const form = await openForm(kode);
    clock.advance(30);
    const body = {
      formToken: form.formToken,
      altcha: await solve(form.altcha),
      idempotencyKey: randomUUID(),
      jawaban: all(3),
    };
    const first = await post(kode, body);
    expect(first.statusCode).toBe(201);
    const retry = await post(kode, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: first.json().id, ulang: true });
    // Two retries racing each other still count once.
    const racing = { ...(await signedForm(kode)), idempotencyKey: randomUUID(), jawaban: all(3) };
    const results = await Promise.all([post(kode, racing), post(kode, racing)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect((await report(kode)).hasil.respondents).toBe(2);
  });

  it('one response per device per unit per day (Asia/Jakarta): friendly 409, fine again the next day or elsewhere', async () => {
    const kode = '32.73.04.1002';
    const form = await openForm(kode);
    clock.advance(30);
    const firstRes = await post(kode, {
      formToken: form.formToken,
      altcha: await solve(form.altcha),
      idempotencyKey: randomUUID(),
      jawaban: all(2),
    });
    expect(firstRes.statusCode).toBe(201);
    // The device token comes with the first accepted response; the page keeps it.
    const device = firstRes.json().deviceToken as string;
    expect(device).toMatch(/\./);
    const send = async (f: { formToken: string; altcha: Challenge }) =>
      post(kode, {
        formToken: f.formToken,
        altcha: await solve(f.altcha),
        deviceToken: device,
        idempotencyKey: randomUUID(),
        jawaban: all(2),
      });
    // Asking for the form with its token, the device learns at once that today is done here.
    const told = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/skm/${kode}`,
      headers: { 'x-skm-perangkat': device },
    });
    expect(told.json().sudahHariIni).toBe(true);
    const forgedAsk = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/skm/${kode}`,
      headers: { 'x-skm-perangkat': 'abc.def' },
    });
    expect(forgedAsk.json().sudahHariIni).toBe(false);
    const again = await openForm(kode);
    expect(again.sudahHariIni).toBe(false);
    clock.advance(30);
    const second = await send(again);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(
      /sudah mengisi survei untuk Kelurahan Babakan Tarogong hari ini.*besok/,
    );
    // Another unit the same day is fine.
    const other = await openForm('32.73.04.1003');
    clock.advance(30);
    const elsewhere = await post('32.73.04.1003', {
      formToken: other.formToken,
      altcha: await solve(other.altcha),
      deviceToken: device,
      idempotencyKey: randomUUID(),
      jawaban: all(2),
    });
    expect(elsewhere.statusCode).toBe(201);
    // The next calendar day in Jakarta (UTC+7): 17:00 UTC is already midnight WIB.
    clock.t = new Date('2026-05-11T17:00:00Z').getTime();
    const nextMorning = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/skm/${kode}`,
      headers: { 'x-skm-perangkat': device },
    });
    expect(nextMorning.json().sudahHariIni).toBe(false);
    const tomorrow = await openForm(kode);
    clock.advance(30);
    const nextDay = await send(tomorrow);
    expect(nextDay.statusCode).toBe(201);
    // A known device gets no new token.
    expect(nextDay.json().deviceToken).toBeNull();
    expect((await report(kode)).hasil.respondents).toBe(2);
  });

  it('refuses bots kindly: too fast, stale or foreign form token, honeypot filled, forged device', async () => {
    const kode = '32.73.04.1004';
    const form = await openForm(kode);
    const body = {
      formToken: form.formToken,
      altcha: await solve(form.altcha),
      idempotencyKey: randomUUID(),
      jawaban: all(4),
    };
    clock.advance(5);
    const fast = await post(kode, body);
    expect(fast.statusCode).toBe(400);
    expect(fast.json().error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('terlalu cepat'),
      details: [expect.objectContaining({ path: 'body.formToken' })],
    });
    clock.advance(20);
    const trap = await post(kode, { ...body, website: 'http://spam.example' });
    expect(trap.statusCode).toBe(400);
    expect(trap.json().error.details[0].path).toBe('body.website');
    const forged = await post(kode, { ...body, deviceToken: 'abc.def' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.details[0].path).toBe('body.deviceToken');
    const foreign = await post('32.73.04.1005', body);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toMatch(/Muat ulang/);
    clock.advance(7200);
    const stale = await post(kode, body);
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.message).toMatch(/terlalu lama.*Muat ulang/);
    expect((await report(kode)).hasil.respondents).toBe(0);
  });

  it.each([
    ['an answer of 0', { jawaban: { ...all(3), waktu: 0 } }, 'body.jawaban.waktu'],
    ['an answer of 5', { jawaban: { ...all(3), sarana: 5 } }, 'body.jawaban.sarana'],
    [
      'a missing unsur',
      { jawaban: Object.fromEntries(skmUnsurKeys.filter((k) => k !== 'pengaduan').map((k) => [k, 3])) },
      'body.jawaban.pengaduan',
    ],
    ['an unknown unsur', { jawaban: { ...all(3), keramahan: 4 } }, 'body.jawaban.keramahan'],
    ['a non-integer answer', { jawaban: { ...all(3), biaya: 2.5 } }, 'body.jawaban.biaya'],
    [
      'an unknown profile option',
      { jawaban: all(3), profil: { pendidikan: 'S3' } },
      'body.profil.pendidikan',
    ],
    ['a suggestion over 1000 characters', { jawaban: all(3), saran: 'a'.repeat(1001) }, 'body.saran'],
    ['no idempotency key', { jawaban: all(3), idempotencyKey: undefined }, 'body.idempotencyKey'],
  ])('%s -> 400 naming the field', async (_name, override, path) => {
    const res = await post('32.73.04.1005', {
      ...(await signedForm('32.73.04.1005')),
      idempotencyKey: randomUUID(),
      ...override,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('an unknown unit code -> 404, a malformed one -> 400 naming params.kode, a pemda has no survey', async () => {
    const body = {
      formToken: 'x.y',
      altcha: await solve(await pow.issue('32.73.02.9999', 'x')),
      idempotencyKey: randomUUID(),
      jawaban: all(3),
    };
    const unknown = await post('32.73.02.9999', body);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/32\.73\.02\.9999 tidak ditemukan/);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/skm/32.73.02.9999' })).statusCode).toBe(
      404,
    );
    const malformed = await post('dago', body);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].path).toBe('params.kode');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/skm/32.73' })).statusCode).toBe(400);
  });

  it('an admin voids a response with a reason (audited); it leaves the index; others may not', async () => {
    const kode = '32.73.05.1001';
    await fillMany(kode, [all(4), all(1)]);
    expect((await report(kode)).hasil.convertedRounded).toBe(62.5);
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const list = await admin.request('GET', `/api/skm/${kode}/jawaban?tahun=2026`);
    expect(list.statusCode).toBe(200);
    const spam = list
      .json()
      .items.find((i: { jawaban: { persyaratan: number } }) => i.jawaban.persyaratan === 1);
    const noReason = await admin.request('POST', `/api/skm/jawaban/${spam.id}/batal`, { alasan: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.alasan');
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    expect(
      (await lurah.request('POST', `/api/skm/jawaban/${spam.id}/batal`, { alasan: 'tidak suka' })).statusCode,
    ).toBe(403);
    const { client: otherLurah } = await loggedIn(ctx, 'lurah', '32.73.01.1001');
    expect(
      (await otherLurah.request('POST', `/api/skm/jawaban/${spam.id}/batal`, { alasan: 'tidak suka' }))
        .statusCode,
    ).toBe(404);
    const voided = await admin.request('POST', `/api/skm/jawaban/${spam.id}/batal`, {
      alasan: 'Diisi berulang oleh petugas saat uji coba',
    });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(
      (await admin.request('POST', `/api/skm/jawaban/${spam.id}/batal`, { alasan: 'sekali lagi' }))
        .statusCode,
    ).toBe(409);
    const after = await report(kode);
    expect(after.hasil).toMatchObject({ respondents: 1, convertedRounded: 100 });
    const [row] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skm.response_voided'), eq(auditLog.entityId, spam.id)))
      .orderBy(desc(auditLog.id));
    expect(row).toMatchObject({
      reason: 'Diisi berulang oleh petugas saat uji coba',
      entity: 'skm_response',
    });
    // Still stored, and still listed for the admin with its reason.
    const again = await admin.request('GET', `/api/skm/${kode}/jawaban?tahun=2026`);
    expect(again.json().items.find((i: { id: string }) => i.id === spam.id).voidReason).toMatch(/uji coba/);
  });

  it('suggestions appear only once approved; hidden ones stay stored; only admin/verifikator moderate', async () => {
    const kode = '32.73.05.1002';
    await fill(kode, all(3), { saran: 'Antrean pagi terlalu panjang, mohon tambah loket.' });
    await fill(kode, all(3), { saran: 'Kata-kata kasar yang tidak pantas' });
    expect((await report(kode)).saran).toEqual([]);
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    const pending = await verifikator.request('GET', `/api/skm/saran?kode=${kode}`);
    expect(pending.statusCode).toBe(200);
    expect(pending.json().total).toBe(2);
    const items = pending.json().items as { id: string; saran: string }[];
    const good = items.find((i) => i.saran.startsWith('Antrean'));
    const bad = items.find((i) => i.saran.startsWith('Kata'));
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    expect((await lurah.request('GET', '/api/skm/saran')).statusCode).toBe(403);
    expect(
      (await lurah.request('POST', `/api/skm/saran/${good?.id}/moderasi`, { status: 'disetujui' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await verifikator.request('POST', `/api/skm/saran/${good?.id}/moderasi`, { status: 'disetujui' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await verifikator.request('POST', `/api/skm/saran/${bad?.id}/moderasi`, { status: 'disembunyikan' }))
        .statusCode,
    ).toBe(200);
    const r = await report(kode, 'tahun=2026', 'lurah');
    expect(r.saran.map((s: { saran: string }) => s.saran)).toEqual([
      'Antrean pagi terlalu panjang, mohon tambah loket.',
    ]);
    const [hidden] = await ctx.database.db
      .select()
      .from(skmResponses)
      .where(eq(skmResponses.id, Number(bad?.id)));
    expect(hidden).toMatchObject({
      saranStatus: 'disembunyikan',
      saran: 'Kata-kata kasar yang tidak pantas',
    });
    expect((await verifikator.request('GET', `/api/skm/saran?kode=${kode}`)).json().total).toBe(0);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'skm.saran_moderated'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('scope: a lurah reads only his unit (another -> 404), a camat his kecamatan, the pemda only pemda roles', async () => {
    const { client: lurah } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    expect((await lurah.request('GET', '/api/skm/32.73.02.1004?tahun=2026')).statusCode).toBe(200);
    const other = await lurah.request('GET', '/api/skm/32.73.02.1001?tahun=2026');
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Cipaganti');
    expect((await lurah.request('POST', '/api/skm/32.73.02.1001/export', { tahun: 2026 })).statusCode).toBe(
      404,
    );
    expect((await lurah.request('GET', '/api/skm/32.73.02.1004/jawaban?tahun=2026')).statusCode).toBe(403);
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.02');
    expect((await camat.request('GET', '/api/skm/32.73.02.1001?tahun=2026')).statusCode).toBe(200);
    expect((await camat.request('GET', '/api/skm/32.73.02?tahun=2026')).statusCode).toBe(200);
    expect((await camat.request('GET', '/api/skm/32.73.03.1001?tahun=2026')).statusCode).toBe(404);
    expect((await camat.request('GET', '/api/skm/32.73?tahun=2026')).statusCode).toBe(404);
    const { client: analis } = await loggedIn(ctx, 'analis', '32.73');
    expect((await analis.request('GET', '/api/skm/32.73?tahun=2026')).statusCode).toBe(200);
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/skm/32.73.02.1004?tahun=2026' });
    expect(anonymous.statusCode).toBe(401);
  });

  it("a kecamatan: its own IKM from its office's responses, plus its kelurahan pooled; the pemda pools all", async () => {
    await fillMany('32.73.06', [all(2)]);
    await fillMany('32.73.06.1001', [all(4), all(4), all(4)]);
    const r = await report('32.73.06');
    expect(r.level).toBe('kecamatan');
    expect(r.hasil).toMatchObject({ respondents: 1, convertedRounded: 50, grade: { mutu: 'D' } });
    // (2 + 4 + 4 + 4) / 4 = 3.5 -> 87.5
    expect(r.wilayahan).toMatchObject({ respondents: 4, convertedRounded: 87.5, grade: { mutu: 'B' } });
    expect(r.rincian[0]).toMatchObject({ kode: '32.73.06', respondents: 1, convertedRounded: 50 });
    expect(r.rincian.find((x: { kode: string }) => x.kode === '32.73.06.1001')).toMatchObject({
      respondents: 3,
      convertedRounded: 100,
    });
    const pemda = await report('32.73');
    expect(pemda.level).toBe('kabupaten_kota');
    expect(pemda.wilayahan).toBeNull();
    const kec = pemda.rincian.find((x: { kode: string }) => x.kode === '32.73.06');
    expect(kec).toMatchObject({ respondents: 4, convertedRounded: 87.5 });
    expect(pemda.hasil.respondents).toBe(
      pemda.rincian.reduce((n: number, x: { respondents: number }) => n + x.respondents, 0),
    );
  });

  it('filters by semester and gives the Krejcie–Morgan sample guidance', async () => {
    const kode = '32.73.06.1002';
    await fillMany(kode, [all(4)]);
    const saved = clock.t;
    clock.t = new Date('2026-08-17T03:00:00Z').getTime();
    await fillMany(kode, [all(2)]);
    clock.t = saved;
    expect((await report(kode, 'tahun=2026&semester=1')).hasil).toMatchObject({
      respondents: 1,
      convertedRounded: 100,
    });
    expect((await report(kode, 'tahun=2026&semester=2')).hasil).toMatchObject({
      respondents: 1,
      convertedRounded: 50,
    });
    const year = await report(kode, 'tahun=2026');
    expect(year.hasil).toMatchObject({ respondents: 2, convertedRounded: 75 });
    expect(year.sampel).toEqual({ populasi: null, minimum: 384, cukup: false });
    expect((await report(kode, 'tahun=2026&populasi=2')).sampel).toEqual({
      populasi: 2,
      minimum: 2,
      cukup: true,
    });
    expect((await report(kode, 'tahun=2025')).hasil).toMatchObject({
      respondents: 0,
      convertedRounded: null,
      grade: null,
    });
    expect([10, 50, 100, 1000, 1_000_000].map(krejcieMorganSample)).toEqual([10, 44, 80, 278, 384]);
  });

  it('CSV and XLSX exports neutralise formulas; XLSX carries the summary and the responses', async () => {
    const kode = '32.73.06.1003';
    await fill(kode, all(4), {
      layanan: '=HYPERLINK("http://evil.example","klik")',
      saran: '+62 812 nomor saya',
    });
    await fill(kode, all(3), { layanan: '@SUM(A1:A2)' });
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const pending = await admin.request('GET', `/api/skm/saran?kode=${kode}`);
    await admin.request('POST', `/api/skm/saran/${pending.json().items[0].id}/moderasi`, {
      status: 'disetujui',
    });
    // A job: started, followed, then downloaded by who started it (the file comes from storage).
    const { job, file: csv } = await exportThroughJob(admin, 'POST', `/api/skm/${kode}/export`, {
      tahun: 2026,
      format: 'csv',
    });
    expect(job).toMatchObject({ name: 'skm.export', state: 'completed', mine: true });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`ikm-${kode}-2026.csv`);
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).toContain(`'@SUM(A1:A2)`);
    expect(csv.body).toContain(`'+62 812`);
    const cells = csv.body.split(/[;\r\n]/).map((c) => c.replace(/^"|"$/g, ''));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    const { file: xlsx } = await exportThroughJob(admin, 'POST', `/api/skm/${kode}/export`, {
      tahun: 2026,
      format: 'xlsx',
    });
    const wb = XLSX.read(xlsx.rawPayload, { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Ringkasan', 'Responden']);
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets.Responden as XLSX.WorkSheet, {
      header: 1,
    });
    expect(rows).toHaveLength(3);
    // The workbook is neutralised as the CSV is: no text cell starts like a formula.
    const texts = rows.flat().filter((c): c is string => typeof c === 'string');
    expect(texts.some((c) => c.startsWith(`'=HYPERLINK`))).toBe(true);
    expect(texts.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    const summary = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets.Ringkasan as XLSX.WorkSheet, {
      header: 1,
    });
    expect(summary.find((r) => r[0] === 'IKM konversi (x 25)')?.[1]).toBe(87.5);
  });

  it('ikmForUnit gives the rapor its input: the converted IKM rounded to 2 decimals, or null', async () => {
    const service = createSkmService({
      db: ctx.database.db,
      repo: createSkmRepo(ctx.database.db),
      wilayah: createWilayahRepo(ctx.database.db),
      zones: createZones(createPemdaRepo(ctx.database.db)),
      clock,
      events: createEvents({ onError: () => {} }),
      tokens,
      pow,
      settings: {
        minFillSeconds: 20,
        formMaxAgeSeconds: 7200,
        burstMinPerHour: 1000,
        burstFactor: 4,
        burstBaselineDays: 28,
      },
    });
    expect(await service.ikmForUnit('32.73.02.1002', 2026)).toBe(84.72);
    expect(await service.ikmForUnit('32.73.03.1005', 2026)).toBe(64.99);
    // A kecamatan's own responses only, not its kelurahan's.
    expect(await service.ikmForUnit('32.73.06', 2026)).toBe(50);
    expect(await service.ikmForUnit('32.73.30.1001', 2026)).toBeNull();
    expect(await service.ikmForUnit('32.73.02.1002', 2025)).toBeNull();
  });

  it('posters: a kelurahan gets one, a kecamatan its own and one per kelurahan', async () => {
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.02');
    const res = await camat.request('GET', '/api/skm/32.73.02/posters');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { kode: string }) => i.kode)).toEqual([
      '32.73.02',
      '32.73.02.1001',
      '32.73.02.1002',
      '32.73.02.1003',
      '32.73.02.1004',
      '32.73.02.1005',
      '32.73.02.1006',
    ]);
    expect((await camat.request('GET', '/api/skm/32.73.01.1001/posters')).statusCode).toBe(404);
  });
});

describe('SKM: rate limit per client address, and the survey page', () => {
  let small: TestContext;
  const webDist = mkdtempSync(path.join(tmpdir(), 'sip-web-'));
  beforeAll(async () => {
    writeFileSync(path.join(webDist, 'index.html'), '<title>SPA</title>');
    writeFileSync(path.join(webDist, 'survei.html'), '<title>Survei</title>');
    writeFileSync(path.join(webDist, 'masuk.html'), '<title>Masuk</title>');
    small = await ctx.variant({
      SKM_RATE_LIMIT_PER_MINUTE: '3',
      SKM_MIN_FILL_SECONDS: '0',
      SKM_POW_MAX_NUMBER: String(POW_MAX),
      SKM_BURST_MIN_PER_HOUR: '1000',
      WEB_DIST: webDist,
    });
  });
  afterAll(async () => {
    await small?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves the small survey bundle at /survei/:kode and the SPA elsewhere', async () => {
    const survei = await small.app.inject({ method: 'GET', url: '/survei/32.73.02.1004' });
    expect(survei.statusCode).toBe(200);
    expect(survei.body).toContain('Survei');
    // A wilayah code is a client route, not a file with the extension ".1004".
    const spa = await small.app.inject({ method: 'GET', url: '/skm/32.73.02.1004?tahun=2026' });
    expect(spa.statusCode).toBe(200);
    expect(spa.body).toContain('SPA');
    expect((await small.app.inject({ method: 'GET', url: '/assets/hilang.js' })).statusCode).toBe(404);
  });

  it('serves the light login page at /masuk (with its query) and not at paths that only start so', async () => {
    for (const url of ['/masuk', '/masuk/', '/masuk?kembali=%2Fwilayah&alasan=keluar']) {
      const res = await small.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('Masuk');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await small.app.inject({ method: 'GET', url: '/masukan' })).body).toContain('SPA');
  });

  it('the fourth submission within a minute from one address gets 429 with a kind message', async () => {
    const codes: number[] = [];
    let last = '';
    for (let i = 0; i < 4; i++) {
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/public/skm/32.73.02.1004',
        payload: {
          // This app runs on the real clock.
          ...(await signedForm('32.73.02.1004', new Date())),
          idempotencyKey: randomUUID(),
          jawaban: all(4),
        },
      });
      codes.push(res.statusCode);
      last = res.body;
    }
    expect(codes).toEqual([201, 201, 201, 429]);
    expect(JSON.parse(last).error.message).toMatch(/Tunggu sebentar/);
  });
});
