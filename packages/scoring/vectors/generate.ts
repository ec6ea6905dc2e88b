// Generates vectors/vectors.json: shared cases checked in Node (test/vectors.test.ts) and in
// Chromium (e2e/tests/scoring-vectors.spec.ts). Run: pnpm exec tsx packages/scoring/vectors/generate.ts
// Then `pnpm exec biome check --write packages/scoring/vectors` (the formatter owns the layout).
// Review the diff of vectors.json by hand: a changed expectation is a changed formula.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Entry, UnsurKey } from '../src/index';
import { bandungJuaraTemplate, createBandungJuaraFramework, defaultSettings, UNSUR_KEYS } from '../src/index';
import {
  annual,
  bands5,
  frameworkOf,
  indikator,
  months,
  rubric5,
  single,
  twoBidang,
} from '../test/fixtures/frameworks';
import {
  exampleContext,
  exampleEntries,
  exampleFramework,
  skmExample,
} from '../test/fixtures/worked-example';
import { api, runCase, type VectorCase } from './run-case';

const cases: Omit<VectorCase, 'expected'>[] = [];
const add = (name: string, fn: VectorCase['fn'], input: unknown) => cases.push({ name, fn, input });
const rapor = (
  name: string,
  framework: unknown,
  entries: Entry[],
  context: object = {},
  level = 'kelurahan',
) => add(name, 'computeRapor', { framework, level, entries, context });

// Worked example of docs/scoring.md.
const ikm = api.computeIkm({ responses: skmExample });
add('worked example: SKM', 'computeIkm', { responses: skmExample });
rapor('worked example: rapor', exampleFramework, exampleEntries, exampleContext(ikm.convertedRounded ?? 0));

// ratio
const ratioUp = { type: 'ratio', target: 20, direction: 'higher_is_better', cap: 100 } as const;
const ratioUp120 = { ...ratioUp, cap: 120 } as const;
const ratioDown = { type: 'ratio', target: 4, direction: 'lower_is_better', cap: 100 } as const;
const ratioDown120 = { ...ratioDown, cap: 120 } as const;
for (const v of [0, 10, 20, 23, 30, -5])
  rapor(`ratio higher cap 100, realisasi ${v}`, single(ratioUp), [annual(v)]);
for (const v of [20, 23, 24, 30])
  rapor(`ratio higher cap 120, realisasi ${v}`, single(ratioUp120), [annual(v)]);
for (const v of [0, 2, 4, 5, 8]) rapor(`ratio lower cap 100, realisasi ${v}`, single(ratioDown), [annual(v)]);
for (const v of [0, 4, 3]) rapor(`ratio lower cap 120, realisasi ${v}`, single(ratioDown120), [annual(v)]);
rapor('ratio zero target: invalid framework', single({ ...ratioUp, target: 0 }), [annual(5)]);

// percentage
for (const v of [0, 55.5, 100, 104, -3])
  rapor(`percentage plain ${v}`, single({ type: 'percentage' }), [annual(v)]);
for (const v of [49.99, 50, 79.99, 80, 120]) {
  rapor(`percentage banded ${v}`, single({ type: 'percentage', bands: bands5 }), [annual(v)]);
}
// boolean
rapor('boolean ya', single({ type: 'boolean' }), [annual(1)]);
rapor('boolean tidak', single({ type: 'boolean' }), [annual(0)]);
rapor(
  'boolean monthly average: 9 of 12 months ya',
  single({ type: 'boolean' }, { frequency: 'monthly', aggregation: 'average' }),
  months('X', [1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1]),
);
// scale
for (const v of [1, 2, 3.5, 5, 7])
  rapor(`scale linear 1..5 value ${v}`, single({ type: 'scale', levels: 5 }), [annual(v)]);
for (const v of [0, 1, 3, 3.9, 5]) {
  rapor(`scale rubric value ${v}`, single({ type: 'scale', levels: 5, rubric: rubric5 }), [annual(v)]);
}
// bands
for (const v of [-1, 0, 49.999, 50, 72.4, 80, 1000])
  rapor(`bands value ${v}`, single({ type: 'bands', bands: bands5 }), [annual(v)]);
