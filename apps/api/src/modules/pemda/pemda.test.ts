import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx?.close());

const bantuan = {
  nama: 'Layanan Bantuan SIP Kinerja',
  telepon: '(022) 4200000',
  whatsapp: '+62 812 0000 0000',
  email: 'bantuan@example.go.id',
  jamLayanan: 'Senin–Jumat 08.00–16.00',
  alamat: 'Bagian Tata Pemerintahan',
};
const publicRead = () => ctx.app.inject({ method: 'GET', url: '/api/public/bantuan?pemda=32.73' });

describe("the pemda's helpdesk contact", () => {
  it('is empty and marked so until the admin sets it; anyone may read it', async () => {
    const res = await publicRead();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      pemdaKode: '32.73',
      pemdaNama: 'KOTA BANDUNG',
      diisi: false,
      version: 0,
    });
  });

  it('the admin sets it (audited), everyone then reads it; a stale version is refused and nothing changes', async () => {
    const { client } = await loggedIn(ctx, 'admin', '32.73');
    const saved = await client.request('PUT', '/api/pemda/32.73/bantuan', { ...bantuan, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...bantuan, diisi: true, version: 1 });
    expect((await publicRead()).json()).toMatchObject({ ...bantuan, diisi: true });
    const [row] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'pemda.bantuan_updated'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({ entityId: '32.73', before: null, after: bantuan });

    const stale = await client.request('PUT', '/api/pemda/32.73/bantuan', {
      ...bantuan,
      telepon: '1',
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('sudah diubah orang lain');
    expect((await publicRead()).json().telepon).toBe(bantuan.telepon);
  });

  it('refuses bad input field by field, in Indonesian', async () => {
    const { client } = await loggedIn(ctx, 'admin', '32.73');
    const res = await client.request('PUT', '/api/pemda/32.73/bantuan', {
      ...bantuan,
      nama: 'x',
      telepon: 'satu dua',
      email: 'bukan-email',
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details as { path: string; message: string }[]).map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['body.nama', 'body.telepon', 'body.email']));
    expect(JSON.stringify(res.json())).toContain('Nomor telepon hanya angka');
  });

  it('only an admin of the pemda may change it; an unknown pemda is 404', async () => {
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.02');
    const res = await camat.request('PUT', '/api/pemda/32.73/bantuan', { ...bantuan, version: 1 });
    expect([403, 404]).toContain(res.statusCode);
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    expect(
      (await admin.request('PUT', '/api/pemda/32.71/bantuan', { ...bantuan, version: 0 })).statusCode,
    ).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/bantuan?pemda=99.99' })).statusCode).toBe(
      404,
    );
  });
});
