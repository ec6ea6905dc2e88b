import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BERAKHLAK,
  hariKerjaBulan,
  isHariKerja,
  type KinerjaSettings,
  kinerjaDefaults,
  kinerjaSettingsSchema,
  mingguIso,
  nilaiKinerjaBulanan,
  nilaiPerilaku,
  type RatingPerilaku,
  roundScore,
  ScoringInputError,
  SKALA_PERILAKU,
  tambahHariKerja,
} from '../src/index';
import { desember2026, menitDiakuiExample, ratingsAll, ratingsExample } from './fixtures/kinerja-example';

const DAY_MS = 86_400_000;
/** 'YYYY-MM-DD' of a UTC calendar date. */
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
const daysInMonth = (y: number, m: number) =>
  [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    m - 1
  ]!;
const senJum = [1, 2, 3, 4, 5];

const settingsWith = (over: Partial<KinerjaSettings> = {}): KinerjaSettings => ({
  ...kinerjaDefaults(),
  ...over,
});
const ratingsOf = (rs: readonly number[]): RatingPerilaku =>
  Object.fromEntries(BERAKHLAK.map((b, i) => [b.kode, rs[i]]));

// Arbitraries
const arbRatings = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 7, maxLength: 7 }).map(ratingsOf);
const arbSettings = fc
  .record({
    menitEfektifPerHari: fc.integer({ min: 60, max: 600 }),
    bobotProduktivitas: fc.integer({ min: 0, max: 100 }),
    decimals: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ menitEfektifPerHari, bobotProduktivitas, decimals }) =>
    settingsWith({
      menitEfektifPerHari,
      bobotProduktivitas,
      bobotPerilaku: 100 - bobotProduktivitas,
      rounding: { decimals, mode: 'half_up' },
    }),
  );
/** A calendar date between 1990 and 2100. */
const arbDate = fc
  .integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map((n) => new Date(n * DAY_MS).toISOString().slice(0, 10));
const arbHariKerja = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });

describe('settings', () => {
  it('defaults: 300 minutes, 70 / 30, 2 decimals half up, Monday to Friday, 07:30–16:00', () => {
    expect(kinerjaDefaults()).toEqual({
      menitEfektifPerHari: 300,
      bobotProduktivitas: 70,
      bobotPerilaku: 30,
      rounding: { decimals: 2, mode: 'half_up' },
      hariKerja: [1, 2, 3, 4, 5],
      masaSusulanHari: 3,
      batasPersetujuanHari: 3,
      jamKerja: { mulai: '07:30', selesai: '16:00' },
    });
    // Each call is a fresh object: editing one pemda's settings cannot leak into another's.
    const a = kinerjaDefaults();
    a.hariKerja.push(6);
    expect(kinerjaDefaults().hariKerja).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    ['menitEfektifPerHari 59', { menitEfektifPerHari: 59 }, 'menitEfektifPerHari'],
    ['menitEfektifPerHari 601', { menitEfektifPerHari: 601 }, 'menitEfektifPerHari'],
    ['menitEfektifPerHari 300.5', { menitEfektifPerHari: 300.5 }, 'menitEfektifPerHari'],
    ['weights 70 / 40', { bobotPerilaku: 40 }, 'bobotPerilaku'],
    ['weights 110 / -10', { bobotProduktivitas: 110, bobotPerilaku: -10 }, 'bobotProduktivitas'],
    ['weight 69.5 / 30.5', { bobotProduktivitas: 69.5, bobotPerilaku: 30.5 }, 'bobotProduktivitas'],
    ['rounding 7 decimals', { rounding: { decimals: 7, mode: 'half_up' } }, 'rounding.decimals'],
    ['no working day', { hariKerja: [] }, 'hariKerja'],
    ['weekday 8', { hariKerja: [1, 8] }, 'hariKerja.1'],
    ['Monday twice', { hariKerja: [1, 1, 2] }, 'hariKerja'],
    ['masa susulan 31', { masaSusulanHari: 31 }, 'masaSusulanHari'],
    ['masa susulan -1', { masaSusulanHari: -1 }, 'masaSusulanHari'],
    ['batas persetujuan 0', { batasPersetujuanHari: 0 }, 'batasPersetujuanHari'],
    ['batas persetujuan 31', { batasPersetujuanHari: 31 }, 'batasPersetujuanHari'],
    ['jam 7:30 without leading zero', { jamKerja: { mulai: '7:30', selesai: '16:00' } }, 'jamKerja.mulai'],
    ['jam 24:00', { jamKerja: { mulai: '07:30', selesai: '24:00' } }, 'jamKerja.selesai'],
    ['selesai before mulai', { jamKerja: { mulai: '16:00', selesai: '07:30' } }, 'jamKerja.selesai'],
    ['selesai equal to mulai', { jamKerja: { mulai: '08:00', selesai: '08:00' } }, 'jamKerja.selesai'],
  ])('refuses %s', (_name, input, path) => {
    const parsed = kinerjaSettingsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('says in Indonesian what the weights add up to', () => {
    const parsed = kinerjaSettingsSchema.safeParse({ bobotProduktivitas: 60, bobotPerilaku: 30 });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      'Bobot produktivitas (60) dan bobot perilaku (30) berjumlah 90, harus 100.',
    ]);
  });

  it('accepts exactly the weight pairs that sum to 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (p, b) => {
        const ok = kinerjaSettingsSchema.safeParse({ bobotProduktivitas: p, bobotPerilaku: b }).success;
        expect(ok).toBe(p + b === 100);
      }),
    );
  });

  it('nilaiKinerjaBulanan refuses settings the schema refuses', () => {
    expect(() =>
      nilaiKinerjaBulanan({
        menitDiakui: 100,
        hariKerjaEfektif: 20,
        ratings: null,
        settings: settingsWith({ bobotPerilaku: 40 }),
      }),
    ).toThrow(/berjumlah 110, harus 100/);
  });
});

