import { BACKGROUND_REQUEST_HEADER } from '@sip/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { users } from '../../db/schema/auth';
import type { Clock } from '../../lib/clock';
import { totpCode } from './totp';

/** A clock the test moves: TOTP steps and idle minutes without waiting. */
let at = new Date('2026-03-02T02:00:00Z');
const clock: Clock = { now: () => new Date(at) };
const advance = (ms: number) => {
  at = new Date(at.getTime() + ms);
};

let ctx: TestContext;
let strict: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ LOCKOUT_THRESHOLD: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  strict = await ctx.variant(
    { REQUIRE_TOTP_ROLES: 'admin', LOCKOUT_THRESHOLD: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    { clock },
  );
});
afterAll(() => ctx?.close());

async function auditActions(userId: string) {
  const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, userId));
  return rows.map((r) => r.action);
}

/** Enrols TOTP for a signed-in client; returns the secret and the recovery codes. */
async function enrol(client: TestClient) {
  const started = await client.request('POST', '/api/auth/totp/enrol');
  expect(started.statusCode, started.body).toBe(200);
  const { secret, uri, qrSvg } = started.json() as { secret: string; uri: string; qrSvg: string };
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  expect(qrSvg).toMatch(/^<svg/);
  const confirmed = await client.request('POST', '/api/auth/totp/confirm', {
    code: totpCode(secret, clock.now()),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  advance(30_000);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe('TOTP enrolment', () => {
  it('is active only after a right code; the secret is stored encrypted; audited', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const client = new TestClient(ctx.app);
    await client.login(u.username, u.password);
    const started = (await client.request('POST', '/api/auth/totp/enrol')).json();
    expect((await client.request('GET', '/api/auth/totp')).json()).toMatchObject({ enabled: false });
    const wrong = await client.request('POST', '/api/auth/totp/confirm', {
      code: '000000' === totpCode(started.secret, clock.now()) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await client.request('POST', '/api/auth/totp/confirm', {
      code: totpCode(started.secret, clock.now()),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recoveryCodes).toHaveLength(10);
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row?.totpSecret).toBeTruthy();
    expect(row?.totpSecret).not.toContain(started.secret);
    expect(row?.totpPendingSecret).toBeNull();
    expect((await client.request('GET', '/api/auth/me')).json()).toMatchObject({ totpEnabled: true });
    expect(await auditActions(u.id)).toEqual(
      expect.arrayContaining(['auth.totp_failed', 'auth.totp_enrolled']),
    );
  });
});

describe('login with TOTP', () => {
  it('the password alone gives a challenge, not a session; the code completes it once', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const first = new TestClient(ctx.app);
    await first.login(u.username, u.password);
    const { secret } = await enrol(first);

    const client = new TestClient(ctx.app);
    const step1 = await client.login(u.username, u.password);
    expect(step1.statusCode).toBe(200);
    expect(step1.json()).toMatchObject({ totpRequired: true });
    expect(client.cookies.has('sip_at')).toBe(false);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);

    const code = totpCode(secret, clock.now());
    const step2 = await client.request('POST', '/api/auth/login/totp', {
      challenge: step1.json().challenge,
      code,
    });
    expect(step2.statusCode, step2.body).toBe(200);
    expect(step2.json().user.username).toBe(u.username);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);

    // The same code again (an observer replaying it) is refused.
    const other = new TestClient(ctx.app);
    const again = await other.login(u.username, u.password);
    const replay = await other.request('POST', '/api/auth/login/totp', {
      challenge: again.json().challenge,
      code,
    });
    expect(replay.statusCode).toBe(401);
  });

  it('a challenge expires after 5 minutes and a forged one is refused', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const first = new TestClient(ctx.app);
    await first.login(u.username, u.password);
    const { secret } = await enrol(first);
    const client = new TestClient(ctx.app);
    const { challenge } = (await client.login(u.username, u.password)).json();
    const forged = `${challenge.split('.')[0]}.${'A'.repeat(43)}`;
    expect(
      (
        await client.request('POST', '/api/auth/login/totp', {
          challenge: forged,
          code: totpCode(secret, clock.now()),
        })
      ).statusCode,
    ).toBe(401);
    advance(5 * 60_000 + 1000);
    const late = await client.request('POST', '/api/auth/login/totp', {
      challenge,
      code: totpCode(secret, clock.now()),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.details).toEqual({ reason: 'CHALLENGE_EXPIRED' });
  });

  it('wrong codes are throttled like passwords and audited; a recovery code works once', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const first = new TestClient(ctx.app);
    await first.login(u.username, u.password);
    const { secret, recoveryCodes } = await enrol(first);
    const client = new TestClient(ctx.app, '10.9.9.9');
    const { challenge } = (await client.login(u.username, u.password)).json();
    const right = totpCode(secret, clock.now());
    const wrong = right === '123456' ? '654321' : '123456';
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await client.request('POST', '/api/auth/login/totp', { challenge, code: wrong })).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 423]);
    expect(
      (await client.request('POST', '/api/auth/login/totp', { challenge, code: right })).statusCode,
    ).toBe(423);
    expect((await auditActions(u.id)).filter((a) => a === 'auth.totp_failed').length).toBe(3);

    const elsewhere = new TestClient(ctx.app, '10.8.8.8');
    const c2 = (await elsewhere.login(u.username, u.password)).json().challenge;
    const recovery = recoveryCodes[0]!.toUpperCase();
    expect(
      (await elsewhere.request('POST', '/api/auth/login/totp', { challenge: c2, code: recovery })).statusCode,
    ).toBe(200);
    const third = new TestClient(ctx.app, '10.7.7.7');
    const c3 = (await third.login(u.username, u.password)).json().challenge;
    expect(
      (await third.request('POST', '/api/auth/login/totp', { challenge: c3, code: recovery })).statusCode,
    ).toBe(401);
    expect(await auditActions(u.id)).toContain('auth.totp_recovery_used');
    expect((await elsewhere.request('GET', '/api/auth/totp')).json().recoveryCodesLeft).toBe(9);
  });

  it('disabling needs the password and a code; audited', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const client = new TestClient(ctx.app);
    await client.login(u.username, u.password);
    const { secret } = await enrol(client);
    const noPassword = await client.request('POST', '/api/auth/totp/disable', {
      password: 'bukan-sandinya',
      code: totpCode(secret, clock.now()),
    });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().error.details[0].path).toBe('password');
    const noCode = await client.request('POST', '/api/auth/totp/disable', {
      password: u.password,
      code: '12345',
    });
    expect(noCode.statusCode).toBe(400);
    const ok = await client.request('POST', '/api/auth/totp/disable', {
      password: u.password,
      code: totpCode(secret, clock.now()),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await client.request('GET', '/api/auth/totp')).json()).toMatchObject({ enabled: false });
    expect((await new TestClient(ctx.app).login(u.username, u.password)).json().user.username).toBe(
      u.username,
    );
    expect(await auditActions(u.id)).toContain('auth.totp_disabled');
  });
});

