// The kinerja organisation of one pemda for the attack suites, built through the API the way its
// people would: the personnel office (admin_kepegawaian) sets up a unit kerja, a kepala → staf
// position tree with a catalogue item, two pegawai linked to accounts, a holiday and a leave; the
// staf logs three days (the March one under an exception); his atasan decides two entries and rates
// March; the verifikator kinerja corrects one entry, closes March (scores stored) and starts April.
// The clock stands still at foreign-world.ts's NOW (Sunday 5 April 2026), so 2 and 3 April are
// still open to log and March has ended.
import { randomUUID } from 'node:crypto';
import { kinerjaDefaults } from '@sip/scoring';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  aktivitas,
  aktivitasPengecualian,
  kinerjaBulanan,
  perilakuBulanan,
  verifikasiKinerja,
} from '../../src/db/schema/aktivitas';
import {
  cuti,
  hariLibur,
  jabatan,
  jabatanKegiatan,
  kinerjaSetting,
  pegawai,
  pegawaiJabatan,
  unitKerja,
} from '../../src/db/schema/kepegawaian';
import { loggedIn, TestClient, type TestContext } from '../helpers';

/** Handles on one pemda's kinerja objects: what a matrix entry aims its request at. */
export interface KinerjaObjects {
  unitKerjaId: string;
  /** The codes an import file names them by. */
  unitKerjaKode: string;
  jabatanKode: string;
  /** The kepala's position (struktural, head of the unit) and the staf's under it. */
  jabatanAtasanId: string;
  jabatanId: string;
  /** A catalogue item of the staf's position. */
  kegiatanId: string;
  pegawaiAtasanId: string;
  pegawaiId: string;
  /** The staf's account. */
  stafUsername: string;
  /** The staf's definitif span. */
  spanId: string;
  /** The staf's entry of 3 April, still waiting for his atasan (diajukan). */
  aktivitasId: string;
  aktivitasVersion: number;
  /** The staf's entry of 2 April, approved (shortened) by his atasan: April's verification queue holds it. */
  aktivitasDisetujuiId: string;
  aktivitasDisetujuiVersion: number;
  cutiId: string;
  liburTanggal: string;
  /** March is closed (scores stored); April's verification runs. */
  bulanDitutup: number;
  bulanBerjalan: number;
  /** The Monday of the week of the entries (30 March – 5 April). */
  senin: string;
}

export interface KinerjaWorld {
  objects: KinerjaObjects;
  /** Ids, names, NIPs, usernames and texts that must never reach anyone outside the pemda. */
  markers: string[];
  /** The staf's NIP (an 18-digit national number, unique across pemda). */
  nipStaf: string;
}

/** A valid NIP (born 1 Jan, TMT 20 years later, serial from `n`), distinct per `n`. */
export function nipFor(birthYear: number, sex: 1 | 2, n: number): string {
  return `${birthYear}0101${birthYear + 20}01${sex}${String(n).padStart(3, '0')}`;
}

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Record<string, unknown> & { id: string; version: number };
}

/**
 * Builds the organisation of `pemda`. `atasan`: an existing `pegawai` account of that pemda to hold
 * the kepala position (the matrix's own pegawai actor at home); otherwise one is made.
 */
