import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, TestClient, type TestContext } from '../../../test/helpers';

/** A clock the tests move (the pemda is Kota Bandung, WIB = UTC+7). */
const clock = {
  t: new Date('2026-11-10T03:00:00Z'), // Tuesday 10 November 2026, 10.00 WIB
  now() {
    return this.t;
  },
};
const wib = (iso: string) => new Date(`${iso}+07:00`);

let ctx: TestContext;
let admin: TestClient;
type Person = { client: TestClient; pegawaiId: string; username: string; password: string };
const people: Record<'camat' | 'kasi' | 'staf' | 'verif', Person> = {} as never;

/** Moves the clock; the sessions would have gone idle meanwhile, so everyone signs in again. */
async function moveTo(t: Date) {
  clock.t = t;
  for (const p of Object.values(people)) {
    p.client = new TestClient(ctx.app);
    expect((await p.client.login(p.username, p.password)).statusCode).toBe(200);
  }
}
let unitKerjaId: string;

async function pegawaiFor(key: keyof typeof people, nip: string, jabatanId: string | null) {
  const u = await ctx.createUser({ role: 'pegawai', wilayahKode: '32.73' });
  const res = await admin.request('POST', '/api/kepegawaian/pegawai', {
    nip,
    nama: `Pegawai ${key}`,
    status: 'PNS',
    akun: { cara: 'tautkan', username: u.username },
    penugasan: jabatanId ? { jabatanId, jenis: 'definitif', mulai: '2026-01-01' } : null,
  });
  expect(res.statusCode, res.body).toBe(201);
  const client = new TestClient(ctx.app);
  expect((await client.login(u.username, u.password)).statusCode).toBe(200);
  people[key] = { client, pegawaiId: res.json().pegawai.id, username: u.username, password: u.password };
}

