import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRapor, type Entry, type Framework, InvalidFrameworkError, type Scoring } from '../src/index';
import {
  annual,
  bands5,
  frameworkOf,
  indikator,
  months,
  rubric5,
  single,
  twoBidang,
} from './fixtures/frameworks';

const scoreOf = (
  fw: Framework,
  entries: Entry[],
  context = {},
  level: 'kelurahan' | 'kecamatan' = 'kelurahan',
) => computeRapor({ framework: fw, level, entries, context }).bidang[0]!.indikator[0]!;

const ratio = (target: number, direction: 'higher_is_better' | 'lower_is_better', cap = 100): Scoring => ({
  type: 'ratio',
  target,
  direction,
  cap,
});

describe('indicator types', () => {
  it.each([
    ['ratio higher, half of target', ratio(20, 'higher_is_better'), 10, 50],
    ['ratio higher, over target capped at 100', ratio(20, 'higher_is_better'), 30, 100],
    ['ratio higher, realisasi 0', ratio(20, 'higher_is_better'), 0, 0],
    ['ratio higher cap 120, at target', ratio(20, 'higher_is_better', 120), 20, 83.33],
    ['ratio higher cap 120, 120% of target', ratio(20, 'higher_is_better', 120), 24, 100],
    ['ratio lower, realisasi 0 is best', ratio(4, 'lower_is_better'), 0, 100],
    ['ratio lower, twice the target', ratio(4, 'lower_is_better'), 8, 50],
    ['ratio lower cap 120, at target', ratio(4, 'lower_is_better', 120), 4, 83.33],
    ['percentage plain', { type: 'percentage' } as Scoring, 55.5, 55.5],
    ['percentage above 100 clamps', { type: 'percentage' } as Scoring, 104, 100],
    ['percentage banded', { type: 'percentage', bands: bands5 } as Scoring, 65, 70],
    ['boolean ya', { type: 'boolean' } as Scoring, 1, 100],
    ['boolean tidak', { type: 'boolean' } as Scoring, 0, 0],
    ['scale linear', { type: 'scale', levels: 5 } as Scoring, 2, 25],
    ['scale rubric', { type: 'scale', levels: 5, rubric: rubric5 } as Scoring, 4, 80],
    [
      'scale rubric takes the level reached',
      { type: 'scale', levels: 5, rubric: rubric5 } as Scoring,
      4.9,
      80,
    ],
    ['bands lower edge inclusive', { type: 'bands', bands: bands5 } as Scoring, 70, 85],
    ['bands below the table', { type: 'bands', bands: bands5 } as Scoring, -2, 0],
  ])('%s', (_name, scoring, value, expected) => {
    const r = scoreOf(single(scoring), [annual(value)]);
    expect(r.score).toBe(expected);
    expect(r.tidakDilaporkan).toBe(false);
  });

  it('ikm, timeliness and kelurahan_average take their value from the context', () => {
    expect(scoreOf(single({ type: 'ikm' }), [], { ikm: 77.5 }).score).toBe(77.5);
    expect(scoreOf(single({ type: 'timeliness' }), [], { timeliness: { onTime: 9, total: 12 } }).score).toBe(
      75,
    );
    const kec = single(
      { type: 'kelurahan_average' },
      { appliesTo: 'kecamatan', weights: { kecamatan: 100 } },
    );
    expect(scoreOf(kec, [], { kelurahanTotals: [80, 90, 70.5] }, 'kecamatan').score).toBe(80.17);
  });

  it('zero target is refused before any score is computed', () => {
    expect(() => scoreOf(single(ratio(0, 'higher_is_better')), [annual(5)])).toThrow(InvalidFrameworkError);
  });
});

describe('reporting status', () => {
  it('an unverified entry scores 0 and is flagged tidak dilaporkan', () => {
    const r = scoreOf(single({ type: 'percentage' }), [annual(95, 'unverified')]);
    expect([r.score, r.tidakDilaporkan, r.tidakBerlaku]).toEqual([0, true, false]);
  });

  it('a missing computed input scores 0 and is flagged', () => {
    const r = scoreOf(single({ type: 'ikm' }), [], { ikm: null });
    expect([r.score, r.tidakDilaporkan]).toEqual([0, true]);
  });

  it('missing months lower an average by the share of months not reported', () => {
    const fw = single({ type: 'percentage' }, { frequency: 'monthly', aggregation: 'average' });
    const r = scoreOf(fw, months('X', [90, 90, 90, 90, 90, 90, null, 90, 90, 90, 90, 90]));
    expect([r.value, r.score, r.monthsReported, r.monthsDue, r.tidakDilaporkan]).toEqual([
      90,
      82.5,
      11,
      12,
      true,
    ]);
  });

  it('missing months of a lower-is-better sum do not help', () => {
    const fw = single(ratio(12, 'lower_is_better'), { frequency: 'monthly', aggregation: 'sum' });
    const full = scoreOf(fw, months('X', Array(12).fill(2)));
    const gaps = scoreOf(fw, months('X', [2, 2, 2, 2, 2, 2]));
    expect(full.score).toBe(50);
    expect(gaps.score).toBe(25);
  });

  it('a tidak berlaku month leaves the months due', () => {
    const fw = single({ type: 'percentage' }, { frequency: 'monthly', aggregation: 'average' });
    const r = scoreOf(fw, [
      ...months('X', Array(11).fill(80)),
      { indikatorCode: 'X', month: 12, value: null, status: 'tidak_berlaku' },
    ]);
    expect([r.score, r.monthsDue, r.tidakDilaporkan]).toEqual([80, 11, false]);
  });
});

