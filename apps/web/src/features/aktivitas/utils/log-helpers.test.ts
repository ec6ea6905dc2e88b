import type { RingkasanHari } from '@sip/contracts';
import { describe, expect, it } from 'vitest';
import { durasi, hariKerjaSebelumnya, jadwalTemplat, selesaiDari, statusTampil } from './log-helpers';

describe('daily log helpers', () => {
  it('an approval with fewer minutes reads as partly approved', () => {
    expect(statusTampil({ status: 'disetujui', menit: 60, menitDisetujui: 45 })).toBe('dikurangi');
    expect(statusTampil({ status: 'disetujui', menit: 60, menitDisetujui: 60 })).toBe('disetujui');
    expect(statusTampil({ status: 'diajukan', menit: 60, menitDisetujui: null })).toBe('diajukan');
    expect(statusTampil({ status: 'ditolak', menit: 60, menitDisetujui: 0 })).toBe('ditolak');
  });

  it('fills the end time from the start and the standard minutes, never past midnight', () => {
    expect(selesaiDari('07:30', 45)).toBe('08:15');
    expect(selesaiDari('23:30', 90)).toBe('24:00');
    expect(durasi('07:30', '08:15')).toBe(45);
    expect(durasi('09:00', '08:00')).toBe(0);
  });

  it('lays the template out from the start of the day, around what is already logged', () => {
    expect(jadwalTemplat([30, 60], '07:30', [])).toEqual([
      { mulai: '07:30', selesai: '08:00' },
      { mulai: '08:00', selesai: '09:00' },
    ]);
    // 08:00–08:30 is taken: the 60-minute item cannot start at 08:00, nor overlap 09:00–09:15.
    expect(
      jadwalTemplat([30, 60], '07:30', [
        { mulai: '09:00', selesai: '09:15' },
        { mulai: '08:00', selesai: '08:30' },
      ]),
    ).toEqual([
      { mulai: '07:30', selesai: '08:00' },
      { mulai: '09:15', selesai: '10:15' },
    ]);
    expect(jadwalTemplat([120], '23:00', [])).toEqual([null]);
  });

  it('finds the previous working day, across a weekend and a holiday', () => {
    const hari = (tanggal: string, hariKerja: boolean) => ({ tanggal, hariKerja }) as RingkasanHari;
    const days = [
      hari('2026-11-26', true),
      hari('2026-11-27', false), // a holiday on Friday
      hari('2026-11-28', false),
      hari('2026-11-29', false),
      hari('2026-11-30', true),
      hari('2026-12-01', true),
    ];
    expect(hariKerjaSebelumnya('2026-11-30', days)).toBe('2026-11-26');
    expect(hariKerjaSebelumnya('2026-12-01', days)).toBe('2026-11-30');
    expect(hariKerjaSebelumnya('2026-11-26', days)).toBeNull();
  });
});
