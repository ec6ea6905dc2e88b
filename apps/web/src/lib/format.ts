import { type Zona, zonaSingkatan } from '@sip/contracts';
import { currentLocale } from './i18n/i18n';

// Every number and date the app shows, in the UI language (id-ID, or en-GB when English is chosen),
// dates and times in the pemda's time zone (WIB, WITA or WIT), wherever the browser happens to be.

let displayZone: Zona = 'Asia/Jakarta';

/** The signed-in person's pemda zone (`me.zona`, kept by app/providers.tsx); WIB until known. */
export function setDisplayZone(zona: Zona): void {
  displayZone = zona;
}

/** "WIB", "WITA" or "WIT": written after times so nobody wonders whose clock it is. */
export const zoneLabel = (zona: Zona = displayZone) => zonaSingkatan[zona];

/** What a cell shows when there is no value. */
export const NO_VALUE = '—';

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

/** Scores: a fixed number of decimals, two unless told ("87,25"). */
export function formatScore(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return NO_VALUE;
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A raw value (weights, targets, reported values): up to `maxDigits` decimals, no trailing zeros. */
export function formatValue(value: number | null | undefined, maxDigits = 2): string {
  if (value === null || value === undefined) return NO_VALUE;
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: maxDigits }).format(value);
}

/** The decimal separator the number inputs type with. */
export function decimalSeparator(): string {
  return currentLocale() === 'id-ID' ? ',' : '.';
}

/**
 * "Rabu, 25 November 2026". Public pages pass the zone of the pemda they show; signed-in pages use
 * the person's pemda zone.
 */
export function formatLongDate(value: Date | string, zona: Zona = displayZone): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    timeZone: zona,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(value));
}

/** "25 Nov 2026, 21.57" */
export function formatDateTime(value: Date | string, zona: Zona = displayZone): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    timeZone: zona,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value));
}

/** "25 November 2026 pukul 21.57" */
export function formatLongDateTime(value: Date | string, zona: Zona = displayZone): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zona,
  }).format(new Date(value));
}

/** "14.05" */
export function formatTime(value: Date | string, zona: Zona = displayZone): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zona,
  }).format(new Date(value));
}

/** "10 April 2026": a deadline is the end of that day in the pemda's zone. */
export function formatDueDate(value: Date | string, zona: Zona = displayZone): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeZone: zona }).format(
    new Date(value),
  );
}

/** The calendar day (YYYY-MM-DD) of an instant in the pemda's zone: "today" for date inputs. */
export function dayInZone(value: Date, zona: Zona = displayZone): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zona }).format(value);
}

/**
 * The instant a wall-clock time ("2026-04-10 16:00:00", as the date-time picker gives it) stands for
 * in the pemda's zone — not in the browser's, which may be elsewhere.
 */
export function zonedInstant(wall: string, zona: Zona = displayZone): Date {
  const [date = '', time = '00:00:00'] = wall.trim().split(/[ T]/);
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0, s = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const part = new Map(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zona,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(asUtc))
      .map((p) => [p.type, Number(p.value)]),
  );
  const n = (type: Intl.DateTimeFormatPartTypes) => part.get(type) ?? 0;
  // No zone of Indonesia shifts during the year: the offset at that moment is the zone's offset.
  const offset = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - asUtc;
  return new Date(asUtc - offset);
}

/** The calendar year of an instant in the pemda's zone. */
export const yearInZone = (value: Date, zona: Zona = displayZone) =>
  Number(dayInZone(value, zona).slice(0, 4));

/** "Jan" … "Des" for months 1–12. */
export function formatMonthShort(bulan: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { month: 'short' }).format(
    new Date(Date.UTC(2026, bulan - 1, 15)),
  );
}

/**
 * Text people typed, with every bidirectional control (U+202A–U+202E overrides and embeddings,
 * U+2066–U+2069 isolates, U+200E/U+200F marks) shown as a visible tag such as "[U+202E]" instead of
 * silently reordering what follows: a reason or a comment must read as what was written.
 */
export function visibleText(value: string): string {
  return value.replace(
    /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}
