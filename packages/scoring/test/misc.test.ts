import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandungJuaraTemplate,
  checkEntryValue,
  computeIkm,
  computeTimeliness,
  createBandungJuaraFramework,
  defaultPredikatBands,
  describeInputRule,
  IKM_GRADES,
  inputRuleOf,
  predikatFor,
  rank,
  roundScore,
  ScoringInputError,
  SKM_UNSUR,
  UNSUR_KEYS,
  type UnsurKey,
  validateFramework,
} from '../src/index';

const all = (v: number) => Object.fromEntries(UNSUR_KEYS.map((k) => [k, v])) as Record<UnsurKey, number>;
const sums = (s: number, respondents: number) => ({ sums: all(s), respondents });

describe('roundScore', () => {
  it.each([
    [80.125, 80.13],
    [1.005, 1.01],
    [2.675, 2.68],
    [80.124999, 80.12],
    [99.995, 100],
    [33.333333, 33.33],
    [0, 0],
  ])('%d -> %d', (x, y) => expect(roundScore(x)).toBe(y));

  it('rounds whole numbers with decimals 0', () => {
    expect(roundScore(80.5, { decimals: 0, mode: 'half_up' })).toBe(81);
  });

  it('matches exact decimal half-up on numbers written with three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (n) => {
        const x = Number((n / 1000).toFixed(3));
        const expected = Math.floor((n + 5) / 10) / 100;
        expect(roundScore(x)).toBe(Number(expected.toFixed(2)));
      }),
    );
  });
});

describe('predikatFor', () => {
  it.each([
    [100, 'Sangat Baik'],
    [90, 'Sangat Baik'],
    [89.99, 'Baik'],
    [80, 'Baik'],
    [70, 'Cukup'],
    [60, 'Kurang'],
    [59.99, 'Sangat Kurang'],
    [0, 'Sangat Kurang'],
  ])('%d is %s', (s, p) => expect(predikatFor(s, defaultPredikatBands)).toBe(p));
});

describe('rank', () => {
  it('equal totals share a rank: 1, 2, 2, 4', () => {
    const r = rank([
      { id: 'd', total: 70 },
      { id: 'c', total: 85.5 },
      { id: 'a', total: 90 },
      { id: 'b', total: 85.5 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('compares the rounded totals people see', () => {
    const r = rank([
      { id: 'x', total: 80.004 },
      { id: 'y', total: 80.001 },
    ]);
    expect(r.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ maxLength: 4 }),
            total: fc.integer({ min: 0, max: 20 }).map((x) => x * 5),
          }),
          {
            selector: (x) => x.id,
            maxLength: 30,
          },
        ),
        fc.integer(),
        (items, seed) => {
          const shuffled = [...items].sort(
            (a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7),
          );
          expect(rank(shuffled)).toEqual(rank(items));
          const ranked = rank(items);
          ranked.forEach((row, i) => {
            const higher = ranked.filter((o) => o.total! > row.total!).length;
            expect(row.rank).toBe(higher + 1);
            if (i > 0) expect(row.total!).toBeLessThanOrEqual(ranked[i - 1]!.total!);
          });
        },
      ),
    );
  });
});

describe('computeIkm (PermenPANRB 14/2017)', () => {
  it('one respondent answering 4 everywhere gives 100, grade A', () => {
    const r = computeIkm({ responses: [all(4)] });
    expect([r.convertedRounded, r.grade]).toEqual([100, { mutu: 'A', kinerja: 'Sangat Baik' }]);
  });

  it.each([
    ['88.31 A', sums(35324, 10000), 88.31, 'A'],
    ['88.30 B', sums(3532, 1000), 88.3, 'B'],
    ['88.305 rounds to A', sums(35322, 10000), 88.31, 'A'],
    ['76.61 B', sums(30644, 10000), 76.61, 'B'],
    ['76.60 C', sums(3064, 1000), 76.6, 'C'],
    ['65.00 C', sums(26, 10), 65, 'C'],
    ['64.99 D', sums(25996, 10000), 64.99, 'D'],
    ['all 1: 25 D', sums(10, 10), 25, 'D'],
  ])('boundary %s', (_n, input, converted, mutu) => {
    const r = computeIkm(input);
    expect(r.convertedRounded).toBe(converted);
    expect(r.grade?.mutu).toBe(mutu);
  });

  it('weights each unsur exactly 1/9 and identifies unsur by key', () => {
    const a = { ...all(3), pengaduan: 4, sarana: 1 };
    const b = { ...all(3), pengaduan: 1, sarana: 4 };
    expect(computeIkm({ responses: [a] }).converted).toBe(computeIkm({ responses: [b] }).converted);
    expect(computeIkm({ responses: [a] }).nrr?.sarana).toBe(1);
  });

  it('raw responses and per-unsur sums agree', () => {
    const responses = [all(4), { ...all(2), waktu: 3 }, all(3)];
    const r1 = computeIkm({ responses });
    const r2 = computeIkm({ sums: { ...all(9), waktu: 10 }, respondents: 3 });
    expect(r2).toEqual(r1);
  });

  it('zero respondents gives an empty result, not a number', () => {
    expect(computeIkm({ responses: [] })).toMatchObject({
      respondents: 0,
      convertedRounded: null,
      grade: null,
    });
  });

  it.each([
    ['answer 5', { responses: [{ ...all(3), waktu: 5 }] }, 'ANSWER_RANGE'],
    ['answer 2.5', { responses: [{ ...all(3), waktu: 2.5 }] }, 'ANSWER_RANGE'],
    [
      'missing unsur',
      { responses: [{ ...all(3), sarana: undefined as unknown as number }] },
      'UNSUR_MISSING',
    ],
    ['unknown unsur', { responses: [{ ...all(3), parkir: 3 }] }, 'UNSUR_UNKNOWN'],
    ['sum above 4 x respondents', sums(41, 10), 'SUM_RANGE'],
  ])('rejects %s', (_n, input, code) => {
    expect(() => computeIkm(input as Parameters<typeof computeIkm>[0])).toThrow(ScoringInputError);
    try {
      computeIkm(input as Parameters<typeof computeIkm>[0]);
    } catch (e) {
      expect((e as ScoringInputError).code).toBe(code);
    }
  });

  it('exports the nine unsur and the grade table', () => {
    expect(SKM_UNSUR.map((u) => u.key)).toEqual([
      'persyaratan',
      'prosedur',
      'waktu',
      'biaya',
      'produk',
      'kompetensi',
      'perilaku',
      'pengaduan',
      'sarana',
    ]);
    expect(SKM_UNSUR.every((u) => u.jawaban.length === 4)).toBe(true);
    expect(IKM_GRADES.map((g) => g.min)).toEqual([88.31, 76.61, 65, 25]);
  });
});

