import { cutiJenisLabel } from '@sip/contracts';
import { type KinerjaSettings, kinerjaDefaults, kinerjaSettingsSchema, tambahHariKerja } from '@sip/scoring';
import type { DbOrTx } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { dayIn, endOfDay, type TimeZone, wallClock } from '../../lib/time';
import { type Actor, assertCan } from '../authz/authz';
import type { KepegawaianRepo, PegawaiRow } from '../kepegawaian/kepegawaian.repo';
import type { AktivitasRepo } from './aktivitas.repo';
import type { HariFakta } from './aktivitas.rules';

export interface KinerjaContextDeps {
  kepegawaian: KepegawaianRepo;
  aktivitas: AktivitasRepo;
  zonaOf: (pemdaKode: string) => Promise<TimeZone>;
  clock: Clock;
}

/** The jabatan a pegawai works under on a day, as the daily log needs it. */
export interface JabatanHari {
  span: { jenis: 'definitif' | 'plt' | 'plh' };
  jabatan: { id: string; nama: string; unitKerjaId: string };
}

/** ISO date arithmetic on calendar days (no zone: a date is the pemda's own calendar day). */
export function geserHari(tanggal: string, n: number): string {
  const d = new Date(`${tanggal}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The day positions are read for a week or month: its last day, or today while it runs. */
export const hariAcuan = (akhir: string, hariIni: string) => (akhir < hariIni ? akhir : hariIni);

/** The facts every kinerja service asks about: the year's settings, the clock and calendar of the pemda, whose record an account is. */
export function createKinerjaContext({ kepegawaian, aktivitas, zonaOf, clock }: KinerjaContextDeps) {
  async function settingsOf(pemdaKode: string, tahun: number, tx?: DbOrTx): Promise<KinerjaSettings> {
    const row = await kepegawaian.getSetting(pemdaKode, tahun, tx);
    return row ? kinerjaSettingsSchema.parse(row.settings) : kinerjaDefaults();
  }

  async function sekarang(pemdaKode: string) {
    const zona = await zonaOf(pemdaKode);
    const at = clock.now();
    const w = wallClock(at, zona);
    return { zona, at, hariIni: dayIn(at, zona), menitSekarang: w.hour * 60 + w.minute };
  }

  /** Holidays from a week before to two months after a date: enough for any grace period or deadline. */
  async function liburSekitar(pemdaKode: string, tanggal: string, tx?: DbOrTx) {
    return kepegawaian.liburBetween(pemdaKode, geserHari(tanggal, -7), geserHari(tanggal, 62), tx);
  }

  /** The signed-in person's pegawai record (role `pegawai`), or a clear refusal. */
  async function pegawaiOf(actor: Actor, tx?: DbOrTx): Promise<PegawaiRow> {
    assertCan(actor, 'aktivitas:own', actor.pemdaKode, 'Data pegawai');
    const p = await kepegawaian.pegawaiOfUser(actor.userId, tx);
    if (!p || p.pemdaKode !== actor.pemdaKode) {
      throw new AppError(
        'NOT_FOUND',
        'Akun Anda belum tertaut ke data pegawai. Hubungi admin kepegawaian (BKPSDM) untuk menautkannya.',
      );
    }
    if (!p.aktif) throw new AppError('FORBIDDEN', 'Data pegawai Anda tidak aktif.');
    return p;
  }

  /** The pegawai's own record if the account has one (no refusal: an atasan may be asked about). */
  async function pegawaiIdOf(actor: Actor, tx?: DbOrTx): Promise<string | undefined> {
    if (!actor.roles.some((r) => r.role === 'pegawai')) return undefined;
    return (await kepegawaian.pegawaiOfUser(actor.userId, tx))?.id;
  }

  /** Everything the daily-log rules need about one pegawai's day (two round trips: the zone, the facts). */
  async function hariFakta(p: PegawaiRow, tanggal: string, tx?: DbOrTx) {
    const [now, f] = await Promise.all([
      sekarang(p.pemdaKode),
      aktivitas.faktaHari(p.pemdaKode, p.id, tanggal, tx),
    ]);
    const settings = f.settings ? kinerjaSettingsSchema.parse(f.settings) : kinerjaDefaults();
    const pengecualianSampai =
      f.pengecualian !== null && f.pengecualian > now.at.getTime()
        ? dayIn(new Date(f.pengecualian), now.zona)
        : null;
    const fakta: HariFakta = {
      tanggal,
      hariIni: now.hariIni,
      menitSekarang: now.menitSekarang,
      settings,
      libur: f.libur,
      cuti: f.cuti ? (cutiJenisLabel[f.cuti as keyof typeof cutiJenisLabel] ?? f.cuti) : null,
      bulanDitutup: f.verifikasi === 'ditutup',
      pengecualianSampai,
    };
    const jab: JabatanHari | undefined = f.jabatan
      ? {
          span: { jenis: f.jabatan.jenis },
          jabatan: { id: f.jabatan.id, nama: f.jabatan.nama, unitKerjaId: f.jabatan.unit_kerja_id },
        }
      : undefined;
    return { fakta, jab, now };
  }

  /**
   * When a week's approval is due: the end (in the pemda's zone) of the working day that falls
   * `batasPersetujuanHari` working days after the week's Sunday. Past it, the week escalates.
   */
  async function batasPersetujuan(pemdaKode: string, mingguAkhir: string, tx?: DbOrTx) {
    const settings = await settingsOf(pemdaKode, Number(mingguAkhir.slice(0, 4)), tx);
    const libur = (await liburSekitar(pemdaKode, mingguAkhir, tx)).map((l) => l.tanggal);
    const tanggal = tambahHariKerja(mingguAkhir, settings.batasPersetujuanHari, settings.hariKerja, libur);
    const zona = await zonaOf(pemdaKode);
    const [y, m, d] = tanggal.split('-').map(Number) as [number, number, number];
    const at = endOfDay(zona, y, m, d);
    return { tanggal, at, lewat: clock.now() > at };
  }

  return { settingsOf, sekarang, liburSekitar, pegawaiOf, pegawaiIdOf, hariFakta, batasPersetujuan };
}
export type KinerjaContext = ReturnType<typeof createKinerjaContext>;
