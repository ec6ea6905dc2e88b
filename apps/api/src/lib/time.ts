/**
 * Dates and deadlines in a pemda's time zone (DESIGN.md, Operations: WIB, WITA or WIT by their IANA
 * names, never a fixed offset). Every date rule of the API goes through here.
 */
import type { Zona } from '@sip/contracts';

/** A pemda's zone (pemda_setting, else its province's: contracts `defaultZonaOf`). */
export type TimeZone = Zona;

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string) {
  let f = partsFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(zone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone. */
export function wallClock(at: Date, zone: TimeZone) {
  const p = Object.fromEntries(
    formatterOf(zone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** The instant a wall-clock time of a zone stands for (month 13 rolls into the next year, as Date.UTC does). */
export function zonedTime(
  zone: TimeZone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // The zone's offset at that moment, read from the zone itself (no zone of Indonesia shifts in the year).
  const w = wallClock(new Date(asUtc), zone);
  const offset =
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(asUtc / 1000) * 1000;
  return new Date(asUtc - offset);
}

/** 00:00 of a calendar day in the zone. */
export const startOfDay = (zone: TimeZone, year: number, month: number, day: number) =>
  zonedTime(zone, year, month, day);

/** 23:59:59.999 of a calendar day in the zone. */
export const endOfDay = (zone: TimeZone, year: number, month: number, day: number) =>
  zonedTime(zone, year, month, day, 23, 59, 59, 999);

/** The calendar year of an instant in the zone. */
export const yearIn = (at: Date, zone: TimeZone) => wallClock(at, zone).year;

/** The calendar day (YYYY-MM-DD) of an instant in the zone. */
export function dayIn(at: Date, zone: TimeZone): string {
  const w = wallClock(at, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** "10 April 2026": a date as the pemda's people read it. */
export const formatTanggal = (at: Date, zone: TimeZone) =>
  new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: zone }).format(at);

/** "2026-04-10 16:59": a time in the zone for spreadsheets. */
export function formatWaktu(at: Date, zone: TimeZone): string {
  const w = wallClock(at, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
}

/** Whole calendar days from the day of `from` to the day of `to` in the zone (0 on the same day). */
export function calendarDaysBetween(from: Date, to: Date, zone: TimeZone): number {
  const a = wallClock(from, zone);
  const b = wallClock(to, zone);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}
