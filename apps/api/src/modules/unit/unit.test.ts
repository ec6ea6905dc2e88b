import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx?.close());

const profile = {
  alamatKantor: 'Jl. Ir. H. Juanda No. 1',
  telepon: '(022) 2500000',
  email: '',
  jamPelayanan: 'Senin–Jumat 08.00–16.00',
};

describe('unit profiles and their authorization', () => {
  it('a lurah reads and edits his own kelurahan, with an audit row', async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const read = await client.request('GET', '/api/unit/32.73.02.1004');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ nama: 'Dago', indukNama: 'Coblong', canEdit: true, version: 0 });
    const saved = await client.request('PUT', '/api/unit/32.73.02.1004/profil', { ...profile, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...profile, version: 1 });
    const [row] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'unit.profile_updated'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({ entityId: '32.73.02.1004', after: profile });
  });

  it("a lurah cannot read or write another kelurahan's data: 404, and nothing changes", async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.01.1001');
    const read = await client.request('GET', '/api/unit/32.73.02.1004');
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('Dago');
    const write = await client.request('PUT', '/api/unit/32.73.02.1004/profil', {
      ...profile,
      telepon: '0',
      version: 1,
    });
    expect(write.statusCode).toBe(404);
    const { client: owner } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    expect((await owner.request('GET', '/api/unit/32.73.02.1004')).json().telepon).toBe(profile.telepon);
  });

  it('an operator reads his unit but may not do what only a lurah may (403)', async () => {
    const { client } = await loggedIn(ctx, 'operator', '32.73.02.1004');
    const read = await client.request('GET', '/api/unit/32.73.02.1004');
    expect(read.statusCode).toBe(200);
    expect(read.json().canEdit).toBe(false);
    const write = await client.request('PUT', '/api/unit/32.73.02.1004/profil', { ...profile, version: 1 });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
    expect((await client.request('GET', '/api/unit/32.73.01.1001')).statusCode).toBe(404);
  });

  it('a camat reads the kelurahan under him but edits only his kecamatan', async () => {
    const { client } = await loggedIn(ctx, 'camat', '32.73.02');
    expect((await client.request('GET', '/api/unit/32.73.02.1004')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/unit/32.73.01.1001')).statusCode).toBe(404);
    expect(
      (await client.request('PUT', '/api/unit/32.73.02.1004/profil', { ...profile, version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await client.request('PUT', '/api/unit/32.73.02/profil', { ...profile, version: 0 })).statusCode,
    ).toBe(200);
  });

  it('a stale version gets 409 and never overwrites', async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1005');
    const first = await client.request('PUT', '/api/unit/32.73.02.1005/profil', { ...profile, version: 0 });
    expect(first.statusCode).toBe(200);
    const stale = await client.request('PUT', '/api/unit/32.73.02.1005/profil', {
      ...profile,
      telepon: '111',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'STALE',
      message: expect.stringContaining('Muat ulang'),
    });
    expect((await client.request('GET', '/api/unit/32.73.02.1005')).json()).toMatchObject({
      telepon: profile.telepon,
      version: 1,
    });
  });

  it('two saves racing on the same version: exactly one wins', async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1006');
    const results = await Promise.all(
      ['081', '082'].map((telepon) =>
        client.request('PUT', '/api/unit/32.73.02.1006/profil', { ...profile, telepon, version: 0 }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('validates the body and names the field', async () => {
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1003');
    const res = await client.request('PUT', '/api/unit/32.73.02.1003/profil', {
      ...profile,
      email: 'bukan-email',
      version: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.email' })]);
    const notUnit = await client.request('GET', '/api/unit/32.73');
    expect(notUnit.statusCode).toBe(404);
  });

  it('the audit log is admin-only, scoped to the pemda, and append-only in the database', async () => {
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const res = await admin.request('GET', '/api/audit?entity=unit');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    const { client: lurah } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    expect((await lurah.request('GET', '/api/audit')).statusCode).toBe(404);
    const causeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: Error) => String((e.cause as Error)?.message ?? e.message),
      );
    expect(await causeOf(ctx.database.db.update(auditLog).set({ action: 'dihapus' }))).toMatch(/append-only/);
    expect(await causeOf(ctx.database.db.delete(auditLog))).toMatch(/append-only/);
  });
});
