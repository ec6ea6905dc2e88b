import { randomUUID } from 'node:crypto';
import {
  type Aktivitas,
  type AktivitasInput,
  type BulanSaya,
  type HariSaya,
  jamKeMenit,
  type MingguSaya,
  menitKeJam,
  type RingkasanHari,
} from '@sip/contracts';
import { hariKerjaBulan, isHariKerja, mingguIso, nilaiKinerjaBulanan } from '@sip/scoring';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { Actor } from '../authz/authz';
import type { AtasanResolver } from '../kepegawaian/kepegawaian.atasan';
import type { KepegawaianRepo, PegawaiRow } from '../kepegawaian/kepegawaian.repo';
import { geserHari, hariAcuan, type KinerjaContext } from './aktivitas.context';
import { type AktivitasRepo, type AktivitasRow, monthRange } from './aktivitas.repo';
import { type HariStatus, masalahEntri, pesanTertutup, statusHari } from './aktivitas.rules';

export interface AktivitasServiceDeps {
  db: Db;
  repo: AktivitasRepo;
  kepegawaian: KepegawaianRepo;
  atasan: AtasanResolver;
  ctx: KinerjaContext;
}

/** An entry as the API shows it; `terkunci` when its pegawai can no longer change it. */
export function toAktivitas(r: AktivitasRow, bulanDitutup = false): Aktivitas {
  return {
    id: r.id,
    tanggal: r.tanggal,
    pegawaiId: r.pegawaiId,
    kegiatanId: r.kegiatanId,
    uraian: r.uraian,
    mulai: menitKeJam(r.mulai),
    selesai: menitKeJam(r.selesai),
    menit: r.menit,
    volume: r.volume,
    satuan: r.satuan,
    lembur: r.lembur,
    catatan: r.catatan,
    bukti:
      r.buktiKey && r.buktiNama && r.buktiMime
        ? { nama: r.buktiNama, mime: r.buktiMime, ukuran: r.buktiUkuran ?? 0 }
        : null,
    status: r.status,
    menitDisetujui: r.menitDisetujui,
    alasanAtasan: r.alasanAtasan,
    eskalasi: r.eskalasi,
    sampel: r.sampel,
    menitDiakui: r.menitDiakui,
    alasanVerifikasi: r.alasanVerifikasi,
    terkunci: bulanDitutup || r.status !== 'diajukan',
    version: r.version,
  };
}

/** Per day of a range: how many entries and minutes in each state. */
export function ringkasHari(
  dates: string[],
  rows: readonly AktivitasRow[],
  isKerja: (t: string) => boolean,
  keterangan: (t: string) => string | null,
): RingkasanHari[] {
  return dates.map((t) => {
    const mine = rows.filter((r) => r.tanggal === t);
    return {
      tanggal: t,
      hariKerja: isKerja(t),
      keterangan: keterangan(t),
      jumlah: mine.length,
      menit: mine.reduce((s, r) => s + r.menit, 0),
      menitDisetujui: mine.reduce((s, r) => s + (r.status === 'disetujui' ? (r.menitDisetujui ?? 0) : 0), 0),
      menitDiakui: mine.reduce((s, r) => s + (r.menitDiakui ?? 0), 0),
      diajukan: mine.filter((r) => r.status === 'diajukan').length,
      disetujui: mine.filter((r) => r.status === 'disetujui').length,
      ditolak: mine.filter((r) => r.status === 'ditolak').length,
    };
  });
}

export function datesBetween(dari: string, sampai: string): string[] {
  const out: string[] = [];
  for (let t = dari; t <= sampai; t = geserHari(t, 1)) out.push(t);
  return out;
}

const sameContent = (r: AktivitasRow, i: AktivitasInput) =>
  r.tanggal === i.tanggal &&
  r.mulai === jamKeMenit(i.mulai) &&
  r.selesai === jamKeMenit(i.selesai) &&
  r.uraian === i.uraian &&
  r.volume === i.volume &&
  r.satuan === i.satuan &&
  r.lembur === i.lembur &&
  r.catatan === i.catatan &&
  r.kegiatanId === i.kegiatanId;