describe('BerAKHLAK and nilaiPerilaku', () => {
  it('lists the seven values of SE MenPANRB 20/2021 in order, and the scale 1..5', () => {
    expect(BERAKHLAK.map((b) => [b.kode, b.nama])).toEqual([
      ['berorientasi_pelayanan', 'Berorientasi Pelayanan'],
      ['akuntabel', 'Akuntabel'],
      ['kompeten', 'Kompeten'],
      ['harmonis', 'Harmonis'],
      ['loyal', 'Loyal'],
      ['adaptif', 'Adaptif'],
      ['kolaboratif', 'Kolaboratif'],
    ]);
    expect(SKALA_PERILAKU.map((s) => `${s.nilai} ${s.label}`)).toEqual([
      '1 Sangat kurang',
      '2 Kurang',
      '3 Cukup',
      '4 Baik',
      '5 Sangat baik',
    ]);
  });

  it.each([
    [[4, 4, 5, 3, 4, 4, 4], 80],
    [[5, 5, 5, 5, 5, 5, 5], 100],
    [[1, 1, 1, 1, 1, 1, 1], 20],
    [[5, 4, 4, 4, 4, 4, 4], 82.86], // 580 ÷ 7 = 82.857142…
    [[3, 3, 3, 3, 3, 3, 4], 62.86], // 440 ÷ 7 = 62.857142…
    [[2, 3, 3, 3, 3, 3, 3], 57.14], // 400 ÷ 7 = 57.142857…
  ])('ratings %j -> %d', (rs, score) => {
    expect(nilaiPerilaku(ratingsOf(rs))).toBe(score);
  });

  it('is null while not every value is rated', () => {
    expect(nilaiPerilaku(null)).toBeNull();
    expect(nilaiPerilaku({})).toBeNull();
    expect(nilaiPerilaku({ ...ratingsExample, kolaboratif: null })).toBeNull();
    const { loyal: _loyal, ...tanpaLoyal } = ratingsExample;
    expect(nilaiPerilaku(tanpaLoyal)).toBeNull();
  });

  it.each([
    ['rating 0', { ...ratingsExample, loyal: 0 }, 'PERILAKU_RATING'],
    ['rating 6', { ...ratingsExample, loyal: 6 }, 'PERILAKU_RATING'],
    ['rating 3.5', { ...ratingsExample, loyal: 3.5 }, 'PERILAKU_RATING'],
    ['rating 6 beside an unrated value', { loyal: 6 }, 'PERILAKU_RATING'],
    ['a value outside BerAKHLAK', { ...ratingsExample, disiplin: 4 }, 'PERILAKU_KODE'],
  ])('refuses %s', (_name, ratings, code) => {
    expect(() => nilaiPerilaku(ratings as RatingPerilaku)).toThrow(expect.objectContaining({ code }));
  });
});

