import { z } from 'zod';
import { ScoringInputError } from './errors';
import { defaultRoundingRule, roundScore } from './rounding';
import { type RoundingRule, roundingRuleSchema } from './schema';

/*
 * Nilai kinerja bulanan of one pegawai: DESIGN.md "Kinerja pegawai", step 5 (the monthly score),
 * specified in docs/scoring.md "Kinerja pegawai: nilai kinerja bulanan". Perilaku is rated on the
 * seven BerAKHLAK values, the ASN core values of SE MenPANRB 20/2021. Pure: no clock, no I/O; dates
 * are calendar dates 'YYYY-MM-DD' computed with Date.UTC, never in local time.
 */

/** Version of the formulas in this file; stored with every monthly score. */
export const KINERJA_FORMULA_VERSION = 'kinerja-2026.1';

// ---------------------------------------------------------------------------------------------
// Settings, stored per pemda and year
// ---------------------------------------------------------------------------------------------

const idLocale = z.locales.id();

const jamSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam harus ditulis JJ:MM, 00:00 sampai 23:59.');

export const kinerjaSettingsSchema = z
  .strictObject({
    /** Minutes of effective work expected per working day. */
    menitEfektifPerHari: z.number().int().min(60).max(600).default(300),
    bobotProduktivitas: z.number().int().min(0).max(100).default(70),
    bobotPerilaku: z.number().int().min(0).max(100).default(30),
    rounding: roundingRuleSchema.default(() => ({ ...defaultRoundingRule })),
    /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
    hariKerja: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .refine((days) => new Set(days).size === days.length, 'Hari kerja tidak boleh disebut dua kali.')
      .default(() => [1, 2, 3, 4, 5]),
    /** Working days after an activity's date during which it may still be logged. */
    masaSusulanHari: z.number().int().min(0).max(30).default(3),
    /** Working days after a week ends before its approval escalates to the atasan's atasan. */
    batasPersetujuanHari: z.number().int().min(1).max(30).default(3),
    jamKerja: z
      .strictObject({ mulai: jamSchema, selesai: jamSchema })
      // 'HH:MM' strings with leading zeros compare like the times they write.
      .refine((j) => j.selesai > j.mulai, {
        message: 'Jam selesai kerja harus sesudah jam mulai kerja.',
        path: ['selesai'],
      })
      .default(() => ({ mulai: '07:30', selesai: '16:00' })),
  })
  .superRefine((s, ctx) => {
    const jumlah = s.bobotProduktivitas + s.bobotPerilaku;
    if (jumlah !== 100) {
      ctx.addIssue({
        code: 'custom',
        message: `Bobot produktivitas (${s.bobotProduktivitas}) dan bobot perilaku (${s.bobotPerilaku}) berjumlah ${jumlah}, harus 100.`,
        path: ['bobotPerilaku'],
      });
    }
  });
export type KinerjaSettings = z.infer<typeof kinerjaSettingsSchema>;
/** What may be stored: any field left out takes its default. */
export type KinerjaSettingsInput = z.input<typeof kinerjaSettingsSchema>;

/** The defaults: 300 minutes a day, weights 70 / 30, 2 decimals half up, Monday to Friday. */
export function kinerjaDefaults(): KinerjaSettings {
  return kinerjaSettingsSchema.parse({});
}

// ---------------------------------------------------------------------------------------------
// BerAKHLAK (SE MenPANRB 20/2021)
// ---------------------------------------------------------------------------------------------

export const BERAKHLAK = [
  { kode: 'berorientasi_pelayanan', nama: 'Berorientasi Pelayanan' },
  { kode: 'akuntabel', nama: 'Akuntabel' },
  { kode: 'kompeten', nama: 'Kompeten' },
  { kode: 'harmonis', nama: 'Harmonis' },
  { kode: 'loyal', nama: 'Loyal' },
  { kode: 'adaptif', nama: 'Adaptif' },
  { kode: 'kolaboratif', nama: 'Kolaboratif' },
] as const;
export type BerakhlakKode = (typeof BERAKHLAK)[number]['kode'];

