import { currentLocale } from './i18n/i18n';

// Calendar dates 'YYYY-MM-DD' (a day of the pemda's calendar, no time and no zone): arithmetic in UTC,
// shown in UTC so that the date written is the date shown, wherever the browser is.

const HARI_MS = 86_400_000;

function utc(tanggal: string): number {
  const [y = 1970, m = 1, d = 1] = tanggal.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A valid calendar date `YYYY-MM-DD`, else null (for dates read from the URL). */
export function parseTanggal(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = utc(value);
  return Number.isNaN(ms) || iso(ms) !== value ? null : value;
}

/** The date `n` days after (negative: before) `tanggal`. */
export function tambahHari(tanggal: string, n: number): string {
  return iso(utc(tanggal) + n * HARI_MS);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function hariIso(tanggal: string): number {
  return ((new Date(utc(tanggal)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week of `tanggal`. */
export function seninDari(tanggal: string): string {
  return tambahHari(tanggal, 1 - hariIso(tanggal));
}

function format(tanggal: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(currentLocale(), { ...options, timeZone: 'UTC' }).format(
    new Date(utc(tanggal)),
  );
}

/** "Senin, 30 November 2026" */
export const formatTanggalPanjang = (tanggal: string) =>
  format(tanggal, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "30 November 2026" */
export const formatTanggal = (tanggal: string) =>
  format(tanggal, { day: 'numeric', month: 'long', year: 'numeric' });

/** "Sen, 30 Nov" */
export const formatTanggalPendek = (tanggal: string) =>
  format(tanggal, { weekday: 'short', day: 'numeric', month: 'short' });

/** "November 2026" */
export const formatBulanTahun = (tahun: number, bulan: number) =>
  new Intl.DateTimeFormat(currentLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(tahun, bulan - 1, 1)),
  );

/** The month before / after (`delta` months) a year and month. */
export function geserBulan(tahun: number, bulan: number, delta: number): { tahun: number; bulan: number } {
  const n = tahun * 12 + (bulan - 1) + delta;
  return { tahun: Math.floor(n / 12), bulan: (n % 12) + 1 };
}