describe('working calendar', () => {
  it('December 2026: 23 weekdays, Natal on Friday 25 and cuti bersama on Thursday 24 leave 21', () => {
    expect(weekday('2026-12-01')).toBe(2); // Tuesday
    expect(weekday('2026-12-24')).toBe(4); // Thursday
    expect(weekday('2026-12-25')).toBe(5); // Friday
    expect(weekday('2026-12-28')).toBe(1); // Monday
    const weekdays = Array.from({ length: 31 }, (_, i) => iso(2026, 12, i + 1)).filter(
      (d) => weekday(d) >= 1 && weekday(d) <= 5,
    );
    expect(weekdays).toHaveLength(23);

    const cal = hariKerjaBulan(desember2026);
    expect(cal.hariKerja).toEqual(weekdays.filter((d) => d !== '2026-12-24' && d !== '2026-12-25'));
    expect(cal.hariKerja).toHaveLength(21);
    expect(cal).toMatchObject({ hariCuti: 1, jumlah: 20 });
  });

  it('counts no leave on a weekend, a holiday or another month', () => {
    const cal = hariKerjaBulan({
      ...desember2026,
      cuti: ['2026-12-05', '2026-12-06', '2026-12-24', '2026-12-25', '2026-11-30', '2027-01-04'],
    });
    expect(cal).toMatchObject({ hariCuti: 0, jumlah: 21 });
  });

  it('counts a leave date given twice once', () => {
    expect(hariKerjaBulan({ ...desember2026, cuti: ['2026-12-28', '2026-12-28'] }).hariCuti).toBe(1);
  });

  it.each([
    [2026, 2, [1, 2, 3, 4, 5, 6], 24],
    [2028, 2, senJum, 21], // leap year
    [2026, 2, senJum, 20],
    [2026, 3, [1, 2, 3, 4, 5, 6, 7], 31],
    [2026, 5, [6, 7], 10],
  ])('%i-%i with weekdays %j has %i working days', (tahun, bulan, hariKerja, n) => {
    expect(hariKerjaBulan({ tahun, bulan, hariKerja, libur: [], cuti: [] }).jumlah).toBe(n);
  });

  it.each([
    ['a date that does not exist', { ...desember2026, libur: ['2026-02-30'] }, 'TANGGAL'],
    ['a date with a time', { ...desember2026, cuti: ['2026-12-28T00:00:00Z'] }, 'TANGGAL'],
    ['month 13', { ...desember2026, bulan: 13 }, 'BULAN'],
    ['month 0', { ...desember2026, bulan: 0 }, 'BULAN'],
    ['no working weekday', { ...desember2026, hariKerja: [] }, 'HARI_KERJA'],
    ['weekday 0', { ...desember2026, hariKerja: [0, 1] }, 'HARI_KERJA'],
  ])('refuses %s', (_name, input, code) => {
    expect(() => hariKerjaBulan(input)).toThrow(expect.objectContaining({ name: 'ScoringInputError', code }));
  });

  it('every listed date is a working day, and every working day of the month is listed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        arbHariKerja,
        fc.uniqueArray(fc.integer({ min: 1, max: 31 })),
        fc.uniqueArray(fc.integer({ min: 1, max: 31 })),
        (tahun, bulan, hariKerja, liburDays, cutiDays) => {
          const n = daysInMonth(tahun, bulan);
          const libur = liburDays.filter((d) => d <= n).map((d) => iso(tahun, bulan, d));
          const cuti = cutiDays.filter((d) => d <= n).map((d) => iso(tahun, bulan, d));
          const cal = hariKerjaBulan({ tahun, bulan, hariKerja, libur, cuti });
          const all = Array.from({ length: n }, (_, i) => iso(tahun, bulan, i + 1));
          expect(cal.hariKerja).toEqual(all.filter((d) => isHariKerja(d, hariKerja, libur)));
          expect(cal.hariKerja.every((d) => !libur.includes(d) && hariKerja.includes(weekday(d) || 7))).toBe(
            true,
          );
          expect(cal.hariCuti).toBe(cal.hariKerja.filter((d) => cuti.includes(d)).length);
          expect(cal.jumlah).toBe(cal.hariKerja.length - cal.hariCuti);
          expect(cal.jumlah).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('with every weekday worked and no holiday, a month has all its days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (tahun, bulan) => {
        const cal = hariKerjaBulan({ tahun, bulan, hariKerja: [1, 2, 3, 4, 5, 6, 7], libur: [], cuti: [] });
        expect(cal.jumlah).toBe(daysInMonth(tahun, bulan));
      }),
    );
  });

  it('isHariKerja: the pemda calendar decides', () => {
    expect(isHariKerja('2026-12-23', senJum, desember2026.libur)).toBe(true);
    expect(isHariKerja('2026-12-24', senJum, desember2026.libur)).toBe(false);
    expect(isHariKerja('2026-12-26', senJum, desember2026.libur)).toBe(false); // Saturday
    expect(isHariKerja('2026-12-26', [1, 2, 3, 4, 5, 6], desember2026.libur)).toBe(true);
  });
});