describe('TOTP required for admins (REQUIRE_TOTP_ROLES=admin)', () => {
  it('an admin without TOTP gets only who-am-I, enrolment, password change and logout, until enrolled', async () => {
    const u = await ctx.createUser({ role: 'admin', wilayahKode: '32.73' });
    const client = new TestClient(strict.app);
    expect((await client.login(u.username, u.password)).json().user.mustEnrolTotp).toBe(true);
    for (const url of ['/api/users', '/api/audit', '/api/notifications']) {
      const res = await client.request('GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.details).toEqual({ reason: 'TOTP_ENROLMENT_REQUIRED' });
    }
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    await enrol(client);
    expect((await client.request('GET', '/api/users')).statusCode).toBe(200);
  });

  it('a lurah is not required to', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const client = new TestClient(strict.app);
    expect((await client.login(u.username, u.password)).json().user.mustEnrolTotp).toBe(false);
    expect((await client.request('GET', '/api/notifications')).statusCode).toBe(200);
  });
});

describe('idle timeout', () => {
  it('an admin session ends after SESSION_IDLE_MINUTES_ADMIN without a request; a lurah lasts longer', async () => {
    const idle = await ctx.variant(
      { SESSION_IDLE_MINUTES_ADMIN: '2', SESSION_IDLE_MINUTES: '10' },
      { clock },
    );
    const admin = await ctx.createUser({ role: 'admin', wilayahKode: '32.73' });
    const lurah = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const a = new TestClient(idle.app);
    const l = new TestClient(idle.app);
    await a.login(admin.username, admin.password);
    await l.login(lurah.username, lurah.password);
    expect((await a.request('GET', '/api/auth/me')).json().sessionIdleMinutes).toBe(2);
    expect((await l.request('GET', '/api/auth/me')).json().sessionIdleMinutes).toBe(10);

    // Activity (any request) keeps it alive: 90 s, request, 90 s, refresh.
    advance(90_000);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    advance(90_000);
    expect((await a.request('POST', '/api/auth/refresh')).statusCode).toBe(200);

    advance(3 * 60_000);
    const ended = await a.request('POST', '/api/auth/refresh');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error).toMatchObject({
      message: expect.stringMatching(/tidak aktif/),
      details: { reason: 'SESSION_IDLE' },
    });
    const idleRows = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.session_idle'));
    expect(idleRows.map((r) => r.actorId)).toContain(admin.id);
    expect((await l.request('POST', '/api/auth/refresh')).statusCode).toBe(200);
  });

  it('background requests (polling, and the refresh they cause) are not activity; a request a person makes is', async () => {
    const idle = await ctx.variant(
      { SESSION_IDLE_MINUTES_ADMIN: '2', SESSION_CACHE_SECONDS: '5' },
      { clock },
    );
    const admin = await ctx.createUser({ role: 'admin', wilayahKode: '32.73' });
    const background = { headers: { [BACKGROUND_REQUEST_HEADER]: '1' } };
    const poll = (c: TestClient) =>
      c.request('GET', '/api/notifications/unread-count', undefined, background);

    // A tab left open: polled every minute, its refresh sent as background too -> ends as idle.
    const tab = new TestClient(idle.app);
    await tab.login(admin.username, admin.password);
    for (let i = 0; i < 4; i++) {
      advance(60_000);
      expect((await poll(tab)).statusCode).toBe(200);
    }
    // 4 min without a person's request, although the server answered a poll a moment ago.
    const refused = await tab.request('POST', '/api/auth/refresh', undefined, background);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.details).toEqual({ reason: 'SESSION_IDLE' });

    // The same polling with a person clicking now and then (one click right after a poll, while the
    // session is in the server's cache): alive after the same 4 min, and after a background refresh.
    const person = new TestClient(idle.app);
    await person.login(admin.username, admin.password);
    for (let i = 0; i < 4; i++) {
      advance(60_000);
      expect((await poll(person)).statusCode).toBe(200);
      if (i % 2 === 1) {
        advance(1_000);
        expect((await person.request('GET', '/api/periode')).statusCode).toBe(200);
      }
    }
    advance(30_000);
    expect((await person.request('POST', '/api/auth/refresh', undefined, background)).statusCode).toBe(200);
    // That refresh did not count: 130 s after the last click (100 s after the refresh) it is idle.
    advance(60_000);
    expect((await poll(person)).statusCode).toBe(200);
    advance(40_000);
    expect((await poll(person)).statusCode).toBe(200);
    const ended = await person.request('POST', '/api/auth/refresh', undefined, background);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.details).toEqual({ reason: 'SESSION_IDLE' });
  });
});
