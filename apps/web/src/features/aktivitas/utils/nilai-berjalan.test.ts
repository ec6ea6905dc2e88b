import type { RingkasanHari } from '@sip/contracts';
import { describe, expect, it } from 'vitest';
import { nilaiBerjalan, ratingsOf } from './nilai-berjalan';

const hari = (menitDisetujui: number): RingkasanHari => ({
  tanggal: '2026-11-02',
  hariKerja: true,
  keterangan: null,
  jumlah: 1,
  menit: menitDisetujui + 30,
  menitDisetujui,
  menitDiakui: 0,
  diajukan: 0,
  disetujui: 1,
  ditolak: 0,
});
const semua = (r: number) =>
  Object.fromEntries(
    ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'].map(
      (k) => [k, r],
    ),
  );
const perilaku = (ratings: Record<string, number>) => ({
  ratings,
  catatan: '',
  dinilaiOleh: 'Camat',
  dinilaiAt: '2026-11-30T09:00:00Z',
  version: 1,
});

describe('the month score as it builds up (same engine as the server)', () => {
  it('counts the approved minutes against the working days and the default settings', () => {
    // 20 effective days × 300 = 6,000; 5,130 approved → 85.5; behaviour all 4 → 80; 0.7 × 85.5 + 0.3 × 80 = 83.85
    const r = nilaiBerjalan({
      hari: [hari(3000), hari(2130)],
      hariKerjaEfektif: 20,
      settings: {},
      perilaku: perilaku(semua(4)),
    });
    expect(r.ok && r.nilai).toMatchObject({
      targetMenit: 6000,
      menitDiakui: 5130,
      produktivitas: 85.5,
      perilaku: 80,
      nilaiKinerja: 83.85,
    });
  });

  it('has no nilai kinerja until behaviour is rated, and follows the year’s settings', () => {
    const r = nilaiBerjalan({
      hari: [hari(1200)],
      hariKerjaEfektif: 4,
      settings: { menitEfektifPerHari: 240, bobotProduktivitas: 60, bobotPerilaku: 40 },
      perilaku: null,
    });
    expect(r.ok && r.nilai).toMatchObject({
      targetMenit: 960,
      produktivitas: 100,
      perilaku: null,
      nilaiKinerja: null,
    });
  });

  it('says why when the stored settings cannot be read', () => {
    const r = nilaiBerjalan({
      hari: [],
      hariKerjaEfektif: 20,
      settings: { bobotProduktivitas: 90 },
      perilaku: null,
    });
    expect(r.ok).toBe(false);
  });

  it('passes only the seven BerAKHLAK values to the engine', () => {
    expect(ratingsOf({ akuntabel: 5, lain: 3 })).toEqual({ akuntabel: 5 });
    expect(ratingsOf(null)).toBeNull();
  });
});