describe('mingguIso', () => {
  it.each([
    ['2026-12-23', { tahun: 2026, minggu: 52, mulai: '2026-12-21', selesai: '2026-12-27' }],
    ['2026-01-01', { tahun: 2026, minggu: 1, mulai: '2025-12-29', selesai: '2026-01-04' }],
    ['2026-12-31', { tahun: 2026, minggu: 53, mulai: '2026-12-28', selesai: '2027-01-03' }],
    ['2027-01-03', { tahun: 2026, minggu: 53, mulai: '2026-12-28', selesai: '2027-01-03' }],
    ['2027-01-04', { tahun: 2027, minggu: 1, mulai: '2027-01-04', selesai: '2027-01-10' }],
    ['2024-12-30', { tahun: 2025, minggu: 1, mulai: '2024-12-30', selesai: '2025-01-05' }],
    ['2021-01-03', { tahun: 2020, minggu: 53, mulai: '2020-12-28', selesai: '2021-01-03' }],
  ])('%s', (date, week) => expect(mingguIso(date)).toEqual(week));

  it('a week runs Monday to Sunday around the date, and the next week is numbered one more', () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const w = mingguIso(date);
        expect(weekday(w.mulai)).toBe(1);
        expect(weekday(w.selesai)).toBe(0);
        expect((Date.parse(w.selesai) - Date.parse(w.mulai)) / DAY_MS).toBe(6);
        expect(w.mulai <= date && date <= w.selesai).toBe(true);
        // The week belongs to the year of its Thursday.
        expect(new Date(Date.parse(w.mulai) + 3 * DAY_MS).getUTCFullYear()).toBe(w.tahun);
        const next = mingguIso(new Date(Date.parse(w.mulai) + 7 * DAY_MS).toISOString().slice(0, 10));
        if (next.tahun === w.tahun) expect(next.minggu).toBe(w.minggu + 1);
        else expect([next.tahun, next.minggu, w.minggu >= 52]).toEqual([w.tahun + 1, 1, true]);
      }),
    );
  });
});

