import { describe, expect, it } from 'vitest';
import {
  createScorer,
  type Entry,
  type PreviewEntry,
  type PreviewInput,
  previewEntries,
  previewRapor,
} from '../src/index';
import { exampleEntries, exampleFramework } from './fixtures/worked-example';

const scorer = createScorer(exampleFramework);
const context = { ikm: 83.33 };

const typed = (value: number | null, over: Partial<PreviewEntry> = {}): PreviewEntry => ({
  indikatorCode: 'B1.2',
  value,
  tidakBerlaku: false,
  ...over,
});
const entry = (value: number | null, status: Entry['status']): Entry => ({
  indikatorCode: 'B1.2',
  month: 8,
  value,
  status,
});

describe('previewEntries: the report’s own entries (docs/scoring.md §10)', () => {
  it.each<[string, boolean, PreviewEntry, Entry[]]>([
    ['filling: a typed value counts as verified', false, typed(99), [entry(99, 'verified')]],
    ['filling: an empty value gives nothing', false, typed(null), []],
    ['filling: a value that is not a number gives nothing', false, typed(Number.NaN), []],
    ['filling: tidak berlaku', false, typed(null, { tidakBerlaku: true }), [entry(null, 'tidak_berlaku')]],
    ['filling: a rejection is ignored', false, typed(99, { decision: 'ditolak' }), [entry(99, 'verified')]],
    [
      'filling: a correction is ignored',
      false,
      typed(99, { decision: 'dikoreksi', correctedValue: 90 }),
      [entry(99, 'verified')],
    ],
    [
      'reviewing: a corrected value counts as verified',
      true,
      typed(99, { decision: 'dikoreksi', correctedValue: 90 }),
      [entry(90, 'verified')],
    ],
    [
      'reviewing: a correction wins over tidak berlaku',
      true,
      typed(null, { tidakBerlaku: true, decision: 'dikoreksi', correctedValue: 90 }),
      [entry(90, 'verified')],
    ],
    [
      'reviewing: a correction without a value is verified with none (not reported)',
      true,
      typed(99, { decision: 'dikoreksi', correctedValue: null }),
      [entry(null, 'verified')],
    ],
    [
      'reviewing: a rejected value is unverified, its value kept',
      true,
      typed(99, { decision: 'ditolak' }),
      [entry(99, 'unverified')],
    ],
    [
      'reviewing: an accepted value is verified',
      true,
      typed(99, { decision: 'diterima' }),
      [entry(99, 'verified')],
    ],
    [
      'reviewing: an undecided value counts as typed',
      true,
      typed(99, { decision: null }),
      [entry(99, 'verified')],
    ],
    [
      'reviewing: an accepted tidak berlaku',
      true,
      typed(null, { tidakBerlaku: true, decision: 'diterima' }),
      [entry(null, 'tidak_berlaku')],
    ],
  ])('%s', (_name, decisionsApply, own, expected) => {
    expect(previewEntries({ month: 8, decisionsApply, entries: [own] })).toEqual(expected);
  });

  it('an annual report gives entries with month null', () => {
    const own = [{ indikatorCode: 'B4.1', value: 4, tidakBerlaku: false }];
    expect(previewEntries({ month: null, decisionsApply: false, entries: own })).toEqual([
      { indikatorCode: 'B4.1', month: null, value: 4, status: 'verified' },
    ]);
  });
});

describe('previewRapor', () => {
  // The August report of Kelurahan Contoh (docs/scoring.md §8); the rest of its year is verified.
  const otherEntries = exampleEntries.filter((e) => e.month !== 8);
  const august = (over: Partial<PreviewInput> = {}): PreviewInput => ({
    scorer,
    level: 'kelurahan',
    month: 8,
    decisionsApply: false,
    entries: [
      { indikatorCode: 'B1.2', value: 99, tidakBerlaku: false, decision: 'ditolak' },
      { indikatorCode: 'B2.1', value: 1, tidakBerlaku: false, decision: 'dikoreksi', correctedValue: 3 },
      { indikatorCode: 'B3.1', value: 2, tidakBerlaku: false, decision: 'diterima' },
    ],
    otherEntries,
    context,
    ...over,
  });
  const indikator = (input: PreviewInput, code: string) =>
    previewRapor(input)
      .bidang.flatMap((b) => b.indikator)
      .find((i) => i.code === code)!;

  it.each<[string, boolean, Entry[]]>([
    [
      'while the unit fills it: values as typed',
      false,
      [
        { indikatorCode: 'B1.2', month: 8, value: 99, status: 'verified' },
        { indikatorCode: 'B2.1', month: 8, value: 1, status: 'verified' },
        { indikatorCode: 'B3.1', month: 8, value: 2, status: 'verified' },
      ],
    ],
    [
      'while a reviewer decides it: decisions apply',
      true,
      [
        { indikatorCode: 'B1.2', month: 8, value: 99, status: 'unverified' },
        { indikatorCode: 'B2.1', month: 8, value: 3, status: 'verified' },
        { indikatorCode: 'B3.1', month: 8, value: 2, status: 'verified' },
      ],
    ],
  ])('%s: the same rapor as scorer.compute on the equivalent entries', (_name, decisionsApply, own) => {
    const input = august({ decisionsApply });
    expect(previewRapor(input)).toEqual(
      scorer.compute({ level: 'kelurahan', entries: [...otherEntries, ...own], context }),
    );
  });

  it('decisions are ignored while filling and applied while reviewing', () => {
    // Month 8 of B1.2 typed as 99: counted while filling, rejected (not reported) once reviewed.
    expect(indikator(august(), 'B1.2')).toMatchObject({ monthsReported: 11, score: 84.92 });
    expect(indikator(august({ decisionsApply: true }), 'B1.2')).toMatchObject({
      monthsReported: 10,
      score: 76.67,
      tidakDilaporkan: true,
    });
    // B2.1 in August: typed 1, corrected to 3 (the year sums to 13, or 15 once corrected).
    expect(indikator(august(), 'B2.1').value).toBe(13);
    expect(indikator(august({ decisionsApply: true }), 'B2.1').value).toBe(15);
  });

  it('reviewing August as verified in the worked example gives its total (docs/scoring.md §8)', () => {
    const entries: PreviewEntry[] = [
      { indikatorCode: 'B1.2', value: 99, tidakBerlaku: false, decision: 'ditolak' },
      { indikatorCode: 'B2.1', value: 1, tidakBerlaku: false, decision: 'diterima' },
      { indikatorCode: 'B3.1', value: 2, tidakBerlaku: false, decision: 'diterima' },
    ];
    expect(previewRapor(august({ decisionsApply: true, entries })).total).toBe(83.6);
  });

  it('the report’s own entries win over the unit’s other data for the same month', () => {
    const stale: Entry = { indikatorCode: 'B1.2', month: 8, value: 10, status: 'verified' };
    const input = august({ otherEntries: [...otherEntries, stale] });
    expect(indikator(input, 'B1.2').value).toBeCloseTo((920 + 99) / 11, 12);
  });

  it('passes the context through: months due and the IKM', () => {
    const input = august({ context: { monthsDue: 8, ikm: 90 } });
    expect(indikator(input, 'B1.2').monthsDue).toBe(8);
    expect(indikator(input, 'B1.1').score).toBe(90);
  });
});