describe('rescaling', () => {
  const all = (a1: number | null, a2: number | null, c1: number | null, c2: number | null): Entry[] =>
    (
      [
        ['A1', a1],
        ['A2', a2],
        ['C1', c1],
        ['C2', c2],
      ] as const
    ).map(([code, v]) => (v === null ? annual(null, 'tidak_berlaku', code) : annual(v, 'verified', code)));

  it('a tidak berlaku indicator is left out and its bidang rescaled', () => {
    const r = computeRapor({
      framework: twoBidang(),
      level: 'kelurahan',
      entries: all(80, null, 90, 70),
      context: {},
    });
    expect(r.bidang[0]!.score).toBe(80);
    expect(r.bidang[0]!.indikator.map((i) => i.effectiveWeight)).toEqual([100, 0]);
    expect(r.total).toBe(80);
  });

  it('a bidang whose indicators are all tidak berlaku is left out and the bidang weights rescaled', () => {
    const r = computeRapor({
      framework: twoBidang(),
      level: 'kelurahan',
      entries: all(80, 60, null, null),
      context: {},
    });
    expect(r.bidang[1]).toMatchObject({ tidakBerlaku: true, score: null, effectiveWeight: 0 });
    expect(r.bidang[0]!.effectiveWeight).toBe(100);
    expect(r.total).toBe(74);
  });

  it('with everything tidak berlaku there is no total and no predikat', () => {
    const r = computeRapor({
      framework: twoBidang(),
      level: 'kelurahan',
      entries: all(null, null, null, null),
      context: {},
    });
    expect([r.total, r.predikat]).toEqual([null, null]);
  });
});

describe('properties', () => {
  const scorings: Scoring[] = [
    ratio(20, 'higher_is_better'),
    ratio(20, 'higher_is_better', 120),
    { type: 'percentage' },
    { type: 'percentage', bands: bands5 },
    { type: 'boolean' },
    { type: 'scale', levels: 5 },
    { type: 'scale', levels: 5, rubric: rubric5 },
    { type: 'bands', bands: bands5 },
  ];

  it('every score, bidang score and total is within 0..100', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scorings, ratio(5, 'lower_is_better')),
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.constantFrom('sum', 'average', 'last') as fc.Arbitrary<'sum' | 'average' | 'last'>,
        (scoring, vals, aggregation) => {
          const fw = single(scoring, { frequency: 'monthly', aggregation });
          const r = computeRapor({
            framework: fw,
            level: 'kelurahan',
            entries: months('X', vals),
            context: {},
          });
          const s = r.bidang[0]!.indikator[0]!.scoreExact!;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
          expect(r.total!).toBeGreaterThanOrEqual(0);
          expect(r.total!).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  it('a better achievement never gives a lower score', () => {
    const monotone = [...scorings, ratio(5, 'lower_is_better')];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: monotone.length - 1 }),
        fc.double({ min: -100, max: 1000, noNaN: true }),
        fc.double({ min: -100, max: 1000, noNaN: true }),
        (k, a, b) => {
          const scoring = monotone[k]!;
          const lowerBetter = scoring.type === 'ratio' && scoring.direction === 'lower_is_better';
          const [worse, better] = a <= b !== lowerBetter ? [a, b] : [b, a];
          const fw = single(scoring);
          expect(scoreOf(fw, [annual(better)]).scoreExact!).toBeGreaterThanOrEqual(
            scoreOf(fw, [annual(worse)]).scoreExact!,
          );
        },
      ),
    );
  });

  it('rescaled weights of the indicators that count sum to 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (raw, tb) => {
          // Weights in hundredths that sum to exactly 100.
          const total = raw.reduce((s, x) => s + x, 0);
          const hundredths = raw.map((x) => Math.floor((x * 10000) / total));
          hundredths[0]! += 10000 - hundredths.reduce((s, x) => s + x, 0);
          fc.pre(hundredths.every((h) => h > 0));
          const inds = hundredths.map((h, i) =>
            indikator(`I${i}`, { type: 'percentage' }, { weights: { kelurahan: h / 100 } }),
          );
          const entries = inds.map((ind, i) =>
            tb[i] ? annual(null, 'tidak_berlaku', ind.code) : annual(50, 'verified', ind.code),
          );
          fc.pre(!tb.slice(0, inds.length).every(Boolean));
          const r = computeRapor({
            framework: frameworkOf(...inds),
            level: 'kelurahan',
            entries,
            context: {},
          });
          const sum = r.bidang[0]!.indikator.reduce((s, i) => s + i.effectiveWeight, 0);
          expect(sum).toBeCloseTo(100, 9);
          expect(r.total).toBe(50);
        },
      ),
    );
  });
});
