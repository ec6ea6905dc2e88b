import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from './i18n/i18n';
import {
  formatTanggal,
  formatTanggalPanjang,
  geserBulan,
  hariIso,
  parseTanggal,
  seninDari,
  tambahHari,
} from './tanggal';

describe('calendar dates', () => {
  afterAll(() => setLanguage('id'));

  it('adds days across months and years', () => {
    expect(tambahHari('2026-11-30', 1)).toBe('2026-12-01');
    expect(tambahHari('2027-01-01', -1)).toBe('2026-12-31');
    expect(tambahHari('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('finds the weekday and the Monday of the week', () => {
    expect(hariIso('2026-11-30')).toBe(1);
    expect(hariIso('2026-12-06')).toBe(7);
    expect(seninDari('2026-12-06')).toBe('2026-11-30');
    expect(seninDari('2027-01-01')).toBe('2026-12-28');
  });

  it('reads only dates that exist', () => {
    expect(parseTanggal('2026-11-30')).toBe('2026-11-30');
    expect(parseTanggal('2026-02-30')).toBeNull();
    expect(parseTanggal('30-11-2026')).toBeNull();
    expect(parseTanggal(null)).toBeNull();
  });

  it('moves months over the year end', () => {
    expect(geserBulan(2026, 12, 1)).toEqual({ tahun: 2027, bulan: 1 });
    expect(geserBulan(2026, 1, -1)).toEqual({ tahun: 2025, bulan: 12 });
  });

  it('shows the date written, in Indonesian', async () => {
    await setLanguage('id');
    expect(formatTanggalPanjang('2026-11-30')).toBe('Senin, 30 November 2026');
    expect(formatTanggal('2026-08-17')).toBe('17 Agustus 2026');
  });
});
