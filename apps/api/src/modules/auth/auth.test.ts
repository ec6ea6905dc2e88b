import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, TEST_SECRET, TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { roleAssignments, users } from '../../db/schema/auth';
import { deriveKey } from '../../lib/keys';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ LOCKOUT_THRESHOLD: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(() => ctx?.close());

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function forgeJwt(
  payload: object,
  header: object = { alg: 'HS256', typ: 'JWT' },
  key = deriveKey(TEST_SECRET, 'jwt'),
) {
  const body = `${b64(header)}.${b64(payload)}`;
  const sig = createHmac('sha256', key).update(body).digest('base64url');
  return `${body}.${sig}`;
}
const now = () => Math.floor(Date.now() / 1000);

describe('login', () => {
  it('signs in with the right password and sets httpOnly SameSite cookies', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const client = new TestClient(ctx.app);
    const res = await client.login(u.username, u.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.roles).toEqual([
      expect.objectContaining({ role: 'lurah', wilayahKode: '32.73.02.1004', wilayahNama: 'Dago' }),
    ]);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const access = setCookie.find((c) => c.startsWith('sip_at='));
    const refresh = setCookie.find((c) => c.startsWith('sip_rt='));
    expect(access).toMatch(/HttpOnly/);
    expect(access).toMatch(/SameSite=Lax/);
    expect(refresh).toMatch(/HttpOnly/);
    expect(refresh).toMatch(/SameSite=Strict/);
    expect(refresh).toMatch(/Path=\/api\/auth/);
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe(u.username);
  });

  it('an access token lives exactly ACCESS_TOKEN_TTL_SECONDS, and is refused once expired', async () => {
    const short = await ctx.variant({ ACCESS_TOKEN_TTL_SECONDS: '30' });
    const u = await ctx.createUser({ role: 'analis', wilayahKode: '32.73' });
    const client = new TestClient(short.app);
    await client.login(u.username, u.password);
    const token = client.cookies.get('sip_at')!;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(30);
    // A token past its expiry (same signature key, same session) is refused.
    const expired = forgeJwt({ ...claims, iat: now() - 60, exp: now() - 1 });
    const res = await short.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sip_at: expired } });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a wrong password with an Indonesian message and audits the failure', async () => {
    const u = await ctx.createUser({ role: 'analis', wilayahKode: '32.73' });
    const client = new TestClient(ctx.app);
    const res = await client.login(u.username, 'salah-sekali-123');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('kata sandi salah'),
    });
    const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.actorId, u.id));
    expect(rows.map((r) => r.action)).toContain('auth.login_failed');
  });

  it('refuses an unknown user the same way and audits it', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.login('tidak.ada', 'apa-saja-12345');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('after repeated failures that address waits, even with the right password; another address still signs in', async () => {
    const u = await ctx.createUser({ role: 'analis', wilayahKode: '32.73' });
    const attacker = new TestClient(ctx.app, '203.0.113.7');
    for (let i = 0; i < 3; i++)
      expect((await attacker.login(u.username, `salah-${i}-xxxxxx`)).statusCode).toBe(401);
    const locked = await attacker.login(u.username, u.password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toMatch(
      /Terlalu banyak percobaan kata sandi yang salah dari perangkat ini/,
    );
    expect(locked.headers['retry-after']).toBeDefined();
    // The person himself, from his own office, is not locked out by someone else's guessing.
    const owner = new TestClient(ctx.app, '198.51.100.20');
    expect((await owner.login(u.username, u.password)).statusCode).toBe(200);
    const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.actorId, u.id));
    expect(rows.filter((r) => r.action === 'auth.login_failed')).toHaveLength(3);
    expect(rows.filter((r) => r.action === 'auth.login_refused')).toHaveLength(1);
  });

  it('an unknown username is answered exactly as a known one, lockout included', async () => {
    const u = await ctx.createUser({ role: 'analis', wilayahKode: '32.73' });
    const answers = async (username: string) => {
      const client = new TestClient(ctx.app, '203.0.113.9');
      const out: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await client.login(username, `salah-${i}-xxxxxx`);
        out.push(
          `${res.statusCode} ${res.json().error.code} ${res.json().error.message.replace(/\d+ menit/, 'N menit')}`,
        );
      }
      return out;
    };
    const known = await answers(u.username);
    const unknown = await answers(`tidak.ada.${u.username}`);
    expect(known.at(-1)).toMatch(/^423 ACCOUNT_LOCKED/);
    expect(unknown).toEqual(known);
  });

  it('guessing the current password on a change is locked like a login', async () => {
    const { client, user } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (
          await client.request('POST', '/api/auth/change-password', {
            currentPassword: `tebakan-${i}-xxxx`,
            newPassword: 'Sandi-Baru-Sekali-2026!',
          })
        ).statusCode,
      );
    expect(codes).toEqual([400, 400, 400, 423]);
    // Even the right password waits now, from this address.
    const right = await client.request('POST', '/api/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'Sandi-Baru-Sekali-2026!',
    });
    expect(right.statusCode).toBe(423);
  });

  it('rejects an unknown body field with 400 naming it (no mass assignment)', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.request('POST', '/api/auth/login', {
      username: 'a',
      password: 'b',
      role: 'admin',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.message).toContain('role');
    expect(res.json().error.details[0].path).toBe('body.role');
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const res = await client.request('POST', '/api/auth/logout', undefined, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const forged = await client.request('POST', '/api/auth/logout', undefined, {
      csrf: false,
      headers: { 'x-csrf-token': 'palsu' },
    });
    expect(forged.statusCode).toBe(403);
  });
});