export async function buildKinerja(
  ctx: TestContext,
  pemda: string,
  tag: string,
  opts: { atasan?: { id: string; username: string; password: string }; nipBase: number; libur: string },
): Promise<KinerjaWorld> {
  const r = randomUUID().slice(0, 8);
  const { client: kp, user: kpUser } = await loggedIn(ctx, 'admin_kepegawaian', pemda);
  const { client: verif, user: verifUser } = await loggedIn(ctx, 'verifikator_kinerja', pemda);

  const namaUnit = `UNITKERJA-${tag}-${r}`;
  const kodeUnit = `UK-${tag}-${r}`;
  const uk = await ok(
    await kp.request('POST', '/api/kepegawaian/unit-kerja', {
      kode: kodeUnit,
      nama: namaUnit,
      jenis: 'perangkat_daerah',
      wilayahKode: null,
    }),
    201,
  );
  const namaKepala = `JABATANKEPALA-${tag}-${r}`;
  const namaStaf = `JABATANSTAF-${tag}-${r}`;
  const kepala = await ok(
    await kp.request('POST', '/api/kepegawaian/jabatan', {
      unitKerjaId: uk.id,
      kode: `KEPALA-${tag}-${r}`,
      nama: namaKepala,
      jenis: 'struktural',
      kelas: 12,
      atasanId: null,
      kepalaUnit: true,
    }),
    201,
  );
  const kodeStaf = `STAF-${tag}-${r}`;
  const staf = await ok(
    await kp.request('POST', '/api/kepegawaian/jabatan', {
      unitKerjaId: uk.id,
      kode: kodeStaf,
      nama: namaStaf,
      jenis: 'pelaksana',
      kelas: 5,
      atasanId: kepala.id,
    }),
    201,
  );
  const namaKegiatan = `KEGIATAN-${tag}-${r}`;
  const kegiatan = await ok(
    await kp.request('POST', `/api/kepegawaian/jabatan/${staf.id}/kegiatan`, {
      nama: namaKegiatan,
      menitStandar: 60,
      satuan: 'dokumen',
    }),
    201,
  );

  const atasanUser = opts.atasan ?? (await ctx.createUser({ role: 'pegawai', wilayahKode: pemda }));
  const stafUser = await ctx.createUser({ role: 'pegawai', wilayahKode: pemda });
  const namaPegawaiAtasan = `PEGAWAIKEPALA-${tag}-${r}`;
  const namaPegawaiStaf = `PEGAWAISTAF-${tag}-${r}`;
  const nipAtasan = nipFor(1970, 1, opts.nipBase);
  const nipStaf = nipFor(1990, 2, opts.nipBase + 1);
  const pAtasan = await ok(
    await kp.request('POST', '/api/kepegawaian/pegawai', {
      nip: nipAtasan,
      nama: namaPegawaiAtasan,
      status: 'PNS',
      akun: { cara: 'tautkan', username: atasanUser.username },
      penugasan: { jabatanId: kepala.id, jenis: 'definitif', mulai: '2026-01-01' },
    }),
    201,
  );
  const pStaf = await ok(
    await kp.request('POST', '/api/kepegawaian/pegawai', {
      nip: nipStaf,
      nama: namaPegawaiStaf,
      status: 'PNS',
      akun: { cara: 'tautkan', username: stafUser.username },
      penugasan: { jabatanId: staf.id, jenis: 'definitif', mulai: '2026-01-01' },
    }),
    201,
  );
  const atasanId = (pAtasan.pegawai as { id: string }).id;
  const stafPegawai = pStaf.pegawai as { id: string; jabatan: { id: string } };

  // The staf logs: 2 and 3 April (inside the grace period), 31 March under an exception.
  const stafClient = new TestClient(ctx.app);
  expect((await stafClient.login(stafUser.username, stafUser.password)).statusCode).toBe(200);
  const catatan = `CATATANKINERJA-${tag}-${r}`;
  const log = async (tanggal: string, mulai: string, selesai: string, n: number, kegiatanId: string | null) =>
    ok(
      await stafClient.request('POST', '/api/aktivitas', {
        id: randomUUID(),
        tanggal,
        mulai,
        selesai,
        kegiatanId,
        uraian: `URAIAN-${tag}-${n}-${r}`,
        volume: 1,
        satuan: 'dokumen',
        catatan,
      }),
      201,
    );
  const apr2 = await log('2026-04-02', '08:00', '10:00', 1, kegiatan.id);
  const apr3 = await log('2026-04-03', '08:00', '09:30', 2, null);
  const alasanPengecualian = `PENGECUALIAN-${tag}-${r}`;
  await ok(
    await kp.request('POST', '/api/persetujuan/pengecualian', {
      pegawaiId: stafPegawai.id,
      tanggal: '2026-03-31',
      alasan: alasanPengecualian,
    }),
  );
  const mar31 = await log('2026-03-31', '08:00', '11:00', 3, null);

  // His atasan decides two entries and rates March.
  const atasanClient = new TestClient(ctx.app);
  expect((await atasanClient.login(atasanUser.username, atasanUser.password)).statusCode).toBe(200);
  const mar31Ok = await ok(
    await atasanClient.request('POST', '/api/persetujuan/keputusan', {
      id: mar31.id,
      version: mar31.version,
      keputusan: 'setujui',
    }),
  );
  const alasanAtasan = `ALASANATASAN-${tag}-${r}`;
  const apr2Ok = await ok(
    await atasanClient.request('POST', '/api/persetujuan/keputusan', {
      id: apr2.id,
      version: apr2.version,
      keputusan: 'kurangi',
      menit: 90,
      alasan: alasanAtasan,
    }),
  );
  const catatanPerilaku = `PERILAKU-${tag}-${r}`;
  await ok(
    await atasanClient.request('PUT', `/api/persetujuan/anggota/${stafPegawai.id}/perilaku/2026/3`, {
      ratings: {
        berorientasi_pelayanan: 4,
        akuntabel: 4,
        kompeten: 4,
        harmonis: 4,
        loyal: 4,
        adaptif: 4,
        kolaboratif: 4,
      },
      catatan: catatanPerilaku,
      version: null,
    }),
  );

  // The verifikator corrects March's entry, closes March and starts April.
  const maret = await ok(
    await verif.request('POST', `/api/verifikasi-kinerja/${uk.id}/2026/3/mulai`, { cara: 'semua' }),
  );
  const alasanKoreksi = `KOREKSI-${tag}-${r}`;
  await ok(
    await verif.request('POST', '/api/verifikasi-kinerja/keputusan', {
      id: mar31.id,
      version: mar31Ok.version,
      keputusan: 'koreksi',
      menit: 150,
      alasan: alasanKoreksi,
    }),
  );
  const closed = await ok(
    await verif.request('POST', `/api/verifikasi-kinerja/${uk.id}/2026/3/tutup`, { version: maret.version }),
  );
  expect(closed).toEqual({ pegawai: 1, aktivitas: 1 });
  await ok(await verif.request('POST', `/api/verifikasi-kinerja/${uk.id}/2026/4/mulai`, { cara: 'semua' }));

  // Leave after the logged days, and a holiday of the pemda.
  const keteranganCuti = `CUTI-${tag}-${r}`;
  const cutiRow = await ok(
    await kp.request('POST', '/api/kepegawaian/cuti', {
      pegawaiId: stafPegawai.id,
      jenis: 'tahunan',
      mulai: '2026-04-06',
      selesai: '2026-04-07',
      keterangan: keteranganCuti,
    }),
    201,
  );
  const keteranganLibur = `LIBUR-${tag}-${r}`;
  await ok(
    await kp.request('PUT', '/api/kepegawaian/libur', {
      tanggal: opts.libur,
      jenis: 'libur_daerah',
      keterangan: keteranganLibur,
    }),
  );
  await ok(
    await kp.request('PUT', '/api/kepegawaian/pengaturan/2026', { settings: kinerjaDefaults(), version: 0 }),
  );

  const objects: KinerjaObjects = {
    unitKerjaId: uk.id,
    unitKerjaKode: kodeUnit,
    jabatanKode: kodeStaf,
    jabatanAtasanId: kepala.id,
    jabatanId: staf.id,
    kegiatanId: kegiatan.id,
    pegawaiAtasanId: atasanId,
    pegawaiId: stafPegawai.id,
    stafUsername: stafUser.username,
    spanId: stafPegawai.jabatan.id,
    aktivitasId: apr3.id,
    aktivitasVersion: apr3.version,
    aktivitasDisetujuiId: apr2.id,
    aktivitasDisetujuiVersion: apr2Ok.version,
    cutiId: cutiRow.id,
    liburTanggal: opts.libur,
    bulanDitutup: 3,
    bulanBerjalan: 4,
    senin: '2026-03-30',
  };
  return {
    objects,
    nipStaf,
    markers: [
      uk.id,
      namaUnit,
      kodeUnit,
      kepala.id,
      staf.id,
      namaKepala,
      namaStaf,
      kodeStaf,
      kegiatan.id,
      namaKegiatan,
      atasanId,
      stafPegawai.id,
      stafPegawai.jabatan.id,
      namaPegawaiAtasan,
      namaPegawaiStaf,
      nipAtasan,
      nipStaf,
      atasanUser.id,
      atasanUser.username,
      stafUser.id,
      stafUser.username,
      kpUser.id,
      kpUser.username,
      verifUser.id,
      verifUser.username,
      apr2.id,
      apr3.id,
      mar31.id,
      `URAIAN-${tag}-1-${r}`,
      `URAIAN-${tag}-2-${r}`,
      `URAIAN-${tag}-3-${r}`,
      catatan,
      alasanPengecualian,
      alasanAtasan,
      catatanPerilaku,
      alasanKoreksi,
      cutiRow.id,
      keteranganCuti,
      keteranganLibur,
    ],
  };
}

