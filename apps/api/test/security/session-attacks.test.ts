// Session and brute-force attacks beyond src/modules/auth/auth.test.ts (which already covers
// alg:none, tampered/expired/wrong-audience tokens, a disabled user's token, refresh reuse, missing
// CSRF and the lockout): races, forged session ids, a CSRF token of another session, privileges
// changed mid-session, and credential stuffing against the login rate limit. (ASVS 3.3, 3.5, 2.2.)
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit';
import { createTestApp, loggedIn, TestClient, type TestContext } from '../helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(() => ctx?.close());

describe('refresh token race', () => {
  it('two concurrent refreshes with one token: at most one wins, and the family ends', async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const token = client.cookies.get('sip_rt')!;
    const a = new TestClient(ctx.app);
    const b = new TestClient(ctx.app);
    a.cookies.set('sip_rt', token);
    b.cookies.set('sip_rt', token);
    const [ra, rb] = await Promise.all([
      a.request('POST', '/api/auth/refresh'),
      b.request('POST', '/api/auth/refresh'),
    ]);
    const wins = [ra, rb].filter((r) => r.statusCode === 200).length;
    expect(wins).toBeLessThanOrEqual(1);
    expect([ra.statusCode, rb.statusCode].every((s) => s === 200 || s === 401)).toBe(true);
    if (wins === 1) {
      // The loser presented a token that was already rotated: that is reuse, the whole family dies.
      const winner = ra.statusCode === 200 ? a : b;
      expect((await winner.request('GET', '/api/auth/me')).statusCode).toBe(401);
      expect((await winner.request('POST', '/api/auth/refresh')).statusCode).toBe(401);
    }
  });
});

describe('forged and borrowed credentials', () => {
  it('a correctly signed token naming a session that does not exist is refused', async () => {
    const { user } = await loggedIn(ctx, 'admin', '32.73');
    const forged = ctx.app.jwt.sign({ sub: user.id, sid: randomUUID() });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sip_at: forged } });
    expect(res.statusCode).toBe(401);
  });

  it("a correctly signed token pairing one user's session with another user's id is refused", async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const me = (await client.request('GET', '/api/auth/me')).json();
    const admin = await ctx.createUser({ role: 'admin', wilayahKode: '32.73' });
    const claims = ctx.app.jwt.decode<{ sid: string }>(client.cookies.get('sip_at')!)!;
    const forged = ctx.app.jwt.sign({ sub: admin.id, sid: claims.sid });
    expect(me.username).not.toBe(admin.username);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users', cookies: { sip_at: forged } });
    expect(res.statusCode).toBe(401);
  });

  it("a CSRF token of another session does not pass for the victim's cookies", async () => {
    const victim = (await loggedIn(ctx, 'lurah', '32.73.02.1004')).client;
    const attacker = (await loggedIn(ctx, 'lurah', '32.73.02.1004')).client;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      cookies: Object.fromEntries(victim.cookies),
      headers: { 'x-csrf-token': attacker.csrf! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('a role an admin moves mid-session stops working within a moment (no stale privileges)', async () => {
    const { client, user } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    expect((await client.request('GET', '/api/unit/32.73.02.1004')).statusCode).toBe(200);
    const admin = (await loggedIn(ctx, 'admin', '32.73')).client;
    const u = (await admin.request('GET', `/api/users/${user.id}`)).json();
    const moved = await admin.request('PUT', `/api/users/${user.id}`, {
      version: u.version,
      namaLengkap: u.namaLengkap,
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: '32.73.01.1001' }],
      active: true,
      reason: 'pindah tugas',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Sessions are cached per instance and dropped on a database notification (milliseconds on
    // PostgreSQL): allow two seconds, no more.
    let status = 0;
    for (let i = 0; i < 40; i++) {
      status = (await client.request('GET', '/api/unit/32.73.02.1004')).statusCode;
      if (status === 404) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(404);
    expect((await client.request('GET', '/api/unit/32.73.01.1001')).statusCode).toBe(200);
  });

  it("an admin's password reset ends the user's live sessions at once", async () => {
    const { client, user } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const admin = (await loggedIn(ctx, 'admin', '32.73')).client;
    const u = (await admin.request('GET', `/api/users/${user.id}`)).json();
    const reset = await admin.request('POST', `/api/users/${user.id}/reset-password`, { version: u.version });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await client.request('POST', '/api/auth/refresh')).statusCode).toBe(401);
  });
});

describe('brute force', () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await ctx.variant({ LOGIN_RATE_LIMIT_PER_MINUTE: '10' });
  });
  afterAll(() => small?.close());

  it('credential stuffing over many accounts from one address hits the login rate limit; every attempt is audited', async () => {
    const prefix = `korban-${randomUUID().slice(0, 6)}`;
    const attacker = new TestClient(small.app);
    await attacker.fetchCsrf();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await attacker.request('POST', '/api/auth/login', {
        username: `${prefix}-${i}`,
        password: 'Tebakan-123456',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(15).fill(429));
    // Each attempt that reached the password check left one audit row naming the tried username.
    const rows = await small.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'auth.login_failed'),
          sql`${auditLog.after}->>'username' like ${`${prefix}%`}`,
        ),
      );
    expect(rows).toHaveLength(10);
  });
});
