import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { importWilayah } from './wilayah.import';
import { createWilayahRepo } from './wilayah.repo';

let ctx: TestContext;
let client: TestClient;
beforeAll(async () => {
  ctx = await createTestApp();
  ({ client } = await loggedIn(ctx, 'analis', '32.73'));
});
afterAll(() => ctx?.close());

describe('wilayah', () => {
  it('lists the 30 kecamatan of Kota Bandung with their kelurahan counts', async () => {
    const res = await client.request('GET', '/api/wilayah/32.73/anak');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kode: string; nama: string; level: string; jumlahAnak: number }[];
    expect(items).toHaveLength(30);
    expect(items.every((w) => w.level === 'kecamatan')).toBe(true);
    expect(items.find((w) => w.kode === '32.73.02')).toMatchObject({ nama: 'Coblong', jumlahAnak: 6 });
    expect(items.reduce((n, w) => n + w.jumlahAnak, 0)).toBe(151);
  });

  it('counts the children of the ancestors of an imported regency', async () => {
    const res = await client.request('GET', '/api/wilayah');
    expect(res.json().items).toEqual([
      expect.objectContaining({ kode: '32', nama: 'JAWA BARAT', jumlahAnak: 1 }),
    ]);
  });

  it('gets one wilayah with its path', async () => {
    const res = await client.request('GET', '/api/wilayah/32.73.02.1004');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kode: '32.73.02.1004',
      nama: 'Dago',
      level: 'kelurahan_desa',
      indukKode: '32.73.02',
      jalur: [
        { kode: '32', nama: 'JAWA BARAT', level: 'provinsi' },
        { kode: '32.73', nama: 'KOTA BANDUNG', level: 'kabupaten_kota' },
        { kode: '32.73.02', nama: 'Coblong', level: 'kecamatan' },
      ],
    });
  });

  it('searches by name, within a wilayah and by level; LIKE wildcards are taken literally', async () => {
    const res = await client.request('GET', '/api/wilayah/search?q=dago&dalam=32.73');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ kode: '32.73.02.1004', nama: 'Dago', indukNama: 'Coblong' });
    const kec = await client.request('GET', '/api/wilayah/search?q=co&level=kecamatan&dalam=32.73');
    expect(kec.json().items.map((w: { nama: string }) => w.nama)).toContain('Coblong');
    expect(kec.json().items.every((w: { level: string }) => w.level === 'kecamatan')).toBe(true);
    const wildcard = await client.request('GET', `/api/wilayah/search?q=${encodeURIComponent('%_')}`);
    expect(wildcard.statusCode).toBe(200);
    expect(wildcard.json().items).toEqual([]);
  });

  it('explains bad and unknown codes', async () => {
    const bad = await client.request('GET', '/api/wilayah/32.7x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Kode wilayah tidak valid');
    const unknown = await client.request('GET', '/api/wilayah/32.73.99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('32.73.99');
    const short = await client.request('GET', '/api/wilayah/search?q=a');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('querystring.q');
  });

  it('needs a login', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/wilayah/32.73/anak' });
    expect(res.statusCode).toBe(401);
  });

  it('imports idempotently: a second import of Jawa Barat changes no count and keeps Bandung', async () => {
    const repo = createWilayahRepo(ctx.database.db);
    const first = await importWilayah({ db: ctx.database.db, repo }, '32');
    const total = await repo.count();
    const second = await importWilayah({ db: ctx.database.db, repo }, '32');
    expect(second).toEqual(first);
    expect(await repo.count()).toBe(total);
    expect(first.kabupatenKota).toBe(27);
    expect(total).toBe(1 + first.kabupatenKota + first.kecamatan + first.kelurahanDesa);
    expect((await repo.get('32.73'))?.jumlahAnak).toBe(30);
    await expect(importWilayah({ db: ctx.database.db, repo }, '99')).rejects.toThrow(/does not exist/);
    await expect(importWilayah({ db: ctx.database.db, repo }, 'bandung')).rejects.toThrow(
      /Unknown import target/,
    );
  });
});
