import { type HariTertutup, jamKeMenit, menitKeJam } from '@sip/contracts';
import { isHariKerja, type KinerjaSettings, tambahHariKerja } from '@sip/scoring';

/**
 * The rules of the daily log (DESIGN.md, "Kinerja pegawai" step 2), pure so a table-driven test
 * checks each. The service gathers the day's facts (calendar, leave, the pegawai's other entries,
 * the clock in the pemda's zone) and asks here.
 */

export interface HariFakta {
  tanggal: string;
  /** Today and the minute of the day now, in the pemda's zone. */
  hariIni: string;
  menitSekarang: number;
  settings: KinerjaSettings;
  /** Holidays and cuti bersama around the date (for the grace period's working days). */
  libur: readonly { tanggal: string; keterangan: string }[];
  /** The pegawai's leave covering the date, if any (its label). */
  cuti: string | null;
  /** The month of his unit kerja is closed. */
  bulanDitutup: boolean;
  /** An exception granted for this date, valid until this day (inclusive), if any. */
  pengecualianSampai: string | null;
}

export interface HariStatus {
  tertutup: HariTertutup | null;
  keterangan: string | null;
  /** The last day entries for this date are accepted (grace period or exception). */
  batasIsi: string;
  hariKerja: boolean;
}

/** Whether a day takes entries, and if not, why (in the order a person would want to hear it). */
export function statusHari(f: HariFakta): HariStatus {
  const liburDates = f.libur.map((l) => l.tanggal);
  const hariKerja = isHariKerja(f.tanggal, f.settings.hariKerja, liburDates);
  const batasNormal = tambahHariKerja(
    f.tanggal,
    f.settings.masaSusulanHari,
    f.settings.hariKerja,
    liburDates,
  );
  const batasIsi =
    f.pengecualianSampai && f.pengecualianSampai > batasNormal ? f.pengecualianSampai : batasNormal;
  const libur = f.libur.find((l) => l.tanggal === f.tanggal);
  const closed = (tertutup: HariTertutup, keterangan: string | null): HariStatus => ({
    tertutup,
    keterangan,
    batasIsi,
    hariKerja,
  });
  if (f.tanggal > f.hariIni) return closed('masa_depan', null);
  if (f.bulanDitutup) return closed('bulan_ditutup', null);
  if (f.cuti) return closed('cuti', f.cuti);
  if (f.hariIni > batasIsi) return closed('lewat_batas', null);
  return { tertutup: null, keterangan: libur?.keterangan ?? null, batasIsi, hariKerja };
}

export const pesanTertutup: Record<HariTertutup, (s: HariStatus) => string> = {
  masa_depan: () => 'Aktivitas tidak dapat diisi untuk tanggal yang belum tiba.',
  bulan_ditutup: () => 'Bulan ini sudah ditutup verifikator kinerja; aktivitasnya terkunci.',
  cuti: (s) => `Anda tercatat ${s.keterangan ?? 'cuti'} pada tanggal ini; tidak ada aktivitas yang dicatat.`,
  lewat_batas: (s) =>
    `Batas pengisian tanggal ini sudah lewat (${s.batasIsi}). Minta pengecualian kepada atasan Anda.`,
};

export interface EntriBaru {
  id: string;
  mulai: string;
  selesai: string;
  lembur: boolean;
}

export interface EntriAda {
  id: string;
  mulai: number;
  selesai: number;
  status: 'diajukan' | 'disetujui' | 'ditolak';
  uraian: string;
}

export interface Masalah {
  path: string;
  message: string;
}

/** What is wrong with one entry on an open day; empty when it may be saved. */
export function masalahEntri(
  f: HariFakta,
  s: HariStatus,
  e: EntriBaru,
  lain: readonly EntriAda[],
): Masalah[] {
  const out: Masalah[] = [];
  const mulai = jamKeMenit(e.mulai);
  const selesai = jamKeMenit(e.selesai);
  if (selesai <= mulai) out.push({ path: 'selesai', message: 'Jam selesai harus sesudah jam mulai.' });
  if (!e.lembur) {
    if (!s.hariKerja) {
      out.push({
        path: 'lembur',
        message: s.keterangan
          ? `Hari libur (${s.keterangan}): tandai aktivitas sebagai lembur.`
          : 'Bukan hari kerja: tandai aktivitas sebagai lembur.',
      });
    } else {
      const jm = jamKeMenit(f.settings.jamKerja.mulai);
      const js = jamKeMenit(f.settings.jamKerja.selesai);
      if (mulai < jm || selesai > js) {
        out.push({
          path: 'mulai',
          message: `Di luar jam kerja (${f.settings.jamKerja.mulai}–${f.settings.jamKerja.selesai}): tandai sebagai lembur bila memang lembur.`,
        });
      }
    }
  }
  if (f.tanggal === f.hariIni && selesai > f.menitSekarang) {
    out.push({
      path: 'selesai',
      message: `Jam selesai (${e.selesai}) belum lewat; catat sesudah selesai dikerjakan.`,
    });
  }
  const bentrok = lain.find(
    (x) => x.id !== e.id && x.status !== 'ditolak' && x.mulai < selesai && mulai < x.selesai,
  );
  if (bentrok) {
    out.push({
      path: 'mulai',
      message: `Bertumpang tindih dengan "${bentrok.uraian}" (${menitKeJam(bentrok.mulai)}–${menitKeJam(bentrok.selesai)}).`,
    });
  }
  return out;
}
