import { currentLocale } from '@/lib/i18n/i18n';

/** Scores as shown everywhere: two decimals ("87,25"). */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 4 }).format(value);
}

/** "14.05" (id-ID) */
export function formatTime(value: string | Date): string {
  return new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(value),
  );
}

/** "10 April 2026" in WIB, as deadlines are set. */
export function formatDueDate(value: string | Date): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(
    new Date(value),
  );
}

export function decimalSeparator(): string {
  return currentLocale() === 'id-ID' ? ',' : '.';
}

/** Alert titles in the text colour: Mantine's light yellow/green titles fall below 4.5:1 contrast. */
export const alertStyles = { title: { color: 'var(--mantine-color-text)' } } as const;