// ikm
rapor('ikm 83.33', single({ type: 'ikm' }), [], { ikm: 83.33 });
rapor('ikm without respondents: tidak dilaporkan', single({ type: 'ikm' }), [], { ikm: null });
rapor('ikm marked tidak berlaku', single({ type: 'ikm' }), [annual(null, 'tidak_berlaku')], { ikm: 90 });
// timeliness
rapor('timeliness 10 of 12', single({ type: 'timeliness' }), [], { timeliness: { onTime: 10, total: 12 } });
rapor('timeliness nothing due: tidak berlaku', single({ type: 'timeliness' }), [], {
  timeliness: { onTime: 0, total: 0 },
});
rapor('timeliness not given: tidak dilaporkan', single({ type: 'timeliness' }), []);
// kelurahan_average
const kelAvg = single({ type: 'kelurahan_average' }, { appliesTo: 'kecamatan', weights: { kecamatan: 100 } });
rapor('kelurahan average of 3', kelAvg, [], { kelurahanTotals: [80.5, 72.25, 91] }, 'kecamatan');
rapor('kelurahan average, no kelurahan', kelAvg, [], { kelurahanTotals: [] }, 'kecamatan');
rapor(
  'kelurahan average on kelurahan: invalid framework',
  single({ type: 'kelurahan_average' }, { appliesTo: 'both', weights: { kecamatan: 100, kelurahan: 100 } }),
  [],
);

// monthly aggregation and missing months
const pctMonthly = (aggregation: 'sum' | 'average' | 'last') =>
  single({ type: 'percentage' }, { frequency: 'monthly', aggregation });
