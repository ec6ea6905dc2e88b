import { randomUUID } from 'node:crypto';
import { type SkmAltchaChallenge, type SkmJawaban, skmUnsurKeys } from '@sip/contracts';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, TEST_SECRET, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { skmResponses } from '../../db/schema/skm';
import { burstLimit } from './skm.service';
import { createSkmTokens } from './skm.tokens';

/** Issue 15, finding 1: the survey's anti-abuse — single-use forms, proof-of-work, bursts, codes, paper. */
class TestClock {
  t = new Date('2026-05-11T03:00:00Z').getTime(); // Monday 10:00 WIB
  now = () => new Date(this.t);
  advance(seconds: number) {
    this.t += seconds * 1000;
  }
}
const clock = new TestClock();
const POW_MAX = 50;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp(
    {
      SKM_RATE_LIMIT_PER_MINUTE: '100000',
      SKM_MIN_FILL_SECONDS: '20',
      SKM_FORM_MAX_AGE_SECONDS: '7200',
      SKM_POW_MAX_NUMBER: String(POW_MAX),
      SKM_BURST_MIN_PER_HOUR: '5',
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

async function solve(challenge: SkmAltchaChallenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('unsolved');
  return { challenge, solution };
}

async function openForm(kode: string) {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/public/skm/${kode}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { formToken: string; altcha: SkmAltchaChallenge; kodeLayananWajib: boolean };
}

const post = (kode: string, body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: `/api/public/skm/${kode}`, payload: body });

/** A fresh visitor (no device token): opens the page, solves the challenge, waits, sends. */
async function ballot(kode: string, jawaban = all(1), extra: Record<string, unknown> = {}) {
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

async function respondents(kode: string) {
  const { client } = await loggedIn(ctx, 'admin', '32.73');
  const res = await client.request('GET', `/api/skm/${kode}?tahun=2026`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().hasil.respondents as number;
}

describe('SKM anti-abuse: single-use form and proof-of-work', () => {
  it('a form is accepted once: another answer on it -> 409 FORM_USED; the same answer again -> 200 ulang', async () => {
    const kode = '32.73.07.1001';
    const form = await openForm(kode);
    clock.advance(21);
    const body = {
      formToken: form.formToken,
      altcha: await solve(form.altcha),
      idempotencyKey: randomUUID(),
      jawaban: all(4),
    };
    const first = await post(kode, body);
    expect(first.statusCode, first.body).toBe(201);
    expect((await post(kode, body)).json()).toMatchObject({ id: first.json().id, ulang: true });
    for (let i = 0; i < 3; i++) {
      const replay = await post(kode, { ...body, idempotencyKey: randomUUID(), jawaban: all(1) });
      expect(replay.statusCode).toBe(409);
      expect(replay.json().error).toMatchObject({
        code: 'FORM_USED',
        message: expect.stringMatching(/sudah dipakai.*muat ulang/i),
      });
    }
    expect(await respondents(kode)).toBe(1);
  });

  it('no proof-of-work, a wrong one, or one solved for another form -> 400 naming body.altcha', async () => {
    const kode = '32.73.07.1002';
    const a = await openForm(kode);
    const b = await openForm(kode);
    clock.advance(21);
    const solvedA = await solve(a.altcha);
    const base = { formToken: b.formToken, idempotencyKey: randomUUID(), jawaban: all(1) };
    const missing = await post(kode, base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toContain('body.altcha');
    const foreign = await post(kode, { ...base, altcha: solvedA });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('body.altcha');
    const solvedB = await solve(b.altcha);
    const wrong = await post(kode, {
      ...base,
      altcha: { ...solvedB, solution: { ...solvedB.solution, counter: solvedB.solution.counter + 1 } },
    });
    expect(wrong.statusCode).toBe(400);
    // Rewriting the signed data to point at form b breaks the signature.
    const forged = await post(kode, {
      ...base,
      altcha: {
        ...solvedA,
        challenge: {
          ...solvedA.challenge,
          parameters: {
            ...solvedA.challenge.parameters,
            data: { unit: kode, form: tokens.formNonce(b.formToken) as string },
          },
        },
      },
    });
    expect(forged.statusCode).toBe(400);
    expect((await post(kode, { ...base, altcha: solvedB })).statusCode).toBe(201);
    expect(await respondents(kode)).toBe(1);
  });

  it('a device token is not handed out by the page, only with an accepted response', async () => {
    const kode = '32.73.07.1003';
    const form = await openForm(kode);
    expect(form).not.toHaveProperty('deviceToken');
    // The old header is ignored: no way to mint device ids by reloading.
    const res = await ctx.app.inject({ method: 'GET', url: `/api/public/skm/${kode}` });
    expect(res.json()).not.toHaveProperty('deviceToken');
  });
});

describe('SKM anti-abuse: bursts far above a unit’s own baseline are quarantined', () => {
  it('burstLimit: max(minimum, factor x the usual busy hour)', () => {
    const s = { burstMinPerHour: 20, burstFactor: 4 };
    expect(burstLimit({ baseCount: 0, baseHours: 0 }, s)).toBe(20);
    expect(burstLimit({ baseCount: 30, baseHours: 10 }, s)).toBe(20);
    expect(burstLimit({ baseCount: 100, baseHours: 10 }, s)).toBe(40);
    expect(burstLimit({ baseCount: 101, baseHours: 10 }, s)).toBe(41);
  });

  it('a burst: the first 5 count, the rest wait in quarantine for an admin to release or void (audited)', async () => {
    const kode = '32.73.07.1004';
    const statuses: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await ballot(kode);
      expect(res.statusCode, res.body).toBe(201);
      // The visitor is thanked the same either way.
      expect(res.json().pesan).toMatch(/Terima kasih/);
      const [row] = await ctx.database.db
        .select({ status: skmResponses.status })
        .from(skmResponses)
        .where(eq(skmResponses.id, Number(res.json().id)));
      statuses.push(row?.status ?? '');
    }
    expect(statuses).toEqual([...Array(5).fill('diterima'), ...Array(3).fill('karantina')]);
    expect(await respondents(kode)).toBe(5);

    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const summary = await admin.request('GET', '/api/skm/karantina?kode=32.73');
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().items).toContainEqual({
      wilayahKode: kode,
      wilayahNama: expect.any(String),
      jumlah: 3,
    });
    const held = await admin.request('GET', `/api/skm/${kode}/jawaban?tahun=2026&status=karantina`);
    expect(held.json().total).toBe(3);
    const [one, two] = held.json().items as { id: string; status: string; sumber: string }[];
    expect(one).toMatchObject({ status: 'karantina', sumber: 'daring' });

    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    expect(
      (await lurah.request('POST', `/api/skm/jawaban/${one?.id}/lepas`, { alasan: 'Warga memang antre' }))
        .statusCode,
    ).toBe(403);
    expect((await lurah.request('GET', '/api/skm/karantina?kode=32.73')).statusCode).toBe(404);
    const noReason = await admin.request('POST', `/api/skm/jawaban/${one?.id}/lepas`, { alasan: '' });
    expect(noReason.statusCode).toBe(400);
    const released = await admin.request('POST', `/api/skm/jawaban/${one?.id}/lepas`, {
      alasan: 'Pelayanan keliling: warga mengisi bersama-sama',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(
      (await admin.request('POST', `/api/skm/jawaban/${one?.id}/lepas`, { alasan: 'sekali lagi' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await admin.request('POST', `/api/skm/jawaban/${two?.id}/batal`, {
          alasan: 'Lonjakan dari satu sumber',
        })
      ).statusCode,
    ).toBe(200);
    expect(await respondents(kode)).toBe(6);
    const after = await admin.request('GET', `/api/skm/${kode}/jawaban?tahun=2026&status=karantina`);
    expect(after.json().total).toBe(1);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skm.response_released'), eq(auditLog.entityId, String(one?.id))));
    expect(audit).toMatchObject({ reason: 'Pelayanan keliling: warga mengisi bersama-sama' });
    const [voided] = await ctx.database.db
      .select({ status: skmResponses.status })
      .from(skmResponses)
      .where(eq(skmResponses.id, Number(two?.id)));
    expect(voided?.status).toBe('dibatalkan');
  });

  it('a busy unit has a higher limit: 4 x its usual busy hour', async () => {
    const kode = '32.73.07.1005';
    // History: three busy hours of 3 responses each on earlier days -> usual hour 3, limit max(5, 12) = 12.
    const past = (daysAgo: number, n: number) =>
      Array.from({ length: n }, () => ({
        wilayahKode: kode,
        submittedAt: new Date(clock.t - daysAgo * 86_400_000),
        tahun: 2026,
        semester: 1,
        day: new Date(clock.t - daysAgo * 86_400_000).toISOString().slice(0, 10),
        ...all(3),
        idempotencyKey: randomUUID(),
        deviceId: randomUUID(),
      }));
    await ctx.database.db.insert(skmResponses).values([...past(1, 3), ...past(2, 3), ...past(3, 3)]);
    const statuses: string[] = [];
    for (let i = 0; i < 13; i++) {
      const res = await ballot(kode, all(4));
      const [row] = await ctx.database.db
        .select({ status: skmResponses.status })
        .from(skmResponses)
        .where(eq(skmResponses.id, Number(res.json().id)));
      statuses.push(row?.status ?? '');
    }
    expect(statuses.filter((s) => s === 'diterima')).toHaveLength(12);
    expect(statuses.at(-1)).toBe('karantina');
    // An hour later the window has moved on.
    clock.advance(3600);
    const later = await ballot(kode, all(4));
    const [row] = await ctx.database.db
      .select({ status: skmResponses.status })
      .from(skmResponses)
      .where(eq(skmResponses.id, Number(later.json().id)));
    expect(row?.status).toBe('diterima');
  });
});

describe('SKM anti-abuse: kode layanan mode', () => {
  it('when on, only responses with a valid unused code of the unit count; each code once', async () => {
    const kode = '32.73.08.1003';
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const { client: operator } = await loggedIn(ctx, 'operator', kode);
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    // Only an admin switches the mode.
    expect(
      (await lurah.request('PUT', `/api/skm/${kode}/pengaturan`, { tahun: 2026, kodeLayananWajib: true }))
        .statusCode,
    ).toBe(403);
    const on = await admin.request('PUT', `/api/skm/${kode}/pengaturan`, {
      tahun: 2026,
      kodeLayananWajib: true,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ kodeLayananWajib: true, kodeLayanan: { dibuat: 0, dipakai: 0 } });
    expect((await openForm(kode)).kodeLayananWajib).toBe(true);

    const none = await ballot(kode);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('body.kodeLayanan');
    expect(none.json().error.message).toMatch(/kode layanan/);

    // The counter (the unit's operator) makes a batch for printing.
    const batch = await operator.request('POST', `/api/skm/${kode}/kode-layanan`, { jumlah: 3 });
    expect(batch.statusCode, batch.body).toBe(201);
    const codes = (batch.json().items as { kode: string }[]).map((i) => i.kode);
    expect(codes).toHaveLength(3);
    expect(codes.every((c) => /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(c))).toBe(true);
    const { client: otherOperator } = await loggedIn(ctx, 'operator', '32.73.09.1001');
    expect(
      (await otherOperator.request('POST', `/api/skm/${kode}/kode-layanan`, { jumlah: 3 })).statusCode,
    ).toBe(404);

    // Typed as a person would: lower case, no dash.
    const typed = (codes[0] as string).replace('-', '').toLowerCase();
    const ok = await ballot(kode, all(4), { kodeLayanan: typed });
    expect(ok.statusCode, ok.body).toBe(201);
    const reused = await ballot(kode, all(1), { kodeLayanan: codes[0] });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.message).toMatch(/sudah dipakai/);
    const unknown = await ballot(kode, all(1), { kodeLayanan: 'ZZZZ-ZZZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/tidak dikenal/);
    // A code of another unit is not valid here.
    const foreignBatch = await admin.request('POST', '/api/skm/32.73.09.1001/kode-layanan', { jumlah: 1 });
    const foreignCode = foreignBatch.json().items[0].kode;
    expect((await ballot(kode, all(1), { kodeLayanan: foreignCode })).statusCode).toBe(400);
    expect(await respondents(kode)).toBe(1);

    const settings = await operator.request('GET', `/api/skm/${kode}/pengaturan?tahun=2026`);
    expect(settings.json()).toMatchObject({ kodeLayananWajib: true, kodeLayanan: { dibuat: 3, dipakai: 1 } });
    const reprint = await operator.request('GET', `/api/skm/${kode}/kode-layanan/${batch.json().batchId}`);
    expect(reprint.json().items.filter((i: { dipakai: boolean }) => i.dipakai)).toHaveLength(1);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'skm.kode_layanan_created'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('coded responses are never quarantined (the counter served each visitor)', async () => {
    const kode = '32.73.09.1002';
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const batch = await admin.request('POST', `/api/skm/${kode}/kode-layanan`, { jumlah: 8 });
    for (const item of batch.json().items as { kode: string }[]) {
      expect((await ballot(kode, all(4), { kodeLayanan: item.kode })).statusCode).toBe(201);
    }
    expect(await respondents(kode)).toBe(8);
  });
});

describe('SKM anti-abuse: paper questionnaires', () => {
  it('the unit operator or an admin types one in (audited, kertas, counted); others may not', async () => {
    const kode = '32.73.10.1001';
    const { client: operator } = await loggedIn(ctx, 'operator', kode);
    const body = { idempotencyKey: randomUUID(), tanggal: '2026-05-08', jawaban: all(3), layanan: 'KTP' };
    const res = await operator.request('POST', `/api/skm/${kode}/kertas`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect((await operator.request('POST', `/api/skm/${kode}/kertas`, body)).json()).toMatchObject({
      id: res.json().id,
      ulang: true,
    });
    const [row] = await ctx.database.db
      .select()
      .from(skmResponses)
      .where(eq(skmResponses.id, Number(res.json().id)));
    expect(row).toMatchObject({ sumber: 'kertas', status: 'diterima', day: '2026-05-08', semester: 1 });
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'skm.paper_entered'), eq(auditLog.entityId, res.json().id)));
    expect(audit).toBeDefined();
    expect(await respondents(kode)).toBe(1);

    const future = await operator.request('POST', `/api/skm/${kode}/kertas`, {
      ...body,
      idempotencyKey: randomUUID(),
      tanggal: '2026-05-12',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('body.tanggal');
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    expect(
      (await lurah.request('POST', `/api/skm/${kode}/kertas`, { ...body, idempotencyKey: randomUUID() }))
        .statusCode,
    ).toBe(403);
    const { client: otherOperator } = await loggedIn(ctx, 'operator', '32.73.10.1002');
    expect(
      (
        await otherOperator.request('POST', `/api/skm/${kode}/kertas`, {
          ...body,
          idempotencyKey: randomUUID(),
        })
      ).statusCode,
    ).toBe(404);
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    expect(
      (await admin.request('POST', `/api/skm/${kode}/kertas`, { ...body, idempotencyKey: randomUUID() }))
        .statusCode,
    ).toBe(201);
    const list = await admin.request('GET', `/api/skm/${kode}/jawaban?tahun=2026`);
    expect(list.json().items.every((i: { sumber: string }) => i.sumber === 'kertas')).toBe(true);
  });
});