/** The atasan's rating of one value; the score of a rating is rating × 20. */
export const SKALA_PERILAKU = [
  { nilai: 1, label: 'Sangat kurang' },
  { nilai: 2, label: 'Kurang' },
  { nilai: 3, label: 'Cukup' },
  { nilai: 4, label: 'Baik' },
  { nilai: 5, label: 'Sangat baik' },
] as const;

/** One rating 1..5 per BerAKHLAK value; a value absent or null is not rated yet. */
export type RatingPerilaku = Readonly<Partial<Record<BerakhlakKode, number | null>>>;

/**
 * Behaviour score = mean of (rating × 20) over the seven values, rounded by the rule. Null while any
 * value is not rated (or ratings is null): a half-rated month has no behaviour score. A rating that
 * is not a whole number 1..5, or a value that is not BerAKHLAK, is refused.
 */
export function nilaiPerilaku(
  ratings: RatingPerilaku | null,
  rule: RoundingRule = defaultRoundingRule,
): number | null {
  if (ratings === null) return null;
  const kodes: readonly string[] = BERAKHLAK.map((b) => b.kode);
  for (const kode of Object.keys(ratings)) {
    if (!kodes.includes(kode)) {
      throw new ScoringInputError('PERILAKU_KODE', `Nilai perilaku "${kode}" bukan nilai BerAKHLAK.`);
    }
  }
  let jumlah = 0;
  let lengkap = true;
  for (const { kode, nama } of BERAKHLAK) {
    const r = ratings[kode];
    if (r === undefined || r === null) {
      lengkap = false;
      continue;
    }
    if (!Number.isInteger(r) || r < 1 || r > 5) {
      throw new ScoringInputError(
        'PERILAKU_RATING',
        `Penilaian perilaku ${nama} adalah ${r}, harus bilangan bulat 1 sampai 5.`,
      );
    }
    jumlah += r * 20;
  }
  return lengkap ? roundScore(jumlah / BERAKHLAK.length, rule) : null;
}

// ---------------------------------------------------------------------------------------------
// Working calendar
// ---------------------------------------------------------------------------------------------

const HARI_MS = 86_400_000;

/** Days since 1970-01-01 of a date 'YYYY-MM-DD'; refuses other text and dates that do not exist. */
function nomorHari(tanggal: string, what: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tanggal);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // 2026-02-30 becomes 2 March in Date.UTC: writing the date back catches it.
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== tanggal) {
    throw new ScoringInputError('TANGGAL', `${what} "${tanggal}" bukan tanggal YYYY-MM-DD yang ada.`);
  }
  return t / HARI_MS;
}

