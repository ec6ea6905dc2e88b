import { currentLocale } from './i18n/i18n';

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

/** "Rabu, 25 November 2026" */
export function formatLongDate(value: Date | string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(value));
}

/** "25 Nov 2026, 21.57" */
export function formatDateTime(value: Date | string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value));
}

/** "25 November 2026 pukul 21.57" */
export function formatLongDateTime(value: Date | string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(value),
  );
}
