import {
  publicKelurahanSchema,
  publicRankingsSchema,
  publicRaporSchema,
  publicYearsSchema,
  type RaporDetail,
} from '@sip/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { seedDemoPeriode, seedDemoRapor } from '../../demo/seed';
import type { Clock } from '../../lib/clock';

// 25 November 2026, 12:00 WIB: publishing now is early and needs the admin's consent with a reason.
const NOW = new Date('2026-11-25T05:00:00Z');
const clock: Clock = { now: () => NOW };
const PEMDA = '32.73';
const COBLONG = '32.73.02';
const DAGO = '32.73.02.1004';

let ctx: TestContext;
let admin: TestClient;
const get = (url: string) => ctx.app.inject({ method: 'GET', url });

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' }, { clock });
  await seedDemoPeriode(ctx.database.db, PEMDA, 2026, NOW);
  await seedDemoRapor(ctx.database.db, PEMDA, 2026, NOW);
  admin = (await loggedIn(ctx, 'admin', PEMDA)).client;
}, 180_000);
afterAll(() => ctx?.close());

describe('public years and per-unit rapor (no login)', () => {
  it('before publication: no published year, and a unit rapor is 404 in Indonesian', async () => {
    const years = await get(`/api/public/peringkat?pemda=${PEMDA}`);
    expect(years.statusCode).toBe(200);
    expect(publicYearsSchema.parse(years.json())).toEqual({ pemdaKode: PEMDA, tahun: [] });
    const unit = await get(`/api/public/peringkat/2026/unit/${DAGO}?pemda=${PEMDA}`);
    expect(unit.statusCode).toBe(404);
    expect(unit.json().error.message).toBe('Rapor tahun 2026 belum diumumkan.');
  });

  it('after publication: the year is listed and each unit shows exactly its published rapor and IKM', async () => {
    // The camat of Coblong and the lurah of Dago are on record; no other unit has an official.
    const camat = await ctx.createUser({ role: 'camat', wilayahKode: COBLONG });
    const lurah = await ctx.createUser({ role: 'lurah', wilayahKode: DAGO });
    const pub = await admin.request('POST', '/api/rapor/2026/publikasi', {
      reason: 'Pengumuman hasil 2026',
      konfirmasi: true,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const publishedAt = pub.json().revisions[0].publishedAt as string;

    expect((await get(`/api/public/peringkat?pemda=${PEMDA}`)).json().tahun).toEqual([2026]);

    // Officials as on record at publication, on every row; null only where none was.
    const namaOf = async (id: string) =>
      (await admin.request('GET', `/api/users/${id}`)).json().namaLengkap as string;
    const camatNama = await namaOf(camat.id);
    const lurahNama = await namaOf(lurah.id);
    expect(camatNama).toBeTruthy();
    const rankings = publicRankingsSchema.parse((await get('/api/public/peringkat/2026')).json());
    expect(rankings.kecamatan.filter((r) => r.pejabat !== null).map((r) => [r.kode, r.pejabat])).toEqual([
      [COBLONG, camatNama],
    ]);
    const kelurahan = publicKelurahanSchema.parse((await get('/api/public/peringkat/2026/kelurahan')).json());
    expect(kelurahan.rows.filter((r) => r.pejabat !== null).map((r) => [r.kode, r.pejabat])).toEqual([
      [DAGO, lurahNama],
    ]);
    // A lurah recorded after publication does not change what was published.
    const later = kelurahan.rows.find((r) => r.kode !== DAGO)!;
    await ctx.createUser({ role: 'lurah', wilayahKode: later.kode });
    const again = publicKelurahanSchema.parse((await get('/api/public/peringkat/2026/kelurahan')).json());
    expect(again.rows.find((r) => r.kode === later.kode)?.pejabat).toBeNull();

    for (const kode of [DAGO, COBLONG]) {
      const res = await get(`/api/public/peringkat/2026/unit/${kode}?pemda=${PEMDA}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      const body = publicRaporSchema.parse(res.json());
      // The admin's rapor of the published year is the snapshot: the public page shows the same numbers.
      const internal = (await admin.request('GET', `/api/rapor/2026/unit/${kode}`)).json() as RaporDetail;
      expect(internal.source).toBe('publikasi');
      expect(body).toMatchObject({
        tahun: 2026,
        pemdaKode: PEMDA,
        revision: 1,
        publishedAt,
        kode,
        nama: internal.nama,
        level: internal.level,
        total: internal.total,
        predikat: internal.predikat,
        rank: internal.rank,
        rankOf: internal.rankOf,
        skm: internal.skm,
      });
      expect(body.pejabat).toBe(await namaOf(kode === DAGO ? lurah.id : camat.id));
      expect(body.total).not.toBeNull();
      expect(body.bidang.map((b) => [b.code, b.score])).toEqual(
        internal.bidang.map((b) => [b.code, b.score]),
      );
      // Published figures only: no indicator values or inputs leave through the public page.
      expect(JSON.stringify(res.json())).not.toContain('indikator');
    }
    const dago = publicRaporSchema.parse((await get(`/api/public/peringkat/2026/unit/${DAGO}`)).json());
    expect(dago.nama).toMatch(/Dago/i);
    expect(dago.kecamatanNama).toMatch(/Coblong/i);
    expect(dago.rankInKecamatan).not.toBeNull();
  });

  it('a unit that is not in the published results, or of another pemda, is 404', async () => {
    const unknown = await get('/api/public/peringkat/2026/unit/32.73.02.9999?pemda=32.73');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/tidak ada dalam hasil 2026 yang diumumkan/);
    expect((await get('/api/public/peringkat/2026/unit/32.04.01.2001?pemda=32.73')).statusCode).toBe(404);
    expect((await get(`/api/public/peringkat/2025/unit/${DAGO}?pemda=32.73`)).statusCode).toBe(404);
  });
});