describe('computeTimeliness', () => {
  it('compares instants across time zones; at the due instant is on time', () => {
    const r = computeTimeliness({
      reports: [
        { month: 1, dueAt: '2026-02-10T23:59:59+07:00', submittedAt: '2026-02-10T16:59:59Z' },
        { month: 2, dueAt: '2026-03-10T23:59:59+07:00', submittedAt: '2026-03-10T17:00:00Z' },
        { month: 3, dueAt: '2026-04-10T23:59:59+07:00', submittedAt: null },
      ],
    });
    expect(r).toEqual({ onTime: 1, total: 3, score: (1 / 3) * 100, lateMonths: [2], missingMonths: [3] });
  });

  it('nothing due gives no score', () => {
    expect(computeTimeliness({ onTime: 0, total: 0 }).score).toBeNull();
  });

  it('rejects a bare date and impossible counts', () => {
    expect(() => computeTimeliness({ reports: [{ month: 1, dueAt: '2026-02-10' }] })).toThrow(
      ScoringInputError,
    );
    expect(() => computeTimeliness({ onTime: 5, total: 4 })).toThrow(ScoringInputError);
  });
});

describe('template', () => {
  it('returns a deep copy that can be edited without touching the template', () => {
    const copy = createBandungJuaraFramework();
    copy.bidang[0]!.weight = 1;
    expect(bandungJuaraTemplate.bidang[0]!.weight).toBe(30);
    expect(copy).not.toBe(bandungJuaraTemplate);
  });
});

describe('input rules (docs/scoring.md §1): one rule per indicator, the same in browser and API', () => {
  const pct = { scoring: { type: 'percentage' as const } };
  const count = {
    scoring: { type: 'ratio' as const, target: 12, direction: 'higher_is_better' as const, cap: 100 },
    input: { min: 0, max: null, integer: true },
  };
  it('refuses out-of-range and fractional values with the rule, never changes them', () => {
    expect(checkEntryValue(pct, 150)).toBe('150 terlalu besar. Nilai yang diterima: 0–100, boleh desimal.');
    expect(checkEntryValue(pct, -5)).toBe('-5 terlalu kecil. Nilai yang diterima: 0–100, boleh desimal.');
    expect(checkEntryValue(pct, 99.5)).toBeNull();
    expect(checkEntryValue(count, 2.5)).toBe(
      'Harus bilangan bulat (2,5). Nilai yang diterima: bilangan bulat, 0 atau lebih.',
    );
    expect(checkEntryValue(count, 3)).toBeNull();
  });

  it('takes the declared rule over the type default, and describes it', () => {
    const overHundred = { ...pct, input: { min: 0, max: null, integer: false } };
    expect(checkEntryValue(overHundred, 120)).toBeNull();
    expect(inputRuleOf(pct)).toEqual({ min: 0, max: 100, integer: false });
    expect(describeInputRule({ min: 0, max: 100, integer: false })).toBe('0–100, boleh desimal');
    expect(describeInputRule({ min: null, max: 10, integer: true })).toBe('bilangan bulat, paling besar 10');
  });

  it('a framework whose range is empty is invalid', () => {
    const fw = createBandungJuaraFramework();
    const ind = fw.bidang[0]!.indikator.find((i) => i.scoring.type === 'percentage')!;
    ind.input = { min: 50, max: 50, integer: false };
    expect(validateFramework(fw).map((i) => i.code)).toContain('INPUT_RANGE');
  });

  it('the Bandung Juara template takes counts as whole numbers', () => {
    const counts = createBandungJuaraFramework()
      .bidang.flatMap((b) => b.indikator)
      .filter((i) => ['kegiatan', 'pohon', 'titik'].includes(i.satuan));
    expect(counts.length).toBeGreaterThan(0);
    for (const i of counts) expect(inputRuleOf(i)?.integer).toBe(true);
  });
});
