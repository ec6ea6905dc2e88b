// Issue 15, finding 1: anonymous SKM ballot stuffing. A script that opens the public survey afresh
// for every ballot (a new form, no device token, the proof-of-work solved each time) must not move a
// unit's IKM by volume: a form counts once, and a burst far above the unit's own baseline waits in
// quarantine instead of counting.
import { randomUUID } from 'node:crypto';
import { type SkmAltchaChallenge, skmUnsurKeys } from '@sip/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestContext } from '../helpers';
import { solveSkm } from '../skm-ballot';

const KODE = '32.73.11.1001';
const BURST_MIN = 20;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({
    // Production values of the burst rule; the attacker is fast and rotates addresses.
    SKM_BURST_MIN_PER_HOUR: String(BURST_MIN),
    SKM_BURST_FACTOR: '4',
    SKM_BURST_BASELINE_DAYS: '28',
    SKM_MIN_FILL_SECONDS: '0',
    SKM_FORM_MAX_AGE_SECONDS: '7200',
    SKM_POW_MAX_NUMBER: '2000',
    SKM_RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
});
afterAll(() => ctx?.close());

const worst = Object.fromEntries(skmUnsurKeys.map((k) => [k, 1]));

async function openForm() {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/public/skm/${KODE}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { formToken: string; altcha: SkmAltchaChallenge } & Record<string, unknown>;
}

const send = (body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: `/api/public/skm/${KODE}`, payload: body });

async function counted() {
  const { client } = await loggedIn(ctx, 'admin', '32.73');
  const res = await client.request('GET', `/api/skm/${KODE}?tahun=${new Date().getFullYear()}`);
  return res.json().hasil.respondents as number;
}

describe('SKM ballot stuffing', () => {
  it('one form replayed with new keys counts once', async () => {
    const form = await openForm();
    const altcha = await solveSkm(form.altcha);
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await send({
        formToken: form.formToken,
        altcha,
        idempotencyKey: randomUUID(),
        jawaban: worst,
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(29);
    expect(await counted()).toBe(1);
  });

  it('N ballots from fresh page loads do not all count: the burst waits in quarantine', async () => {
    const before = await counted();
    const n = 45;
    for (let i = 0; i < n; i++) {
      const form = await openForm();
      // Opening the page never hands out a device id to rotate.
      expect(form.deviceToken).toBeUndefined();
      const res = await send({
        formToken: form.formToken,
        altcha: await solveSkm(form.altcha),
        idempotencyKey: randomUUID(),
        jawaban: worst,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const after = await counted();
    expect(after - before).toBeLessThan(n);
    expect(after).toBeLessThanOrEqual(BURST_MIN);
    const { client } = await loggedIn(ctx, 'admin', '32.73');
    const held = await client.request('GET', '/api/skm/karantina?kode=32.73');
    expect(held.json().total).toBe(before + n - after);
  });
});