const ratioSum = single(ratioUp, { frequency: 'monthly', aggregation: 'sum' });
rapor('sum complete', ratioSum, months('X', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]));
rapor('sum with 2 months missing', ratioSum, months('X', [2, 2, null, 2, 2, 2, 2, null, 2, 2, 2, 2]));
rapor('sum with a month unverified', ratioSum, [
  ...months('X', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
  { indikatorCode: 'X', month: 12, value: 2, status: 'unverified' },
]);
rapor('sum with a month tidak berlaku', ratioSum, [
  ...months('X', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
  { indikatorCode: 'X', month: 12, value: null, status: 'tidak_berlaku' },
]);
rapor(
  'average with month 7 missing',
  pctMonthly('average'),
  months('X', [90, 90, 90, 90, 90, 90, null, 90, 90, 90, 90, 90]),
);
rapor(
  'last with month 12 missing',
  pctMonthly('last'),
  months('X', [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97, null]),
);
rapor('last complete', pctMonthly('last'), months('X', [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97, 99]));
rapor('monthly nothing reported', pctMonthly('average'), []);
rapor('monthly, 6 months due', pctMonthly('average'), months('X', [80, 80, 80, 80, 80, 80, 10, 10]), {
  monthsDue: 6,
});
rapor('monthly, 0 months due: belum jatuh tempo', pctMonthly('average'), [], { monthsDue: 0 });
// §4 during the year: a sum is projected to twelve months before it meets the yearly target.
rapor('sum, 10 months due, on pace: projected to the year', ratioSum, months('X', Array(10).fill(1.5)), {
  monthsDue: 10,
});
rapor('sum, 10 months due, month 4 missing', ratioSum, months('X', [2, 2, 2, null, 2, 2, 2, 2, 2, 2]), {
  monthsDue: 10,
});
// §4 a month's own score: fromMonth = monthsDue counts that month alone.
rapor('sum, the own score of month 7', ratioSum, months('X', [9, 9, 9, 9, 9, 9, 1, 9]), {
  monthsDue: 7,
  fromMonth: 7,
});
rapor('average, the own score of month 3', pctMonthly('average'), months('X', [90, 90, 30, 90]), {
  monthsDue: 3,
  fromMonth: 3,
});
// §4 annual indicators before their report is due: left out unless already verified.
rapor(
  'annual not due yet: verified ones count, the others are left out',
  twoBidang(),
  [annual(80, 'verified', 'A1'), annual(60, 'verified', 'C1')],
  { annualDue: false },
);
rapor('annual not due yet, verified value counts', single(ratioUp), [annual(15)], { annualDue: false });
rapor('monthly, whole year tidak berlaku', pctMonthly('sum'), [annual(null, 'tidak_berlaku')]);
rapor(
  'lower is better average, months missing',
  single(ratioDown, { frequency: 'monthly', aggregation: 'average' }),
  months('X', [2, 4, null, null]),
);
rapor('corrected value: later entry replaces earlier', single({ type: 'percentage' }), [
  annual(40),
  annual(75),
]);
rapor('unverified annual entry', single({ type: 'percentage' }), [annual(90, 'unverified')]);

// rescaling
rapor('all reported', twoBidang(), [
  annual(80, 'verified', 'A1'),
  annual(60, 'verified', 'A2'),
  annual(90, 'verified', 'C1'),
  annual(70, 'verified', 'C2'),
]);
rapor('one tidak berlaku rescales its bidang', twoBidang(), [
  annual(80, 'verified', 'A1'),
  annual(null, 'tidak_berlaku', 'A2'),
  annual(90, 'verified', 'C1'),
  annual(70, 'verified', 'C2'),
]);
rapor('whole bidang tidak berlaku rescales the bidang', twoBidang(), [
  annual(80, 'verified', 'A1'),
  annual(60, 'verified', 'A2'),
  annual(null, 'tidak_berlaku', 'C1'),
  annual(null, 'tidak_berlaku', 'C2'),
]);
rapor(
  'everything tidak berlaku: no total',
  twoBidang(),
  ['A1', 'A2', 'C1', 'C2'].map((c) => annual(null, 'tidak_berlaku', c)),
);
rapor('nothing reported: total 0', twoBidang(), []);
rapor(
  'rounding half up of the total: 80.125 -> 80.13',
  frameworkOf(
    indikator('P', { type: 'percentage' }, { weights: { kelurahan: 50 } }),
    indikator('Q', { type: 'percentage' }, { weights: { kelurahan: 50 } }),
  ),
  [annual(80.25, 'verified', 'P'), annual(80, 'verified', 'Q')],
);
const predikatFw = (v: number) => rapor(`predikat at ${v}`, single({ type: 'percentage' }), [annual(v)]);
for (const v of [90, 89.995, 89.994, 80, 79.99, 70, 60, 59.99, 0]) predikatFw(v);

// template, both levels
const tplEntries: Entry[] = [
  ...months('B1.2', [90, 92, 95, 97, 88, 91, 93, 94, 96, 99, 100, 98]),
  ...months('B1.3', [100, 90, 95, 80, 100, 100, 100, 90, 95, 100, 100, 85]),
  ...months('B2.1', [5, 12, 20, 28, 35, 44, 52, 60, 71, 80, 88, 97]),
  ...months('B2.2', [1, 1, 1, 0, 2, 1, 1, 1, 1, 1, 2, 1]),
  annual(1, 'verified', 'B2.3'),
  ...months('B3.1', [2, 2, 3, 2, 2, 2, 1, 2, 2, 2, 2, 2]),
  ...months('B3.2', [40, 40, 45, 45, 50, 50, 55, 60, 60, 65, 70, 75]),
  annual(150, 'verified', 'B3.3'),
  ...months('B3.4', [3, 2, 2, 1, 1, 0, 0, 2, 1, 1, 3, 2]),
  annual(4, 'verified', 'B4.1'),
  annual(74.2, 'verified', 'B4.2'),
];
const tplCtx = {
  ikm: 85.12,
  timeliness: { onTime: 11, total: 12 },
  kelurahanTotals: [78.5, 81.25, 69.9, 88.1],
};
rapor('template kelurahan', bandungJuaraTemplate, tplEntries, tplCtx, 'kelurahan');
rapor('template kecamatan', bandungJuaraTemplate, tplEntries, tplCtx, 'kecamatan');

// rank
add('rank ties share a rank (1, 2, 2, 4)', 'rank', {
  items: [
    { id: 'd', total: 70 },
    { id: 'b', total: 85.5 },
    { id: 'a', total: 90 },
    { id: 'c', total: 85.5 },
  ],
});
add('rank compares rounded totals', 'rank', {
  items: [
    { id: 'x', total: 80.004 },
    { id: 'y', total: 80.001 },
    { id: 'z', total: 80.005 },
  ],
});
add('rank with a unit without total', 'rank', {
  items: [
    { id: 'k2', total: null },
    { id: 'k1', total: 50 },
  ],
});
add('rank empty', 'rank', { items: [] });

// IKM boundaries (per-unsur sums with respondent count)
const equalSums = (sum: number, respondents: number) => ({
  sums: Object.fromEntries(UNSUR_KEYS.map((k) => [k, sum])) as Record<UnsurKey, number>,
  respondents,
});
const all = (v: number) => Object.fromEntries(UNSUR_KEYS.map((k) => [k, v])) as Record<UnsurKey, number>;
add('IKM one respondent all 4: 100 A', 'computeIkm', { responses: [all(4)] });
add('IKM all 1: 25 D', 'computeIkm', { responses: [all(1), all(1)] });
add('IKM 88.31 is A', 'computeIkm', equalSums(35324, 10000));
add('IKM 88.30 is B', 'computeIkm', equalSums(3532, 1000));
add('IKM 88.305 rounds to 88.31: A', 'computeIkm', equalSums(35322, 10000));
add('IKM 76.61 is B', 'computeIkm', equalSums(30644, 10000));
add('IKM 76.60 is C', 'computeIkm', equalSums(3064, 1000));
add('IKM 65.00 is C', 'computeIkm', equalSums(26, 10));
add('IKM 64.99 is D', 'computeIkm', equalSums(25996, 10000));
add('IKM zero respondents', 'computeIkm', { responses: [] });
add('IKM answer 5 rejected', 'computeIkm', { responses: [{ ...all(3), waktu: 5 }] });
add('IKM missing unsur rejected', 'computeIkm', {
  responses: [Object.fromEntries(UNSUR_KEYS.filter((k) => k !== 'sarana').map((k) => [k, 3]))],
});
add('IKM sum out of range rejected', 'computeIkm', equalSums(50, 10));

// validateFramework
add('template is valid', 'validateFramework', bandungJuaraTemplate);
const broken = createBandungJuaraFramework();
broken.bidang[0]!.weight = 25;
broken.bidang[1]!.indikator[1]!.weights.kelurahan = 50;
const b42 = broken.bidang[3]!.indikator[1]!.scoring;
if (b42.type === 'bands') b42.bands[2]!.min = 61;
add('broken template: weight sums and a gap', 'validateFramework', broken);
add(
  'decimal weights 33.33 + 33.33 + 33.34 are exactly 100',
  'validateFramework',
  frameworkOf(
    indikator('P', { type: 'percentage' }, { weights: { kelurahan: 33.33 } }),
    indikator('Q', { type: 'percentage' }, { weights: { kelurahan: 33.33 } }),
    indikator('R', { type: 'percentage' }, { weights: { kelurahan: 33.34 } }),
  ),
);
add('schema error', 'validateFramework', { settings: defaultSettings(), bidang: [{ code: 'B1' }] });

// computeTimeliness
add('timeliness from timestamps', 'computeTimeliness', {
  reports: [
    { month: 1, dueAt: '2026-02-10T23:59:59+07:00', submittedAt: '2026-02-10T16:59:59Z' },
    { month: 2, dueAt: '2026-03-10T23:59:59+07:00', submittedAt: '2026-03-10T17:00:00Z' },
    { month: 3, dueAt: '2026-04-10T23:59:59+07:00', submittedAt: '2026-04-02T09:15:00+07:00' },
    { month: 4, dueAt: '2026-05-10T23:59:59+07:00', submittedAt: null },
  ],
});
add('timeliness from counts', 'computeTimeliness', { onTime: 7, total: 9 });
add('timeliness nothing due', 'computeTimeliness', { reports: [] });
add('timeliness bare date rejected', 'computeTimeliness', {
  reports: [{ month: 1, dueAt: '2026-02-10', submittedAt: '2026-02-09T10:00:00+07:00' }],
});

const out: VectorCase[] = cases.map((c) => ({ ...c, expected: runCase(api, c) }));
const target = fileURLToPath(new URL('./vectors.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.length} cases written to ${target}`);
