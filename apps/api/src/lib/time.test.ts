import { describe, expect, it } from 'vitest';
import { dayIn, endOfDay, formatTanggal, formatWaktu, startOfDay, yearIn } from './time';

describe('time in a pemda zone', () => {
  it('deadlines are the end of the day in WIB, WITA or WIT', () => {
    expect(endOfDay('Asia/Jakarta', 2026, 4, 10).toISOString()).toBe('2026-04-10T16:59:59.999Z');
    expect(endOfDay('Asia/Makassar', 2026, 4, 10).toISOString()).toBe('2026-04-10T15:59:59.999Z');
    expect(endOfDay('Asia/Jayapura', 2026, 4, 10).toISOString()).toBe('2026-04-10T14:59:59.999Z');
    expect(startOfDay('Asia/Jakarta', 2026, 1, 1).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    // Month 13 is January of the next year.
    expect(endOfDay('Asia/Jakarta', 2026, 13, 10).toISOString()).toBe('2027-01-10T16:59:59.999Z');
  });

  it('the year and the day follow the zone, not UTC', () => {
    const newYearWib = new Date('2026-12-31T17:30:00Z');
    expect(yearIn(newYearWib, 'Asia/Jakarta')).toBe(2027);
    expect(dayIn(newYearWib, 'Asia/Jakarta')).toBe('2027-01-01');
    expect(formatWaktu(newYearWib, 'Asia/Jayapura')).toBe('2027-01-01 02:30');
    expect(formatTanggal(new Date('2026-04-10T16:59:59Z'), 'Asia/Jakarta')).toBe('10 April 2026');
    expect(formatTanggal(new Date('2026-04-10T16:59:59Z'), 'Asia/Makassar')).toBe('11 April 2026');
  });
});