describe('access tokens', () => {
  it('refuses requests without a token', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses alg:none, tampered, wrongly signed, expired and wrong-audience tokens', async () => {
    const { client, user } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const sid = (await ctx.app.jwt.decode<{ sid: string }>(client.cookies.get('sip_at')!))!.sid;
    const claims = { sub: user.id, sid, iss: 'sip-kinerja', aud: 'sip-api', iat: now(), exp: now() + 600 };
    const valid = forgeJwt(claims);
    const cases = {
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
      tampered: (() => {
        const [h, , s] = valid.split('.');
        return `${h}.${b64({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })}.${s}`;
      })(),
      wrongKey: forgeJwt(claims, undefined, 'another-key'),
      expired: forgeJwt({ ...claims, iat: now() - 3600, exp: now() - 1800 }),
      wrongAudience: forgeJwt({ ...claims, aud: 'other-app' }),
    };
    // The forged-but-valid token works: the refusals below are about the token, not the harness.
    const ok = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sip_at: valid } });
    expect(ok.statusCode).toBe(200);
    for (const [name, token] of Object.entries(cases)) {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { sip_at: token } });
      expect(res.statusCode, name).toBe(401);
      const bearer = await ctx.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(bearer.statusCode, `${name} (bearer)`).toBe(401);
    }
  });

  it("refuses a disabled user's token at once", async () => {
    const { client, user } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    await ctx.database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    await expect
      .poll(async () => (await client.request('GET', '/api/auth/me')).statusCode, { timeout: 3000 })
      .toBe(401);
    expect((await client.request('POST', '/api/auth/refresh')).statusCode).toBe(401);
  });
});

describe('session cache', () => {
  it('forgets a cached session as soon as a role is removed in the database, by any instance', async () => {
    const { client, user } = await loggedIn(ctx, 'lurah', '32.73.02.1002');
    // The first request fills the cache with the lurah's roles.
    expect((await client.request('GET', '/api/unit/32.73.02.1002')).statusCode).toBe(200);
    await ctx.database.db.delete(roleAssignments).where(eq(roleAssignments.userId, user.id));
    // PostgreSQL delivers the NOTIFY asynchronously (milliseconds); PGlite at once.
    await expect
      .poll(async () => (await client.request('GET', '/api/unit/32.73.02.1002')).statusCode, {
        timeout: 3000,
      })
      .toBe(404);
  });
});

