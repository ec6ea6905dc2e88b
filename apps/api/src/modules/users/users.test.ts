import type { User } from '@sip/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { users as usersTable } from '../../db/schema/auth';
import { importWilayah } from '../wilayah/wilayah.import';
import { createWilayahRepo } from '../wilayah/wilayah.repo';

let ctx: TestContext;
let admin: TestClient;
let adminId: string;
let otherAdmin: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  await importWilayah({ db: ctx.database.db, repo: createWilayahRepo(ctx.database.db) }, '32.04');
  const a = await loggedIn(ctx, 'admin', '32.73');
  admin = a.client;
  adminId = a.user.id;
  otherAdmin = (await loggedIn(ctx, 'admin', '32.04')).client;
});
afterAll(() => ctx?.close());

// A valid NIP: born 1985-03-12, TMT 2010-01, male, serial 003.
const NIP = '198503122010011003';
let n = 0;
const uniq = (p: string) => `${p}.${++n}.${Math.random().toString(36).slice(2, 6)}`;

async function createUser(
  body: Partial<{ username: string; namaLengkap: string; nip: string | null; roles: object[] }> = {},
) {
  const res = await admin.request('POST', '/api/users', {
    username: uniq('pengguna'),
    namaLengkap: 'Siti Rahmawati',
    nip: null,
    roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { user: User; temporaryPassword: string };
}
const put = (u: User, patch: object, client = admin) =>
  client.request('PUT', `/api/users/${u.id}`, {
    version: u.version,
    namaLengkap: u.namaLengkap,
    nip: u.nip,
    active: u.active,
    roles: u.roles.map((r) => ({ role: r.role, wilayahKode: r.wilayahKode })),
    ...patch,
  });
const audits = (entityId: string, action: string) =>
  ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe('creating and editing users', () => {
  it('creates a user with a temporary password that must be changed at first login, audited', async () => {
    const username = uniq('lurah');
    const { user, temporaryPassword } = await createUser({ username, nip: NIP });
    expect(user).toMatchObject({ username, nip: NIP, active: true, mustChangePassword: true });
    expect(user.roles).toEqual([
      expect.objectContaining({ role: 'lurah', wilayahKode: '32.73.02.1004', wilayahNama: 'Dago' }),
    ]);
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const login = await new TestClient(ctx.app).login(username, temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const [row] = await audits(user.id, 'user.created');
    expect(row?.after).toMatchObject({ username, nip: NIP });
  });

  it('refuses a bad NIP, a taken username and a role outside the pemda or at the wrong level', async () => {
    const bad = await admin.request('POST', '/api/users', {
      username: uniq('x'),
      namaLengkap: 'Budi Santoso',
      nip: '12345',
      roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/NIP harus 18 digit angka/);
    const reversed = await admin.request('POST', '/api/users', {
      username: uniq('x'),
      namaLengkap: 'Budi \u202Eotnas',
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }],
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/karakter pengatur arah teks/);
    const { user } = await createUser();
    const taken = await admin.request('POST', '/api/users', {
      username: user.username,
      namaLengkap: 'Budi Santoso',
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }],
    });
    expect(taken.statusCode).toBe(409);
    const outside = await admin.request('POST', '/api/users', {
      username: uniq('y'),
      namaLengkap: 'Budi Santoso',
      nip: null,
      roles: [{ role: 'camat', wilayahKode: '32.04.01' }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toMatch(/di luar pemda Anda/);
    const level = await admin.request('POST', '/api/users', {
      username: uniq('z'),
      namaLengkap: 'Budi Santoso',
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: '32.73.02' }],
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.message).toMatch(
      /peran lurah hanya dapat diberikan pada kelurahan\/desa, bukan kecamatan Coblong/i,
    );
    const unknown = await admin.request('POST', '/api/users', {
      username: uniq('w'),
      namaLengkap: 'Budi Santoso',
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: '32.73.02.9999' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/32\.73\.02\.9999 tidak dikenal/);
  });

  it('edits name and roles (audited) with a version check', async () => {
    const { user } = await createUser();
    const res = await put(user, {
      namaLengkap: 'Siti Rahmawati, S.Sos.',
      roles: [
        { role: 'lurah', wilayahKode: '32.73.02.1005' },
        { role: 'operator', wilayahKode: '32.73.02.1005' },
      ],
      reason: 'Mutasi ke Lebakgede',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .roles.map((r: { wilayahKode: string; role: string }) => `${r.role}@${r.wilayahKode}`)
        .sort(),
    ).toEqual(['lurah@32.73.02.1005', 'operator@32.73.02.1005']);
    const [roles] = await audits(user.id, 'user.roles_changed');
    expect(roles).toMatchObject({
      before: { roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }] },
      reason: 'Mutasi ke Lebakgede',
    });
    expect(await audits(user.id, 'user.updated')).toHaveLength(1);
    const stale = await put(user, { namaLengkap: 'Versi lama' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    expect((await admin.request('GET', `/api/users/${user.id}`)).json().namaLengkap).toBe(
      'Siti Rahmawati, S.Sos.',
    );
  });

  it('disabling revokes the sessions at once, and the admin cannot disable himself', async () => {
    const { user, temporaryPassword } = await createUser();
    const victim = new TestClient(ctx.app);
    expect((await victim.login(user.username, temporaryPassword)).statusCode).toBe(200);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const res = await put(user, { active: false, reason: 'Pensiun' });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await victim.request('POST', '/api/auth/refresh')).statusCode).toBe(401);
    expect((await new TestClient(ctx.app).login(user.username, temporaryPassword)).statusCode).toBe(403);
    const [row] = await audits(user.id, 'user.disabled');
    expect(row).toMatchObject({ before: { active: true }, after: { active: false }, reason: 'Pensiun' });

    const me = (await admin.request('GET', `/api/users/${adminId}`)).json();
    const self = await put(me, { active: false });
    expect(self.statusCode).toBe(409);
    const demote = await put(me, { roles: [{ role: 'analis', wilayahKode: '32.73' }] });
    expect(demote.statusCode).toBe(409);
  });

  it('reset password: a new temporary password, old one dead, sessions ended, must change', async () => {
    const { user, temporaryPassword } = await createUser();
    const session = new TestClient(ctx.app);
    await session.login(user.username, temporaryPassword);
    const res = await admin.request('POST', `/api/users/${user.id}/reset-password`, {
      version: user.version,
    });
    expect(res.statusCode).toBe(200);
    const fresh = res.json().temporaryPassword as string;
    expect(fresh).not.toBe(temporaryPassword);
    expect((await session.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await new TestClient(ctx.app).login(user.username, temporaryPassword)).statusCode).toBe(401);
    const again = await new TestClient(ctx.app).login(user.username, fresh);
    expect(again.json().user.mustChangePassword).toBe(true);
    expect(await audits(user.id, 'user.password_reset')).toHaveLength(1);
    const [db] = await ctx.database.db.select().from(usersTable).where(eq(usersTable.id, user.id));
    expect(db?.passwordHash).not.toContain(fresh);
  });
});

describe('the users list', () => {
  it('searches, sorts and paginates in the database, only within the pemda', async () => {
    const tag = uniq('cari').replace(/\./g, '');
    for (const nama of ['Cecep', 'Asep', 'Budi']) {
      await createUser({ username: `${tag}.${nama.toLowerCase()}`, namaLengkap: `${nama} ${tag}` });
    }
    const page1 = await admin.request(
      'GET',
      `/api/users?q=${tag}&sort=namaLengkap&order=asc&pageSize=2&page=1`,
    );
    expect(page1.statusCode).toBe(200);
    expect(page1.json().total).toBe(3);
    expect(page1.json().items.map((u: User) => u.namaLengkap.split(' ')[0])).toEqual(['Asep', 'Budi']);
    const page2 = await admin.request(
      'GET',
      `/api/users?q=${tag}&sort=namaLengkap&order=asc&pageSize=2&page=2`,
    );
    expect(page2.json().items.map((u: User) => u.namaLengkap.split(' ')[0])).toEqual(['Cecep']);
    const desc = await admin.request('GET', `/api/users?q=${tag}&sort=username&order=desc`);
    expect(desc.json().items[0].username).toBe(`${tag}.cecep`);
    const other = await otherAdmin.request('GET', `/api/users?q=${tag}`);
    expect(other.json().total).toBe(0);
    expect((await admin.request('GET', '/api/users?sort=password')).statusCode).toBe(400);
  });
});

describe('CSV import and export', () => {
  it('imports a ;-separated CSV with several roles per username', async () => {
    const a = uniq('imp');
    const b = uniq('imp');
    const csv = [
      'username;nama_lengkap;nip;peran;kode_wilayah',
      `${a};Dewi Lestari;${NIP.replace('003', '004')};camat;32.73.02`,
      `${a};Dewi Lestari;${NIP.replace('003', '004')};verifikator;32.73.02`,
      `${b};Agus Salim;;operator;32.73.02.1004`,
    ].join('\r\n');
    const dry = await admin.request('POST', '/api/users/import', { csv, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 3 });
    expect((await admin.request('GET', `/api/users?q=${a}`)).json().total).toBe(0);
    const res = await admin.request('POST', '/api/users/import', { csv });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.users).toHaveLength(2);
    expect(body.users[0]).toMatchObject({ username: a, roles: 2, temporaryPassword: expect.any(String) });
    const made = (await admin.request('GET', `/api/users?q=${a}`)).json().items[0];
    expect(made.roles).toHaveLength(2);
    expect(made.mustChangePassword).toBe(true);
  });

  it('accepts , as separator too', async () => {
    const u = uniq('koma');
    const csv = `username,nama_lengkap,nip,peran,kode_wilayah\n${u},"Rina, S.E.",,lurah,32.73.02.1003\n`;
    const res = await admin.request('POST', '/api/users/import', { csv });
    expect(res.statusCode, res.body).toBe(200);
    expect((await admin.request('GET', `/api/users?q=${u}`)).json().items[0].namaLengkap).toBe('Rina, S.E.');
  });

  it('imports nothing if any row is wrong, and lists each bad row and why', async () => {
    const ok = uniq('baik');
    const { user: existing } = await createUser();
    const csv = [
      'username;nama_lengkap;nip;peran;kode_wilayah',
      `${ok};Pengguna Baik;;lurah;32.73.02.1004`,
      `${uniq('nip')};Pengguna NIP;12345;lurah;32.73.02.1004`,
      `${uniq('kode')};Pengguna Kode;;lurah;32.73.99.9999`,
      `${uniq('peran')};Pengguna Peran;;kepala;32.73.02.1004`,
      `${existing.username};Sudah Ada;;lurah;32.73.02.1004`,
      `${uniq('luar')};Pengguna Luar;;camat;32.04.01`,
    ].join('\n');
    const res = await admin.request('POST', '/api/users/import', { csv });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.message).toMatch(/CSV tidak diimpor: 5 baris salah/);
    expect(error.details).toEqual([
      { baris: 3, pesan: 'Baris 3: NIP harus 18 digit angka' },
      { baris: 4, pesan: 'Baris 4: kode wilayah 32.73.99.9999 tidak dikenal' },
      { baris: 5, pesan: expect.stringMatching(/^Baris 5: peran "kepala" tidak dikenal/) },
      { baris: 6, pesan: expect.stringMatching(/^Baris 6: username ".*" sudah terdaftar/) },
      {
        baris: 7,
        pesan: expect.stringMatching(/^Baris 7: kode wilayah 32\.04\.01 berada di luar pemda Anda/),
      },
    ]);
    expect((await admin.request('GET', `/api/users?q=${ok}`)).json().total).toBe(0);
  });

  it('reports a missing header, inconsistent rows and duplicates', async () => {
    const missing = await admin.request('POST', '/api/users/import', { csv: 'username;nama\nbudi;Budi\n' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].pesan).toMatch(
      /kolom nama_lengkap, peran, kode_wilayah tidak ada/,
    );
    const u = uniq('dup');
    const csv = [
      'username;nama_lengkap;nip;peran;kode_wilayah',
      `${u};Nama Satu;;lurah;32.73.02.1004`,
      `${u};Nama Dua;;operator;32.73.02.1004`,
      `${u};Nama Satu;;lurah;32.73.02.1004`,
    ].join('\n');
    const res = await admin.request('POST', '/api/users/import', { csv });
    expect(res.json().error.details.map((d: { baris: number }) => d.baris)).toEqual([3, 4]);
  });

  it('exports the pemda users as CSV that imports back, neutralising formulas', async () => {
    await createUser({ namaLengkap: '=HYPERLINK("http://jahat")' });
    const res = await admin.request('GET', '/api/users/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/pengguna-32\.73\.csv/);
    const text = res.body.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('username;nama_lengkap;nip;peran;kode_wilayah;nama_wilayah;status');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(';lurah;32.73.02.1004;Dago;aktif');
    expect((await otherAdmin.request('GET', '/api/users/export.csv')).body).not.toContain('32.73.02.1004');
  });
});

describe('authorization', () => {
  it('an admin of another pemda gets 404 on our users and changes nothing', async () => {
    const { user } = await createUser();
    expect((await otherAdmin.request('GET', `/api/users/${user.id}`)).statusCode).toBe(404);
    expect((await put(user, { active: false }, otherAdmin)).statusCode).toBe(404);
    expect(
      (await otherAdmin.request('POST', `/api/users/${user.id}/reset-password`, { version: user.version }))
        .statusCode,
    ).toBe(404);
    expect((await admin.request('GET', `/api/users/${user.id}`)).json().active).toBe(true);
  });

  it('non-admins may not know the users module exists (404)', async () => {
    for (const [role, kode] of [
      ['verifikator', '32.73'],
      ['analis', '32.73'],
      ['camat', '32.73.02'],
    ] as const) {
      const { client } = await loggedIn(ctx, role, kode);
      expect((await client.request('GET', '/api/users')).statusCode, role).toBe(404);
      expect((await client.request('POST', '/api/users/import', { csv: 'a' })).statusCode, role).toBe(404);
    }
  });
});

describe('audit log viewer', () => {
  it('filters by actor, entity, action and date and offers the facets', async () => {
    const { user } = await createUser();
    await put(user, { active: false });
    const me = (await admin.request('GET', `/api/users/${adminId}`)).json() as User;
    const facets = await admin.request('GET', '/api/audit/facets');
    expect(facets.statusCode).toBe(200);
    expect(facets.json().actions).toEqual(expect.arrayContaining(['user.created', 'user.disabled']));
    expect(facets.json().actors).toContain(me.username);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const res = await admin.request(
      'GET',
      `/api/audit?action=user.disabled&entity=user&actor=${me.username}&from=${today}&to=${today}`,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { action: string }) => i.action === 'user.disabled')).toBe(true);
    expect(items[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    const other = await otherAdmin.request('GET', '/api/audit?action=user.disabled');
    expect(other.json().items.every((i: { actorUsername: string }) => i.actorUsername !== me.username)).toBe(
      true,
    );
  });
});