function tanggalDari(nomor: number): string {
  return new Date(nomor * HARI_MS).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
function hariIso(nomor: number): number {
  return ((new Date(nomor * HARI_MS).getUTCDay() + 6) % 7) + 1;
}

interface Kalender {
  hariKerja: ReadonlySet<number>;
  libur: ReadonlySet<number>;
}

function kalender(hariKerja: readonly number[], libur: readonly string[]): Kalender {
  if (hariKerja.length === 0 || hariKerja.some((h) => !Number.isInteger(h) || h < 1 || h > 7)) {
    throw new ScoringInputError(
      'HARI_KERJA',
      `Hari kerja [${hariKerja.join(', ')}] harus berisi hari ISO 1 (Senin) sampai 7 (Minggu), paling sedikit satu.`,
    );
  }
  return {
    hariKerja: new Set(hariKerja),
    libur: new Set(libur.map((t) => nomorHari(t, 'Hari libur'))),
  };
}

function kerja(k: Kalender, nomor: number): boolean {
  return k.hariKerja.has(hariIso(nomor)) && !k.libur.has(nomor);
}

/** A working day: its weekday is worked and it is not a holiday or cuti bersama. */
export function isHariKerja(date: string, hariKerja: readonly number[], libur: readonly string[]): boolean {
  return kerja(kalender(hariKerja, libur), nomorHari(date, 'Tanggal'));
}

export interface HariKerjaBulanInput {
  tahun: number;
  /** 1..12 */
  bulan: number;
  /** ISO weekdays worked (settings.hariKerja). */
  hariKerja: readonly number[];
  /** National holidays and cuti bersama of the pemda, 'YYYY-MM-DD'; dates of other months are ignored. */
  libur: readonly string[];
  /** The pegawai's leave dates, 'YYYY-MM-DD'; dates of other months are ignored. */
  cuti: readonly string[];
}

export interface HariKerjaBulan {
  /** The working dates of the month, in order. */
  hariKerja: string[];
  /** Leave dates that fell on working days (leave on a weekend or holiday is not counted). */
  hariCuti: number;
  /** Working days minus leave: the days the pegawai was expected to work. */
  jumlah: number;
}

/** The working days of a month by the pemda's calendar, and how many of them the pegawai was on leave. */
export function hariKerjaBulan(input: HariKerjaBulanInput): HariKerjaBulan {
  const { tahun, bulan } = input;
  if (
    !Number.isInteger(tahun) ||
    tahun < 1000 ||
    tahun > 9999 ||
    !Number.isInteger(bulan) ||
    bulan < 1 ||
    bulan > 12
  ) {
    throw new ScoringInputError('BULAN', `Bulan ${bulan} tahun ${tahun} tidak ada.`);
  }
  const k = kalender(input.hariKerja, input.libur);
  const cuti = new Set(input.cuti.map((t) => nomorHari(t, 'Tanggal cuti')));
  const pertama = Date.UTC(tahun, bulan - 1, 1) / HARI_MS;
  const banyakHari = new Date(Date.UTC(tahun, bulan, 0)).getUTCDate();
  const hariKerja: string[] = [];
  let hariCuti = 0;
  for (let nomor = pertama; nomor < pertama + banyakHari; nomor++) {
    if (!kerja(k, nomor)) continue;
    hariKerja.push(tanggalDari(nomor));
    if (cuti.has(nomor)) hariCuti++;
  }
  return { hariKerja, hariCuti, jumlah: hariKerja.length - hariCuti };
}

export interface MingguIso {
  /** The ISO week-year: the year of the week's Thursday (2027-01-01 is in week 53 of 2026). */
  tahun: number;
  /** Week number 1..53. */
  minggu: number;
  /** The week's Monday, 'YYYY-MM-DD'. */
  mulai: string;
  /** The week's Sunday, 'YYYY-MM-DD'. */
  selesai: string;
}

/** The ISO 8601 week (Monday to Sunday) that contains a date: the unit of the weekly approval. */
export function mingguIso(date: string): MingguIso {
  const nomor = nomorHari(date, 'Tanggal');
  const senin = nomor - (hariIso(nomor) - 1);
  const kamis = senin + 3;
  const tahun = new Date(kamis * HARI_MS).getUTCFullYear();
  const minggu = Math.floor((kamis - Date.UTC(tahun, 0, 1) / HARI_MS) / 7) + 1;
  return { tahun, minggu, mulai: tanggalDari(senin), selesai: tanggalDari(senin + 6) };
}

/**
 * The date n working days after `date` (n = 0: `date` itself). E.g. the last day an activity of
 * `date` may be logged is tambahHariKerja(date, masaSusulanHari, …), and a week's approval escalates
 * after tambahHariKerja(week's Sunday, batasPersetujuanHari, …).
 */
export function tambahHariKerja(
  date: string,
  n: number,
  hariKerja: readonly number[],
  libur: readonly string[],
): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new ScoringInputError('JUMLAH_HARI', `Jumlah hari kerja ${n} harus bilangan bulat 0 atau lebih.`);
  }
  const k = kalender(hariKerja, libur);
  let nomor = nomorHari(date, 'Tanggal');
  // Ends: at least one weekday is worked and the holidays are finite.
  for (let sisa = n; sisa > 0; ) {
    nomor++;
    if (kerja(k, nomor)) sisa--;
  }
  return tanggalDari(nomor);
}

// ---------------------------------------------------------------------------------------------
// Monthly score
// ---------------------------------------------------------------------------------------------

export interface NilaiKinerjaInput {
  /** Effective minutes approved by the atasan and verified by the verifikator, whole minutes. */
  menitDiakui: number;
  /** Working days minus leave: hariKerjaBulan(…).jumlah. */
  hariKerjaEfektif: number;
  /** The atasan's monthly rating; null (or incomplete) while not rated. */
  ratings: RatingPerilaku | null;
  settings: KinerjaSettings;
}