describe('tambahHariKerja', () => {
  const libur = desember2026.libur;
  it.each([
    ['2026-12-23', 3, '2026-12-30'], // skips Natal, cuti bersama and the weekend
    ['2026-12-20', 3, '2026-12-23'], // the week's Sunday + 3: the approval deadline
    ['2026-12-18', 1, '2026-12-21'], // Friday -> Monday
    ['2026-12-26', 0, '2026-12-26'], // n = 0 is the date itself, working day or not
    ['2026-12-31', 1, '2027-01-01'], // no 2027 holidays passed in
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(tambahHariKerja(date, n, senJum, libur)).toBe(expected);
  });

  it.each([[-1], [1.5]])('refuses n = %d', (n) => {
    expect(() => tambahHariKerja('2026-12-23', n, senJum, libur)).toThrow(ScoringInputError);
  });

  it('lands on a working day after exactly n working days, and adds up', () => {
    fc.assert(
      fc.property(
        arbDate,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        arbHariKerja,
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 15 }),
        (date, n, m, hariKerja, liburOffsets) => {
          const start = Date.parse(date) / DAY_MS;
          const liburs = liburOffsets.map((o) => new Date((start + o) * DAY_MS).toISOString().slice(0, 10));
          const end = tambahHariKerja(date, n, hariKerja, liburs);
          expect(isHariKerja(end, hariKerja, liburs)).toBe(true);
          let count = 0;
          for (let d = start + 1; d <= Date.parse(end) / DAY_MS; d++) {
            if (isHariKerja(new Date(d * DAY_MS).toISOString().slice(0, 10), hariKerja, liburs)) count++;
          }
          expect(count).toBe(n);
          expect(tambahHariKerja(end, m, hariKerja, liburs)).toBe(
            tambahHariKerja(date, n + m, hariKerja, liburs),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('nilaiKinerjaBulanan', () => {
  it('worked example of docs/scoring.md: December 2026, 5,130 minutes, ratings 4 4 5 3 4 4 4', () => {
    const cal = hariKerjaBulan(desember2026);
    const n = nilaiKinerjaBulanan({
      menitDiakui: menitDiakuiExample,
      hariKerjaEfektif: cal.jumlah,
      ratings: ratingsExample,
      settings: kinerjaDefaults(),
    });
    expect(n).toEqual({
      hariKerjaEfektif: 20,
      menitEfektifPerHari: 300,
      targetMenit: 6000,
      menitDiakui: 5130,
      produktivitas: 85.5,
      perilaku: 80,
      nilaiKinerja: 83.85,
      bobot: { produktivitas: 70, perilaku: 30 },
      formula: 'kinerja-2026.1',
    });
  });

  it.each([
    // name, menit, hari, ratings, produktivitas, perilaku, nilai
    ['on target', 6000, 20, ratingsExample, 100, 80, 94],
    ['above target is capped', 9000, 20, ratingsExample, 100, 80, 94],
    ['nothing logged', 0, 22, ratingsAll(1), 0, 20, 6],
    ['month fully on leave: target 0', 0, 0, ratingsAll(3), 0, 60, 18],
    ['minutes on a month fully on leave still give 0', 120, 0, ratingsAll(5), 0, 100, 30],
    ['not rated yet', 5130, 20, null, 85.5, null, null],
    ['1/3 of target', 2000, 20, ratingsAll(5), 33.33, 100, 53.33], // 0.7 × 33.33 + 30 = 53.331
    // Rounded first: 0.7 × 66.67 + 0.3 × 82.86 = 71.527 -> 71.53; unrounded it would be 71.52.
    ['rounding order', 4000, 20, { ...ratingsAll(4), berorientasi_pelayanan: 5 }, 66.67, 82.86, 71.53],
  ] as const)('%s', (_name, menitDiakui, hariKerjaEfektif, ratings, produktivitas, perilaku, nilai) => {
    const n = nilaiKinerjaBulanan({ menitDiakui, hariKerjaEfektif, ratings, settings: kinerjaDefaults() });
    expect([n.produktivitas, n.perilaku, n.nilaiKinerja]).toEqual([produktivitas, perilaku, nilai]);
  });

  it('rounds with the settings rule: 1 decimal, weights 60 / 40, 270 minutes a day', () => {
    const n = nilaiKinerjaBulanan({
      menitDiakui: 4321,
      hariKerjaEfektif: 19,
      ratings: ratingsExample,
      settings: settingsWith({
        menitEfektifPerHari: 270,
        bobotProduktivitas: 60,
        bobotPerilaku: 40,
        rounding: { decimals: 1, mode: 'half_up' },
      }),
    });
    // target 5,130; 4,321 ÷ 5,130 × 100 = 84.23 -> 84.2; 0.6 × 84.2 + 0.4 × 80 = 82.52 -> 82.5
    expect([n.targetMenit, n.produktivitas, n.perilaku, n.nilaiKinerja]).toEqual([5130, 84.2, 80, 82.5]);
  });

  it.each([
    ['fractional minutes', { menitDiakui: 10.5 }, 'MENIT'],
    ['negative minutes', { menitDiakui: -1 }, 'MENIT'],
    ['32 working days', { hariKerjaEfektif: 32 }, 'HARI_EFEKTIF'],
    ['fractional working days', { hariKerjaEfektif: 20.5 }, 'HARI_EFEKTIF'],
    ['rating 6', { ratings: { ...ratingsExample, loyal: 6 } }, 'PERILAKU_RATING'],
  ])('refuses %s', (_name, over, code) => {
    const input = {
      menitDiakui: 5130,
      hariKerjaEfektif: 20,
      ratings: ratingsExample,
      settings: kinerjaDefaults(),
    };
    expect(() => nilaiKinerjaBulanan({ ...input, ...over })).toThrow(expect.objectContaining({ code }));
  });

  const arbInput = fc.record({
    menitDiakui: fc.integer({ min: 0, max: 20000 }),
    hariKerjaEfektif: fc.integer({ min: 0, max: 31 }),
    ratings: arbRatings,
    settings: arbSettings,
  });

  it('stays within 0..100 and shows no more decimals than the rule', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const n = nilaiKinerjaBulanan(input);
        const rule = input.settings.rounding;
        for (const x of [n.produktivitas, n.perilaku, n.nilaiKinerja]) {
          expect(x).not.toBeNull();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(100);
          expect(roundScore(x as number, rule)).toBe(x);
        }
        expect(n.targetMenit).toBe(input.hariKerjaEfektif * input.settings.menitEfektifPerHari);
      }),
    );
  });

  it('never falls when more minutes are verified', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 5000 }), (input, more) => {
        const a = nilaiKinerjaBulanan(input);
        const b = nilaiKinerjaBulanan({ ...input, menitDiakui: input.menitDiakui + more });
        expect(b.produktivitas).toBeGreaterThanOrEqual(a.produktivitas);
        expect(b.nilaiKinerja).toBeGreaterThanOrEqual(a.nilaiKinerja as number);
      }),
    );
  });

  it('weighs the two parts: the result lies between them, and a 100 / 0 weight gives that part', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const n = nilaiKinerjaBulanan(input);
        const p = n.produktivitas;
        const b = n.perilaku as number;
        expect(n.bobot.produktivitas + n.bobot.perilaku).toBe(100);
        expect(n.nilaiKinerja).toBeGreaterThanOrEqual(Math.min(p, b));
        expect(n.nilaiKinerja).toBeLessThanOrEqual(Math.max(p, b));
        const only = (bobotProduktivitas: number) =>
          nilaiKinerjaBulanan({
            ...input,
            settings: { ...input.settings, bobotProduktivitas, bobotPerilaku: 100 - bobotProduktivitas },
          }).nilaiKinerja;
        expect(only(100)).toBe(p);
        expect(only(0)).toBe(b);
      }),
    );
  });

  it('is the weighted sum of the two rounded parts, rounded again', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const n = nilaiKinerjaBulanan(input);
        const { bobot, produktivitas: p, perilaku: b } = n;
        const expected = roundScore(
          (bobot.produktivitas * p + bobot.perilaku * (b as number)) / 100,
          input.settings.rounding,
        );
        expect(n.nilaiKinerja).toBe(expected);
      }),
    );
  });
});

describe('docs/scoring.md shows the same numbers', () => {
  // Whitespace collapsed: the formatter pads markdown tables.
  const doc = readFileSync(
    fileURLToPath(new URL('../../../docs/scoring.md', import.meta.url)),
    'utf8',
  ).replace(/ +/g, ' ');
  it.each([
    '## 11. Kinerja pegawai: nilai kinerja bulanan',
    '`kinerja-2026.1`',
    '23 weekdays',
    '21 − 1 = 20',
    '20 × 300 = 6,000',
    '5,130 ÷ 6,000 × 100 = 85.50',
    '(4 + 4 + 5 + 3 + 4 + 4 + 4) × 20 ÷ 7 = 560 ÷ 7 = 80.00',
    '0.7 × 85.50 + 0.3 × 80.00 = 59.85 + 24.00 = **83.85**',
    '71.527',
    '71.53',
  ])('contains %s', (s) => expect(doc).toContain(s));
});
