import { currentLocale } from '@/lib/i18n/i18n';

/** Scores as the rapor shows them: two decimals, id-ID ("87,25"); a dash when there is none. */
export const fmtScore = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined
    ? '–'
    : new Intl.NumberFormat(currentLocale(), {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);

/** A raw value: up to two decimals, no trailing zeros. */
export const fmtValue = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '–'
    : new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(value);

export const monthShort = (bulan: number) =>
  new Intl.DateTimeFormat(currentLocale(), { month: 'short' }).format(
    new Date(Date.UTC(2026, bulan - 1, 15)),
  );

// Predikat colours dark enough for white text (WCAG AA 4.5:1).
export const predikatColor = (p: string | null | undefined) =>
  p === 'Sangat Baik'
    ? '#1b6e2e'
    : p === 'Baik'
      ? '#1864ab'
      : p === 'Cukup'
        ? '#7a5a00'
        : p
          ? '#a61e1e'
          : 'gray';

/** Distinct, accessible series colours (bidang, compared units). */
export const seriesColors = ['#1864ab', '#2b8a3e', '#c2255c', '#e8590c', '#6741d9', '#0b7285'];
