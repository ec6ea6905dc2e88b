import type { User } from '@sip/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { importWilayah } from '../wilayah/wilayah.import';
import { createWilayahRepo } from '../wilayah/wilayah.repo';

/** Issue 16, item 7: the admin sees which accounts wrong passwords have locked, and lifts the lock. */

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestApp({
    LOCKOUT_THRESHOLD: '3',
    LOCKOUT_MINUTES: '15',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  await importWilayah({ db: ctx.database.db, repo: createWilayahRepo(ctx.database.db) }, '32.04');
  admin = (await loggedIn(ctx, 'admin', '32.73')).client;
});
afterAll(() => ctx?.close());

/** Three wrong passwords for `username` from `address`: that address now waits. */
async function lockFrom(username: string, address: string) {
  const client = new TestClient(ctx.app, address);
  for (let i = 0; i < 3; i++) {
    expect((await client.login(username, 'Salah-Tebak-Sandi-0')).statusCode).toBe(401);
  }
  expect((await client.login(username, 'Salah-Tebak-Sandi-0')).statusCode).toBe(423);
}

const listed = async (query: string) =>
  (await admin.request('GET', `/api/users?pageSize=100&${query}`)).json().items as User[];
const audits = (entityId: string, action: string) =>
  ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe('locked accounts', () => {
  it('are listed with until when and from how many addresses; the admin unlocks them, audited', async () => {
    const { user, client: own } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const calm = await ctx.createUser({ role: 'lurah', wilayahKode: '32.73.02.1004' });
    const before = Date.now();
    await lockFrom(user.username, '10.1.0.1');
    await lockFrom(user.username, '10.1.0.2');

    const shown = (await listed(`q=${user.username}`)).find((u) => u.id === user.id);
    expect(shown?.lock?.addresses).toBe(2);
    const until = new Date(shown?.lock?.until ?? 0).getTime();
    expect(until).toBeGreaterThan(before + 14 * 60_000);
    expect(until).toBeLessThan(Date.now() + 16 * 60_000);
    expect((await listed(`q=${calm.username}`))[0]?.lock).toBeNull();

    // The "Terkunci" filter holds the locked account and not the calm one.
    const locked = (await listed('status=terkunci')).map((u) => u.username);
    expect(locked).toContain(user.username);
    expect(locked).not.toContain(calm.username);

    // The person's own session is untouched; the lock is only on signing in from those addresses.
    expect((await own.request('GET', '/api/auth/me')).statusCode).toBe(200);

    const res = await admin.request('POST', `/api/users/${user.id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lock).toBeNull();
    expect((await listed('status=terkunci')).map((u) => u.username)).not.toContain(user.username);
    const [row] = await audits(user.id, 'user.unlocked');
    expect(row?.before).toMatchObject({ lock: { addresses: 2, until: shown?.lock?.until } });
    expect(row?.after).toEqual({ lock: null });

    // Both addresses may sign in again, and the count starts afresh (one wrong guess does not re-lock).
    const back = new TestClient(ctx.app, '10.1.0.1');
    expect((await back.login(user.username, 'Salah-Tebak-Sandi-0')).statusCode).toBe(401);
    expect((await back.login(user.username, user.password)).statusCode).toBe(200);
    expect((await new TestClient(ctx.app, '10.1.0.2').login(user.username, user.password)).statusCode).toBe(
      200,
    );

    // Nothing left to unlock: said so, not audited twice.
    expect((await admin.request('POST', `/api/users/${user.id}/unlock`)).statusCode).toBe(409);
    expect(await audits(user.id, 'user.unlocked')).toHaveLength(1);
  });

  it('a lock on the password change (by account, not by name) is shown and lifted too', async () => {
    const { user, client } = await loggedIn(ctx, 'operator', '32.73.02.1004');
    for (let i = 0; i < 3; i++) {
      const res = await client.request('POST', '/api/auth/change-password', {
        currentPassword: 'Salah-Tebak-Sandi-0',
        newPassword: 'Layang-Kabut-Sungai-Cemara-74',
      });
      expect(res.statusCode).toBe(400);
    }
    expect((await listed(`q=${user.username}`))[0]?.lock?.addresses).toBe(1);
    expect((await admin.request('POST', `/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    const res = await client.request('POST', '/api/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'Layang-Kabut-Sungai-Cemara-74',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("an admin's password reset lifts the lock, and says so in the audit log", async () => {
    const { user } = await loggedIn(ctx, 'camat', '32.73.02');
    await lockFrom(user.username, '10.2.0.1');
    const current = (await listed(`q=${user.username}`))[0] as User;
    expect(current.lock?.addresses).toBe(1);

    const reset = await admin.request('POST', `/api/users/${user.id}/reset-password`, {
      version: current.version,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().user.lock).toBeNull();
    const fresh = reset.json().temporaryPassword as string;
    expect((await new TestClient(ctx.app, '10.2.0.1').login(user.username, fresh)).statusCode).toBe(200);
    const [row] = await audits(user.id, 'user.password_reset');
    expect(row?.before).toMatchObject({ lock: { addresses: 1 } });
    expect(row?.after).toMatchObject({ mustChangePassword: true, lock: null });
  });

  it('only an admin of the same pemda may unlock', async () => {
    const { user } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    await lockFrom(user.username, '10.3.0.1');
    const foreign = (await loggedIn(ctx, 'admin', '32.04')).client;
    expect((await foreign.request('POST', `/api/users/${user.id}/unlock`)).statusCode).toBe(404);
    const camat = (await loggedIn(ctx, 'camat', '32.73.02')).client;
    // A camat may not manage accounts (404: user:manage does not even reveal the account).
    expect((await camat.request('POST', `/api/users/${user.id}/unlock`)).statusCode).toBe(404);
    expect((await listed(`q=${user.username}`))[0]?.lock?.addresses).toBe(1);
    expect(await audits(user.id, 'user.unlocked')).toHaveLength(0);
  });
});