/** Every kinerja row of a pemda: compared before and after an attack. */
export async function kinerjaSnapshot(ctx: TestContext, pemda: string) {
  const db = ctx.database.db;
  return {
    unitKerja: await db
      .select()
      .from(unitKerja)
      .where(eq(unitKerja.pemdaKode, pemda))
      .orderBy(asc(unitKerja.id)),
    jabatan: await db.select().from(jabatan).where(eq(jabatan.pemdaKode, pemda)).orderBy(asc(jabatan.id)),
    kegiatan: await db
      .select()
      .from(jabatanKegiatan)
      .where(eq(jabatanKegiatan.pemdaKode, pemda))
      .orderBy(asc(jabatanKegiatan.id)),
    pegawai: await db.select().from(pegawai).where(eq(pegawai.pemdaKode, pemda)).orderBy(asc(pegawai.id)),
    penugasan: await db
      .select()
      .from(pegawaiJabatan)
      .where(eq(pegawaiJabatan.pemdaKode, pemda))
      .orderBy(asc(pegawaiJabatan.id)),
    libur: await db
      .select()
      .from(hariLibur)
      .where(eq(hariLibur.pemdaKode, pemda))
      .orderBy(asc(hariLibur.tanggal)),
    cuti: await db.select().from(cuti).where(eq(cuti.pemdaKode, pemda)).orderBy(asc(cuti.id)),
    pengaturan: await db.select().from(kinerjaSetting).where(eq(kinerjaSetting.pemdaKode, pemda)),
    aktivitas: await db
      .select()
      .from(aktivitas)
      .where(eq(aktivitas.pemdaKode, pemda))
      .orderBy(asc(aktivitas.id)),
    pengecualian: await db
      .select()
      .from(aktivitasPengecualian)
      .where(eq(aktivitasPengecualian.pemdaKode, pemda))
      .orderBy(asc(aktivitasPengecualian.pegawaiId), asc(aktivitasPengecualian.tanggal)),
    perilaku: await db
      .select()
      .from(perilakuBulanan)
      .where(eq(perilakuBulanan.pemdaKode, pemda))
      .orderBy(asc(perilakuBulanan.pegawaiId), asc(perilakuBulanan.bulan)),
    verifikasi: await db
      .select()
      .from(verifikasiKinerja)
      .where(eq(verifikasiKinerja.pemdaKode, pemda))
      .orderBy(asc(verifikasiKinerja.unitKerjaId), asc(verifikasiKinerja.bulan)),
    nilai: await db
      .select()
      .from(kinerjaBulanan)
      .where(eq(kinerjaBulanan.pemdaKode, pemda))
      .orderBy(asc(kinerjaBulanan.pegawaiId), asc(kinerjaBulanan.bulan)),
  };
}