/** The pegawai's own daily log (DESIGN.md, "Kinerja pegawai" step 2). */
export function createAktivitasService({ db, repo, kepegawaian, atasan, ctx }: AktivitasServiceDeps) {
  function refuseClosed(s: HariStatus) {
    if (s.tertutup) throw new AppError('CONFLICT', pesanTertutup[s.tertutup](s), { tertutup: s.tertutup });
  }

  async function kegiatanOf(jabatanId: string | undefined, kegiatanId: string | null) {
    if (!kegiatanId) return null;
    const k = await kepegawaian.getKegiatan(kegiatanId);
    if (!k || k.jabatanId !== jabatanId || !k.aktif) {
      throw new AppError('VALIDATION', 'Kegiatan ini bukan bagian dari katalog jabatan Anda.', [
        { path: 'kegiatanId', message: 'Pilih kegiatan dari katalog jabatan Anda' },
      ]);
    }
    return k;
  }

  async function ownEntry(p: PegawaiRow, id: string) {
    const row = await repo.byId(p.pemdaKode, id);
    // Another pegawai's entry is not there for this person (404, never 403: no hint it exists).
    if (!row || row.pegawaiId !== p.id) throw new AppError('NOT_FOUND', 'Aktivitas tidak ditemukan.');
    return row;
  }

  /** Validates and writes one entry inside the pegawai's lock; the caller gives the transaction. */
  async function write(p: PegawaiRow, input: AktivitasInput, existing: AktivitasRow | null) {
    const { fakta, jab } = await ctx.hariFakta(p, input.tanggal);
    if (!jab) {
      throw new AppError(
        'CONFLICT',
        'Anda tidak memegang jabatan pada tanggal itu; aktivitas tidak dapat dicatat.',
      );
    }
    const status = statusHari(fakta);
    refuseClosed(status);
    const kegiatan = await kegiatanOf(jab.jabatan.id, input.kegiatanId);
    return db.transaction(async (tx) => {
      await repo.lockPegawai(p.id, tx);
      const day = await repo.ofPegawai(p.id, input.tanggal, input.tanggal, tx);
      const again = existing ? undefined : day.find((r) => r.id === input.id);
      if (again) {
        if (sameContent(again, input)) return again; // the same draft sent twice (offline queue)
        throw new AppError(
          'CONFLICT',
          'Aktivitas dengan id ini sudah tersimpan dengan isi lain. Muat ulang hari ini.',
        );
      }
      const others = day.map((r) => ({
        id: r.id,
        mulai: r.mulai,
        selesai: r.selesai,
        status: r.status,
        uraian: r.uraian,
      }));
      const masalah = masalahEntri(fakta, status, input, others);
      if (masalah.length > 0) {
        throw new AppError('VALIDATION', masalah.map((m) => m.message).join(' '), masalah);
      }
      const values = {
        uraian: input.uraian,
        kegiatanId: kegiatan?.id ?? null,
        mulai: jamKeMenit(input.mulai),
        selesai: jamKeMenit(input.selesai),
        menit: jamKeMenit(input.selesai) - jamKeMenit(input.mulai),
        volume: input.volume,
        satuan: input.satuan,
        lembur: input.lembur,
        catatan: input.catatan,
      };
      if (existing) {
        const row = await repo.update(existing, values, tx);
        if (!row) throw staleEntry();
        return row;
      }
      return insertOnce(
        {
          pemdaKode: p.pemdaKode,
          tanggal: input.tanggal,
          id: input.id,
          pegawaiId: p.id,
          jabatanId: jab.jabatan.id,
          unitKerjaId: jab.jabatan.unitKerjaId,
          ...values,
        },
        tx,
      );
    });
  }

  /** An id someone else holds (another pegawai, another pemda): not found for this person, as any other's. */
  async function insertOnce(
    values: Parameters<AktivitasRepo['insert']>[0],
    tx: Parameters<AktivitasRepo['insert']>[1],
  ) {
    const row = await repo.insert(values, tx);
    if (!row) {
      throw new AppError('NOT_FOUND', 'Aktivitas tidak ditemukan.');
    }
    return row;
  }

  const staleEntry = () =>
    new AppError(
      'STALE',
      'Aktivitas ini sudah berubah (diputus atasan atau diubah di perangkat lain). Muat ulang.',
    );

  return {
    async hari(actor: Actor, tanggal: string | undefined): Promise<HariSaya> {
      const p = await ctx.pegawaiOf(actor);
      const now = await ctx.sekarang(p.pemdaKode);
      const t = tanggal ?? now.hariIni;
      const { fakta, jab } = await ctx.hariFakta(p, t);
      const status = statusHari(fakta);
      const rows = await repo.ofPegawai(p.id, t, t);
      const unit = jab ? await kepegawaian.getUnitKerja(jab.jabatan.unitKerjaId) : undefined;
      const kegiatan = jab ? (await kepegawaian.listKegiatan(jab.jabatan.id)).filter((k) => k.aktif) : [];
      return {
        tanggal: t,
        pegawai: { id: p.id, nama: p.nama, nip: p.nip },
        jabatan: jab
          ? { id: jab.jabatan.id, nama: jab.jabatan.nama, unitKerja: unit?.nama ?? '', jenis: jab.span.jenis }
          : null,
        jamKerja: fakta.settings.jamKerja,
        tertutup: jab ? status.tertutup : (status.tertutup ?? 'lewat_batas'),
        keterangan: jab ? status.keterangan : 'Anda tidak memegang jabatan pada tanggal ini.',
        hariKerja: status.hariKerja,
        batasIsi: status.batasIsi,
        items: rows.map((r) => toAktivitas(r, fakta.bulanDitutup)),
        kegiatan: kegiatan.map((k) => ({
          id: k.id,
          nama: k.nama,
          menitStandar: k.menitStandar,
          satuan: k.satuan,
          templat: k.templat,
        })),
        totalMenit: rows.filter((r) => r.status !== 'ditolak').reduce((s, r) => s + r.menit, 0),
      };
    },

    async minggu(actor: Actor, tanggal: string | undefined): Promise<MingguSaya> {
      const p = await ctx.pegawaiOf(actor);
      const now = await ctx.sekarang(p.pemdaKode);
      const w = mingguIso(tanggal ?? now.hariIni);
      const [rows, settings, libur, batas] = await Promise.all([
        repo.ofPegawai(p.id, w.mulai, w.selesai),
        ctx.settingsOf(p.pemdaKode, Number(w.mulai.slice(0, 4))),
        ctx.liburSekitar(p.pemdaKode, w.mulai),
        ctx.batasPersetujuan(p.pemdaKode, w.selesai),
      ]);
      const liburDates = libur.map((l) => l.tanggal);
      const ref = hariAcuan(w.selesai, now.hariIni);
      const at = await atasan.atasanOf(p.id, ref);
      return {
        senin: w.mulai,
        minggu: w.selesai,
        hari: ringkasHari(
          datesBetween(w.mulai, w.selesai),
          rows,
          (t) => isHariKerja(t, settings.hariKerja, liburDates),
          (t) => libur.find((l) => l.tanggal === t)?.keterangan ?? null,
        ),
        items: rows.map((r) => toAktivitas(r)),
        batasPersetujuan: batas.at.toISOString(),
        atasan: at ? { pegawaiId: at.pegawaiId, nama: at.nama, jenis: at.jenis } : null,
      };
    },

    async bulan(actor: Actor, tahun: number, bulan: number): Promise<BulanSaya> {
      const p = await ctx.pegawaiOf(actor);
      const { dari, sampai } = monthRange(tahun, bulan);
      const [rows, settings, libur, cuti, perilaku, skor] = await Promise.all([
        repo.ofPegawai(p.id, dari, sampai),
        ctx.settingsOf(p.pemdaKode, tahun),
        kepegawaian.liburBetween(p.pemdaKode, dari, sampai),
        kepegawaian.cutiBetween({ pemdaKode: p.pemdaKode, pegawaiIds: [p.id], dari, sampai }),
        repo.perilaku(p.pemdaKode, tahun, bulan, [p.id]),
        repo.scoreOf(p.pemdaKode, p.id, tahun, bulan),
      ]);
      const liburDates = libur.map((l) => l.tanggal);
      const cutiDates = cuti.flatMap(({ c }) => datesBetween(c.mulai, c.selesai));
      const kal = hariKerjaBulan({
        tahun,
        bulan,
        hariKerja: settings.hariKerja,
        libur: liburDates,
        cuti: cutiDates,
      });
      const pr = perilaku[0];
      return {
        tahun,
        bulan,
        hari: ringkasHari(
          datesBetween(dari, sampai),
          rows,
          (t) => isHariKerja(t, settings.hariKerja, liburDates),
          (t) => libur.find((l) => l.tanggal === t)?.keterangan ?? (cutiDates.includes(t) ? 'Cuti' : null),
        ),
        hariKerjaEfektif: kal.jumlah,
        hariCuti: kal.hariCuti,
        settings,
        perilaku: pr
          ? {
              ratings: pr.ratings,
              catatan: pr.catatan,
              dinilaiOleh: pr.dinilaiOleh,
              dinilaiAt: pr.dinilaiAt.toISOString(),
              version: pr.version,
            }
          : null,
        nilai: skor
          ? nilaiKinerjaBulanan({
              menitDiakui: skor.menitDiakui,
              hariKerjaEfektif: skor.hariKerja,
              ratings: pr?.ratings ?? null,
              settings,
            })
          : null,
        ditutup: Boolean(skor),
      };
    },

    async create(actor: Actor, input: AktivitasInput): Promise<Aktivitas> {
      const p = await ctx.pegawaiOf(actor);
      // An id in use (aktivitas_kunci) is refused and another person's is not revealed; the insert
      // claims the id by its key inside the pegawai's lock.
      const taken = await repo.byId(p.pemdaKode, input.id);
      if (taken) {
        if (taken.pegawaiId !== p.id) throw new AppError('NOT_FOUND', 'Aktivitas tidak ditemukan.');
        if (sameContent(taken, input)) return toAktivitas(taken);
        throw new AppError(
          'CONFLICT',
          'Aktivitas dengan id ini sudah tersimpan dengan isi lain. Muat ulang hari ini.',
        );
      }
      return toAktivitas(await write(p, input, null));
    },

    async update(actor: Actor, id: string, input: AktivitasInput & { version: number }): Promise<Aktivitas> {
      const p = await ctx.pegawaiOf(actor);
      const row = await ownEntry(p, id);
      if (input.id !== id) throw new AppError('VALIDATION', 'Id aktivitas tidak cocok dengan alamatnya.');
      if (row.version !== input.version) throw staleEntry();
      if (row.status !== 'diajukan') {
        throw new AppError(
          'CONFLICT',
          'Aktivitas yang sudah diputus atasan tidak dapat diubah; catat aktivitas baru.',
        );
      }
      if (row.tanggal !== input.tanggal) {
        throw new AppError(
          'VALIDATION',
          'Tanggal aktivitas tidak dapat dipindah; hapus lalu catat di tanggal lain.',
          [{ path: 'tanggal', message: 'Tanggal tidak dapat diubah' }],
        );
      }
      return toAktivitas(await write(p, input, row));
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      const p = await ctx.pegawaiOf(actor);
      const row = await ownEntry(p, id);
      if (row.version !== version) throw staleEntry();
      if (row.status !== 'diajukan') {
        throw new AppError('CONFLICT', 'Aktivitas yang sudah diputus atasan tidak dapat dihapus.');
      }
      const { fakta } = await ctx.hariFakta(p, row.tanggal);
      refuseClosed(statusHari(fakta));
      await db.transaction(async (tx) => {
        await repo.lockPegawai(p.id, tx);
        if (!(await repo.delete(row, tx))) throw staleEntry();
      });
    },

    /** Copies a day's entries (not the rejected ones) to another open day; those that would overlap are skipped. */
    async salin(actor: Actor, dari: string, ke: string) {
      const p = await ctx.pegawaiOf(actor);
      if (dari === ke) throw new AppError('VALIDATION', 'Pilih hari lain untuk disalin.');
      const { fakta, jab } = await ctx.hariFakta(p, ke);
      if (!jab) throw new AppError('CONFLICT', 'Anda tidak memegang jabatan pada tanggal itu.');
      const status = statusHari(fakta);
      refuseClosed(status);
      const source = (await repo.ofPegawai(p.id, dari, dari)).filter((r) => r.status !== 'ditolak');
      if (source.length === 0)
        throw new AppError('NOT_FOUND', `Tidak ada aktivitas pada ${dari} untuk disalin.`);
      return db.transaction(async (tx) => {
        await repo.lockPegawai(p.id, tx);
        const existing = (await repo.ofPegawai(p.id, ke, ke, tx)).map((r) => ({
          id: r.id,
          mulai: r.mulai,
          selesai: r.selesai,
          status: r.status,
          uraian: r.uraian,
        }));
        const rows = [];
        for (const r of source) {
          const entry = {
            id: randomUUID(),
            mulai: menitKeJam(r.mulai),
            selesai: menitKeJam(r.selesai),
            lembur: r.lembur,
          };
          if (masalahEntri(fakta, status, entry, existing).length > 0) continue;
          const kegiatanOk = !r.kegiatanId || r.jabatanId === jab.jabatan.id;
          existing.push({
            id: entry.id,
            mulai: r.mulai,
            selesai: r.selesai,
            status: 'diajukan',
            uraian: r.uraian,
          });
          rows.push({
            pemdaKode: p.pemdaKode,
            tanggal: ke,
            id: entry.id,
            pegawaiId: p.id,
            jabatanId: jab.jabatan.id,
            unitKerjaId: jab.jabatan.unitKerjaId,
            kegiatanId: kegiatanOk ? r.kegiatanId : null,
            uraian: r.uraian,
            mulai: r.mulai,
            selesai: r.selesai,
            menit: r.menit,
            volume: r.volume,
            satuan: r.satuan,
            lembur: r.lembur,
            catatan: r.catatan,
          });
        }
        await repo.insertMany(rows, tx);
        return { dibuat: rows.length, dilewati: source.length - rows.length };
      });
    },
  };
}
export type AktivitasService = ReturnType<typeof createAktivitasService>;