const entry = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  tanggal: '2026-11-09',
  mulai: '08:00',
  selesai: '10:00',
  uraian: 'Menyusun konsep surat undangan rapat',
  volume: 2,
  satuan: 'surat',
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  admin = (await loggedIn(ctx, 'admin_kepegawaian', '32.73')).client;
  const uk = await admin.request('POST', '/api/kepegawaian/unit-kerja', {
    kode: '32.73.02',
    nama: 'Kecamatan Coblong',
    jenis: 'kecamatan',
    wilayahKode: '32.73.02',
  });
  expect(uk.statusCode, uk.body).toBe(201);
  unitKerjaId = uk.json().id;
  const jab = async (kode: string, nama: string, kelas: number, atasanId: string | null) => {
    const r = await admin.request('POST', '/api/kepegawaian/jabatan', {
      unitKerjaId,
      kode,
      nama,
      jenis: atasanId ? 'pelaksana' : 'struktural',
      kelas,
      atasanId,
      kepalaUnit: atasanId === null,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const camat = await jab('CBL-CAMAT', 'Camat Coblong', 14, null);
  const kasi = await jab('CBL-KASI-PEM', 'Kepala Seksi Pemerintahan', 9, camat);
  const staf = await jab('CBL-PENGADM', 'Pengadministrasi Umum', 5, kasi);
  await pegawaiFor('camat', '197501012000031001', camat);
  await pegawaiFor('kasi', '198003052005011002', kasi);
  await pegawaiFor('staf', '199206152019032003', staf);
  await pegawaiFor('verif', '198807072010011004', null);
  const v = await ctx.createUser({ role: 'verifikator_kinerja', wilayahKode: '32.73' });
  people.verif = { ...people.verif, username: v.username, password: v.password };
  await moveTo(clock.t);
}, 120_000);
afterAll(() => ctx?.close());

describe('the daily log, the weekly approval and the monthly verification', () => {
  it('logs a day: stored once however often it is sent, with clear refusals', async () => {
    const { client } = people.staf;
    const e = entry();
    const first = await client.request('POST', '/api/aktivitas', e);
    expect(first.statusCode, first.body).toBe(201);
    const again = await client.request('POST', '/api/aktivitas', e);
    expect(again.statusCode).toBe(201);
    expect(again.json().version).toBe(first.json().version);

    const overlap = await client.request(
      'POST',
      '/api/aktivitas',
      entry({ mulai: '09:30', selesai: '11:00' }),
    );
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.message).toContain('Bertumpang tindih');

    const late = await client.request('POST', '/api/aktivitas', entry({ mulai: '16:00', selesai: '18:00' }));
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('lembur');
    const lembur = await client.request(
      'POST',
      '/api/aktivitas',
      entry({ mulai: '16:00', selesai: '18:00', lembur: true }),
    );
    expect(lembur.statusCode, lembur.body).toBe(201);

    const future = await client.request('POST', '/api/aktivitas', entry({ tanggal: '2026-11-11' }));
    expect(future.statusCode).toBe(409);
    const notYet = await client.request(
      'POST',
      '/api/aktivitas',
      entry({ tanggal: '2026-11-10', mulai: '09:00', selesai: '11:00' }),
    );
    expect(notYet.statusCode).toBe(400);

    // Grace period: 3 working days. 2 November (Monday) closed at the end of 5 November.
    const old = await client.request('POST', '/api/aktivitas', entry({ tanggal: '2026-11-02' }));
    expect(old.statusCode).toBe(409);
    expect(old.json().error.message).toContain('Batas pengisian');

    const day = await client.request('GET', '/api/aktivitas/hari?tanggal=2026-11-09');
    expect(day.statusCode).toBe(200);
    expect(day.json().items).toHaveLength(2);
    expect(day.json().totalMenit).toBe(240);
  });

  it("another pegawai's entry is not there for him; nobody approves his own week", async () => {
    const day = (await people.staf.client.request('GET', '/api/aktivitas/hari?tanggal=2026-11-09')).json();
    const id = day.items[0].id;
    const other = await people.kasi.client.request('DELETE', `/api/aktivitas/${id}?version=0`);
    expect(other.statusCode).toBe(404);
    const own = await people.staf.client.request(
      'POST',
      `/api/persetujuan/anggota/${people.staf.pegawaiId}/minggu/2026-11-09/setujui`,
      {
        items: day.items.map((i: { id: string; version: number }) => ({ id: i.id, version: i.version })),
      },
    );
    expect(own.statusCode).toBe(403);
    // The camat is not the staf's atasan before the deadline: he may not know the week.
    const camat = await people.camat.client.request(
      'GET',
      `/api/persetujuan/anggota/${people.staf.pegawaiId}/minggu?tanggal=2026-11-09`,
    );
    expect(camat.statusCode).toBe(404);
  });

  it('the atasan sees his team and approves a week in one action; a stale view changes nothing', async () => {
    const tim = await people.kasi.client.request('GET', '/api/persetujuan/tim?tanggal=2026-11-09');
    expect(tim.statusCode, tim.body).toBe(200);
    const member = tim
      .json()
      .anggota.find((a: { pegawaiId: string }) => a.pegawaiId === people.staf.pegawaiId);
    expect(member).toMatchObject({ diajukan: 2, menit: 240 });
    expect(
      (await people.camat.client.request('GET', '/api/persetujuan/tim?tanggal=2026-11-09'))
        .json()
        .anggota.map((a: { nama: string }) => a.nama),
    ).toEqual(['Pegawai kasi']);

    const week = (
      await people.kasi.client.request(
        'GET',
        `/api/persetujuan/anggota/${people.staf.pegawaiId}/minggu?tanggal=2026-11-09`,
      )
    ).json();
    const items = week.items.map((i: { id: string; version: number }) => ({ id: i.id, version: i.version }));
    const url = `/api/persetujuan/anggota/${people.staf.pegawaiId}/minggu/2026-11-09/setujui`;
    const stale = await people.kasi.client.request('POST', url, {
      items: [{ ...items[0], version: 7 }, items[1]],
    });
    expect(stale.statusCode).toBe(409);
    const ok = await people.kasi.client.request('POST', url, { items });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ disetujui: 2 });
    const mine = (await people.staf.client.request('GET', '/api/aktivitas/minggu?tanggal=2026-11-09')).json();
    expect(mine.items.every((i: { status: string }) => i.status === 'disetujui')).toBe(true);
    expect(mine.atasan.nama).toBe('Pegawai kasi');
  });

  it('a week left past the deadline escalates to the atasan of the atasan', async () => {
    const e = await people.staf.client.request(
      'POST',
      '/api/aktivitas',
      entry({ tanggal: '2026-11-10', mulai: '07:30', selesai: '09:00' }),
    );
    expect(e.statusCode, e.body).toBe(201);
    await moveTo(wib('2026-11-19T09:00:00')); // the week of 9–15 November was due by the end of 18 November
    const tim = (await people.camat.client.request('GET', '/api/persetujuan/tim?tanggal=2026-11-10')).json();
    const staf = tim.anggota.find((a: { pegawaiId: string }) => a.pegawaiId === people.staf.pegawaiId);
    expect(staf).toMatchObject({ eskalasi: true, diajukan: 1, lewatBatas: true });
    const decided = await people.camat.client.request('POST', '/api/persetujuan/keputusan', {
      id: e.json().id,
      version: e.json().version,
      keputusan: 'kurangi',
      menit: 60,
      alasan: 'Rapat hanya satu jam',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'disetujui', menitDisetujui: 60, eskalasi: true });
  });

  it("approves the whole team's week in one action; outside his team nothing", async () => {
    const e = await people.staf.client.request(
      'POST',
      '/api/aktivitas',
      entry({ tanggal: '2026-11-18', mulai: '13:00', selesai: '14:30' }),
    );
    expect(e.statusCode, e.body).toBe(201);
    const items = [{ id: e.json().id, version: e.json().version }];
    const camat = await people.camat.client.request('POST', '/api/persetujuan/tim/2026-11-16/setujui', {
      items,
    });
    expect(camat.statusCode).toBe(404);
    const kasi = await people.kasi.client.request('POST', '/api/persetujuan/tim/2026-11-16/setujui', {
      items,
    });
    expect(kasi.statusCode, kasi.body).toBe(200);
    expect(kasi.json()).toEqual({ disetujui: 1 });
    const again = await people.kasi.client.request('POST', '/api/persetujuan/tim/2026-11-16/setujui', {
      items,
    });
    expect(again.statusCode).toBe(409);
  });

  it('the verifikator confirms or corrects, closes the month; the score is stored and the entries lock', async () => {
    await moveTo(wib('2026-11-30T10:00:00'));
    const rating = await people.kasi.client.request(
      'PUT',
      `/api/persetujuan/anggota/${people.staf.pegawaiId}/perilaku/2026/11`,
      {
        ratings: {
          berorientasi_pelayanan: 4,
          akuntabel: 4,
          kompeten: 5,
          harmonis: 3,
          loyal: 4,
          adaptif: 4,
          kolaboratif: 4,
        },
        catatan: '',
        version: null,
      },
    );
    expect(rating.statusCode, rating.body).toBe(200);
    await moveTo(wib('2026-12-02T10:00:00'));
    const { client } = people.verif;
    const base = `/api/verifikasi-kinerja/${unitKerjaId}/2026/11`;
    const q = await client.request('GET', '/api/verifikasi-kinerja?tahun=2026&bulan=11');
    expect(q.statusCode, q.body).toBe(200);
    const queue = q.json();
    expect(queue.items.find((i: { unitKerjaId: string }) => i.unitKerjaId === unitKerjaId)).toMatchObject({
      aktivitas: 4,
      status: 'belum',
    });
    const started = await client.request('POST', `${base}/mulai`, { cara: 'semua' });
    expect(started.statusCode, started.body).toBe(200);
    const items = started.json().items;
    expect(items).toHaveLength(4);
    const two = items.find((i: { menitDisetujui: number }) => i.menitDisetujui === 120);
    const corrected = await client.request('POST', '/api/verifikasi-kinerja/keputusan', {
      id: two.id,
      version: two.version,
      keputusan: 'koreksi',
      menit: 90,
      alasan: 'Bukti hanya satu surat',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const closed = await client.request('POST', `${base}/tutup`, { version: started.json().version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toEqual({ pegawai: 1, aktivitas: 4 });
    const month = (
      await people.staf.client.request('GET', '/api/aktivitas/bulan?tahun=2026&bulan=11')
    ).json();
    // 21 working days (Mon–Fri, no holidays in the calendar) × 300 = 6,300; 90 + 120 + 60 + 90 = 360
    // minutes: productivity 5.71; 0.7 × 5.71 + 0.3 × 80 = 27.997 → 28.00.
    expect(month.ditutup).toBe(true);
    expect(month.nilai).toMatchObject({
      targetMenit: 6300,
      menitDiakui: 360,
      produktivitas: 5.71,
      perilaku: 80,
    });
    expect(month.nilai.nilaiKinerja).toBe(28);
    const after = await people.staf.client.request(
      'POST',
      '/api/aktivitas',
      entry({ tanggal: '2026-11-30' }),
    );
    expect(after.statusCode).toBe(409);
  });
});
