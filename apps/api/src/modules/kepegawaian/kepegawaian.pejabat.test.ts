import { describe, expect, it } from 'vitest';
import { namaPejabat } from './kepegawaian.pejabat';

describe('who led a unit over the year', () => {
  it('names the one definitif head of the whole year plainly', () => {
    const m = namaPejabat(
      [{ wilayahKode: 'A', nama: 'Rina Marlina', jenis: 'definitif', mulai: '2024-03-01', selesai: null }],
      2026,
    );
    expect(m.get('A')).toBe('Rina Marlina');
  });

  it('names a mutasi and a Plt with their part of the year; a Plh and other years are left out', () => {
    const m = namaPejabat(
      [
        {
          wilayahKode: 'A',
          nama: 'Rina Marlina',
          jenis: 'definitif',
          mulai: '2022-01-01',
          selesai: '2026-06-30',
        },
        { wilayahKode: 'A', nama: 'Dadan Hermawan', jenis: 'plt', mulai: '2026-07-01', selesai: null },
        {
          wilayahKode: 'A',
          nama: 'Siti Nurhayati',
          jenis: 'plh',
          mulai: '2026-03-02',
          selesai: '2026-03-13',
        },
        {
          wilayahKode: 'A',
          nama: 'Agus Setiawan',
          jenis: 'definitif',
          mulai: '2020-01-01',
          selesai: '2021-12-31',
        },
      ],
      2026,
    );
    expect(m.get('A')).toBe(
      'Rina Marlina (1 Januari 2026 – 30 Juni 2026); Dadan Hermawan (Plt, 1 Juli 2026 – 31 Desember 2026)',
    );
  });

  it('names nobody for a unit whose head position was vacant all year', () => {
    expect(namaPejabat([], 2026).size).toBe(0);
  });
});