export interface NilaiKinerjaBulanan {
  hariKerjaEfektif: number;
  menitEfektifPerHari: number;
  /** hariKerjaEfektif × menitEfektifPerHari. */
  targetMenit: number;
  menitDiakui: number;
  /** min(100, menitDiakui × 100 ÷ targetMenit), rounded; 0 when targetMenit is 0. */
  produktivitas: number;
  /** nilaiPerilaku(ratings), rounded; null while not rated. */
  perilaku: number | null;
  /** (bobot.produktivitas × produktivitas + bobot.perilaku × perilaku) ÷ 100, rounded; null while perilaku is. */
  nilaiKinerja: number | null;
  bobot: { produktivitas: number; perilaku: number };
  formula: typeof KINERJA_FORMULA_VERSION;
}

/**
 * The monthly score: DESIGN.md "Kinerja pegawai" step 5, specified in docs/scoring.md §11
 * "Kinerja pegawai: nilai kinerja bulanan"; BerAKHLAK = the ASN core values of SE MenPANRB 20/2021.
 *   targetMenit   = hariKerjaEfektif × menitEfektifPerHari
 *   produktivitas = min(100, menitDiakui ÷ targetMenit × 100)
 *   perilaku      = mean of (rating × 20) over the seven BerAKHLAK values
 *   nilaiKinerja  = (bobotProduktivitas × produktivitas + bobotPerilaku × perilaku) ÷ 100
 * Rounding order: produktivitas and perilaku are each rounded by the settings' rule first, and
 * nilaiKinerja is computed from those rounded numbers and rounded again, so a person who redoes
 * the sum from the two numbers on the screen gets the same digits.
 * A month spent wholly on leave has targetMenit 0: produktivitas is then 0 (there was no work to
 * measure), not a division by zero. nilaiKinerja stays null until the atasan has rated all seven values.
 */
export function nilaiKinerjaBulanan(input: NilaiKinerjaInput): NilaiKinerjaBulanan {
  const { menitDiakui, hariKerjaEfektif, ratings } = input;
  const parsed = kinerjaSettingsSchema.safeParse(input.settings, { error: idLocale.localeError });
  if (!parsed.success) {
    const masalah = parsed.error.issues.map((iss) => `${iss.path.join('.')}: ${iss.message}`);
    throw new ScoringInputError('PENGATURAN', `Pengaturan kinerja tidak valid: ${masalah.join('; ')}`);
  }
  const s = parsed.data;
  if (!Number.isInteger(menitDiakui) || menitDiakui < 0) {
    throw new ScoringInputError('MENIT', `Menit diakui ${menitDiakui} harus bilangan bulat 0 atau lebih.`);
  }
  if (!Number.isInteger(hariKerjaEfektif) || hariKerjaEfektif < 0 || hariKerjaEfektif > 31) {
    throw new ScoringInputError(
      'HARI_EFEKTIF',
      `Hari kerja efektif ${hariKerjaEfektif} harus bilangan bulat 0 sampai 31.`,
    );
  }

  const targetMenit = hariKerjaEfektif * s.menitEfektifPerHari;
  // Written as menitDiakui × 100 ÷ targetMenit so only the division rounds: 5,130 × 100 ÷ 6,000 is exactly 85.5.
  const produktivitas =
    targetMenit === 0 ? 0 : roundScore(Math.min(100, (menitDiakui * 100) / targetMenit), s.rounding);
  const perilaku = nilaiPerilaku(ratings, s.rounding);
  const nilaiKinerja =
    perilaku === null
      ? null
      : roundScore((s.bobotProduktivitas * produktivitas + s.bobotPerilaku * perilaku) / 100, s.rounding);
  return {
    hariKerjaEfektif,
    menitEfektifPerHari: s.menitEfektifPerHari,
    targetMenit,
    menitDiakui,
    produktivitas,
    perilaku,
    nilaiKinerja,
    bobot: { produktivitas: s.bobotProduktivitas, perilaku: s.bobotPerilaku },
    formula: KINERJA_FORMULA_VERSION,
  };
}
