import { describe, expect, it } from 'vitest';
import { dayInZone, formatDueDate, visibleText, yearInZone, zonedInstant } from './format';

describe('visibleText', () => {
  it('shows every bidirectional control as a visible tag, in place', () => {
    expect(visibleText('Nilai benar \u202Efdp.exe')).toBe('Nilai benar [U+202E]fdp.exe');
    expect(visibleText('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F')).toBe(
      '[U+202A][U+202B][U+202C][U+202D][U+2066][U+2067][U+2068][U+2069][U+200E][U+200F]',
    );
  });

  it('leaves ordinary text, Arabic script and emoji alone', () => {
    for (const text of ['Layanan cepat, petugas ramah.', 'شكرا جزيلا', 'Mantap 👍', 'Baris 1\nBaris 2']) {
      expect(visibleText(text)).toBe(text);
    }
  });
});

describe('dates in the pemda zone, wherever the browser is', () => {
  it('reads a picked wall time in WIB, WITA or WIT', () => {
    expect(zonedInstant('2026-04-10 16:00:00', 'Asia/Jakarta').toISOString()).toBe(
      '2026-04-10T09:00:00.000Z',
    );
    expect(zonedInstant('2026-04-10 16:00:00', 'Asia/Makassar').toISOString()).toBe(
      '2026-04-10T08:00:00.000Z',
    );
    expect(zonedInstant('2026-01-01 00:30', 'Asia/Jayapura').toISOString()).toBe('2025-12-31T15:30:00.000Z');
  });

  it('names the day and the year of the zone around midnight and the new year', () => {
    const at = new Date('2026-12-31T16:30:00Z'); // 23.30 WIB, 00.30 WITA on 1 January
    expect(dayInZone(at, 'Asia/Jakarta')).toBe('2026-12-31');
    expect(dayInZone(at, 'Asia/Makassar')).toBe('2027-01-01');
    expect(yearInZone(at, 'Asia/Jayapura')).toBe(2027);
    expect(formatDueDate('2026-04-10T15:59:59.999Z', 'Asia/Makassar')).toMatch(/10 April 2026/);
    expect(formatDueDate('2026-04-10T15:59:59.999Z', 'Asia/Jayapura')).toMatch(/11 April 2026/);
  });
});
