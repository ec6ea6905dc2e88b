// Generates vectors/kinerja-vectors.json: shared cases of the monthly kinerja score and its working
// calendar, checked by test/kinerja-vectors.test.ts. Run: pnpm exec tsx packages/scoring/vectors/generate-kinerja.ts
// Then `pnpm exec biome check --write packages/scoring/vectors` (the formatter owns the layout).
// Review the diff of kinerja-vectors.json by hand: a changed expectation is a changed formula.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kinerjaDefaults } from '../src/index';
import {
  desember2026,
  menitDiakuiExample,
  ratingsAll,
  ratingsExample,
} from '../test/fixtures/kinerja-example';
import { api, type KinerjaVectorCase, runKinerjaCase } from './run-kinerja-case';

const cases: Omit<KinerjaVectorCase, 'expected'>[] = [];
const add = (name: string, fn: KinerjaVectorCase['fn'], input: unknown) => cases.push({ name, fn, input });
const settings = kinerjaDefaults();
const nilai = (name: string, input: object) =>
  add(name, 'nilaiKinerjaBulanan', { settings, ratings: ratingsExample, ...input });
const senJum = [1, 2, 3, 4, 5];
const liburDes = desember2026.libur;

// Worked example of docs/scoring.md.
add('worked example: kalender Desember 2026', 'hariKerjaBulan', desember2026);
nilai('worked example: nilai kinerja', { menitDiakui: menitDiakuiExample, hariKerjaEfektif: 20 });

// nilaiKinerjaBulanan
nilai('rounding order: 66.67 and 82.86 give 71.53 (71.52 unrounded)', {
  menitDiakui: 4000,
  hariKerjaEfektif: 20,
  ratings: { ...ratingsAll(4), berorientasi_pelayanan: 5 },
});
nilai('above target: productivity capped at 100', { menitDiakui: 7000, hariKerjaEfektif: 20 });
nilai('exactly on target', { menitDiakui: 6000, hariKerjaEfektif: 20 });
nilai('no minutes, all ratings 1', { menitDiakui: 0, hariKerjaEfektif: 22, ratings: ratingsAll(1) });
nilai('month fully on leave: target 0, productivity 0', {
  menitDiakui: 0,
  hariKerjaEfektif: 0,
  ratings: ratingsAll(3),
});
nilai('not rated yet: perilaku and nilai kinerja null', {
  menitDiakui: 5130,
  hariKerjaEfektif: 20,
  ratings: null,
});
nilai('half rated: perilaku and nilai kinerja null', {
  menitDiakui: 5130,
  hariKerjaEfektif: 20,
  ratings: { berorientasi_pelayanan: 4, akuntabel: 4, kompeten: null },
});
nilai('weights 60 / 40, 1 decimal, 270 minutes a day', {
  menitDiakui: 4321,
  hariKerjaEfektif: 19,
  settings: {
    ...settings,
    menitEfektifPerHari: 270,
    bobotProduktivitas: 60,
    bobotPerilaku: 40,
    rounding: { decimals: 1, mode: 'half_up' },
  },
});
nilai('rating 6 refused', {
  menitDiakui: 5130,
  hariKerjaEfektif: 20,
  ratings: { ...ratingsExample, loyal: 6 },
});
nilai('value that is not BerAKHLAK refused', {
  menitDiakui: 5130,
  hariKerjaEfektif: 20,
  ratings: { ...ratingsExample, disiplin: 4 },
});
nilai('weights summing to 90 refused', {
  menitDiakui: 5130,
  hariKerjaEfektif: 20,
  settings: { ...settings, bobotProduktivitas: 60 },
});
nilai('fractional minutes refused', { menitDiakui: 5130.5, hariKerjaEfektif: 20 });

// hariKerjaBulan
add('leave on a weekend or holiday is not counted', 'hariKerjaBulan', {
  ...desember2026,
  cuti: ['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-31', '2027-01-04'],
});
add('February 2026, Monday to Saturday, no holidays', 'hariKerjaBulan', {
  tahun: 2026,
  bulan: 2,
  hariKerja: [1, 2, 3, 4, 5, 6],
  libur: [],
  cuti: [],
});
add('February 2028 has 29 days', 'hariKerjaBulan', {
  tahun: 2028,
  bulan: 2,
  hariKerja: senJum,
  libur: [],
  cuti: ['2028-02-29'],
});
add('a date that does not exist refused', 'hariKerjaBulan', { ...desember2026, libur: ['2026-02-30'] });
add('month 13 refused', 'hariKerjaBulan', { ...desember2026, bulan: 13 });

// isHariKerja, mingguIso, tambahHariKerja
add('cuti bersama is not a working day', 'isHariKerja', {
  date: '2026-12-24',
  hariKerja: senJum,
  libur: liburDes,
});
add('a Wednesday is a working day', 'isHariKerja', {
  date: '2026-12-23',
  hariKerja: senJum,
  libur: liburDes,
});
for (const date of ['2026-12-23', '2026-01-01', '2026-12-31', '2027-01-03', '2027-01-04', '2024-12-30']) {
  add(`ISO week of ${date}`, 'mingguIso', { date });
}
add(
  'masa susulan: 3 working days after Wednesday 23 December skip Natal and the weekend',
  'tambahHariKerja',
  {
    date: '2026-12-23',
    n: 3,
    hariKerja: senJum,
    libur: liburDes,
  },
);
add('approval deadline: 3 working days after Sunday 20 December', 'tambahHariKerja', {
  date: '2026-12-20',
  n: 3,
  hariKerja: senJum,
  libur: liburDes,
});
add('0 working days after a Saturday is that Saturday', 'tambahHariKerja', {
  date: '2026-12-26',
  n: 0,
  hariKerja: senJum,
  libur: liburDes,
});
add('negative working days refused', 'tambahHariKerja', {
  date: '2026-12-23',
  n: -1,
  hariKerja: senJum,
  libur: [],
});

// kinerjaSettingsSchema
add('settings: empty gives the defaults', 'kinerjaSettingsSchema', {});
add('settings: weights 60 / 30 refused', 'kinerjaSettingsSchema', { bobotProduktivitas: 60 });
add('settings: every field out of range', 'kinerjaSettingsSchema', {
  menitEfektifPerHari: 30,
  bobotProduktivitas: 101,
  bobotPerilaku: -1,
  rounding: { decimals: 7, mode: 'half_up' },
  hariKerja: [1, 1, 8],
  masaSusulanHari: 31,
  batasPersetujuanHari: 0,
  jamKerja: { mulai: '16:00', selesai: '7:30' },
});
add('settings: work ending before it starts refused', 'kinerjaSettingsSchema', {
  jamKerja: { mulai: '16:00', selesai: '07:30' },
});

const out: KinerjaVectorCase[] = cases.map((c) => ({ ...c, expected: runKinerjaCase(api, c) }));
const target = fileURLToPath(new URL('./kinerja-vectors.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.length} cases written to ${target}`);