describe('/api/auth/me', () => {
  it('shows a change to the user made in the database', async () => {
    const { client, user } = await loggedIn(ctx, 'lurah', '32.73.02.1002');
    const first = await client.request('GET', '/api/auth/me');
    expect(first.json().namaLengkap).toBe(`Pengguna ${user.username}`);
    await ctx.database.db.update(users).set({ namaLengkap: 'Nama Baru Sekali' }).where(eq(users.id, user.id));
    await expect
      .poll(async () => (await client.request('GET', '/api/auth/me')).json().namaLengkap, { timeout: 3000 })
      .toBe('Nama Baru Sekali');
  });

  it('a password change is seen at once by the session that made it', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1003' });
    await ctx.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, u.id));
    const a = new TestClient(ctx.app);
    await a.login(u.username, u.password);
    expect((await a.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const ok = await a.request('POST', '/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'Sandi-Lain-2026!',
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(false);
  });
});

describe('sessions', () => {
  it('logout makes the access and the refresh token useless', async () => {
    const { client } = await loggedIn(ctx, 'camat', '32.73.02');
    const access = client.cookies.get('sip_at')!;
    const refresh = client.cookies.get('sip_rt')!;
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    const afterAccess = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { sip_at: access },
    });
    expect(afterAccess.statusCode).toBe(401);
    const replay = new TestClient(ctx.app);
    replay.cookies.set('sip_rt', refresh);
    expect((await replay.request('POST', '/api/auth/refresh')).statusCode).toBe(401);
  });

  it('rotates the refresh token, and a reused one revokes the whole family', async () => {
    const { client } = await loggedIn(ctx, 'camat', '32.73.02');
    const first = client.cookies.get('sip_rt')!;
    const rotated = await client.request('POST', '/api/auth/refresh');
    expect(rotated.statusCode).toBe(200);
    const second = client.cookies.get('sip_rt')!;
    expect(second).not.toBe(first);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);

    const thief = new TestClient(ctx.app);
    thief.cookies.set('sip_rt', first);
    expect((await thief.request('POST', '/api/auth/refresh')).statusCode).toBe(401);
    // The legitimate holder's newer tokens die with the family.
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await client.request('POST', '/api/auth/refresh')).statusCode).toBe(401);
    const audited = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.refresh_reuse'));
    expect(audited.length).toBeGreaterThan(0);
  });

  it('changes the password, ends other sessions and keeps this one', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1005' });
    const a = new TestClient(ctx.app);
    const b = new TestClient(ctx.app);
    await a.login(u.username, u.password);
    await b.login(u.username, u.password);
    const weak = await a.request('POST', '/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'pendek',
    });
    expect(weak.statusCode).toBe(400);
    const common = await a.request('POST', '/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'Bismillah123!',
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.details[0]).toMatchObject({
      path: 'newPassword',
      message: expect.stringMatching(/paling sering dipakai/),
    });
    const guessable = await a.request('POST', '/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'Pemkot-Bandung-2026',
    });
    expect(guessable.statusCode).toBe(400);
    expect(guessable.json().error.message).toMatch(/mudah ditebak/);
    const wrong = await a.request('POST', '/api/auth/change-password', {
      currentPassword: 'bukan-ini-123',
      newPassword: 'Sandi-Baru-2026!',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const ok = await a.request('POST', '/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'Sandi-Baru-2026!',
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await new TestClient(ctx.app).login(u.username, 'Sandi-Baru-2026!')).statusCode).toBe(200);
    expect((await new TestClient(ctx.app).login(u.username, u.password)).statusCode).toBe(401);
  });
});

describe('temporary passwords', () => {
  it('after an admin reset, the API opens only who-am-I, change password and logout until it is changed', async () => {
    const u = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const user = (await admin.request('GET', `/api/users/${u.id}`)).json();
    const reset = await admin.request('POST', `/api/users/${u.id}/reset-password`, { version: user.version });
    expect(reset.statusCode, reset.body).toBe(200);
    const temporary = reset.json().temporaryPassword as string;
    const client = new TestClient(ctx.app);
    expect((await client.login(u.username, temporary)).statusCode).toBe(200);
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    for (const url of ['/api/laporan/unit/32.73.02.1004', '/api/unit/32.73.02.1004', '/api/notifications']) {
      const res = await client.request('GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.details).toEqual({ reason: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const changed = await client.request('POST', '/api/auth/change-password', {
      currentPassword: temporary,
      newPassword: 'Sandi-Baru-Dago-2026!',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await client.request('GET', '/api/laporan/unit/32.73.02.1004')).statusCode).toBe(200);
  });
});
