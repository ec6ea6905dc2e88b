import { describe, expect, it } from 'vitest';
import {
  bandungJuaraTemplate,
  createBandungJuaraFramework,
  type Framework,
  type FrameworkIssueCode,
  validateFramework,
} from '../src/index';
import { bands5, frameworkOf, indikator, rubric5, single } from './fixtures/frameworks';

const codes = (fw: unknown) => validateFramework(fw).map((i) => i.code);

describe('validateFramework', () => {
  it('accepts the Bandung Juara template', () => {
    expect(validateFramework(bandungJuaraTemplate)).toEqual([]);
  });

  it('the template has 8-16 indicators per level and every type', () => {
    const inds = bandungJuaraTemplate.bidang.flatMap((b) => b.indikator);
    const kec = inds.filter((i) => i.appliesTo !== 'kelurahan').length;
    const kel = inds.filter((i) => i.appliesTo !== 'kecamatan').length;
    expect(kec).toBeGreaterThanOrEqual(8);
    expect(kel).toBeGreaterThanOrEqual(8);
    expect(new Set(inds.map((i) => i.scoring.type)).size).toBe(8);
    expect(bandungJuaraTemplate.bidang.map((b) => b.weight)).toEqual([30, 30, 20, 20]);
  });

  it('compares decimal weights exactly: 33.33 + 33.33 + 33.34 = 100', () => {
    const fw = frameworkOf(
      indikator('P', { type: 'percentage' }, { weights: { kelurahan: 33.33 } }),
      indikator('Q', { type: 'percentage' }, { weights: { kelurahan: 33.33 } }),
      indikator('R', { type: 'percentage' }, { weights: { kelurahan: 33.34 } }),
    );
    expect(validateFramework(fw)).toEqual([]);
  });

  const cases: [string, (fw: Framework) => void, FrameworkIssueCode, (string | number)[]][] = [
    [
      'bidang weights not 100',
      (fw) => {
        fw.bidang[0]!.weight = 25;
      },
      'BIDANG_WEIGHT_SUM',
      ['bidang'],
    ],
    [
      'duplicate bidang code',
      (fw) => {
        fw.bidang[1]!.code = 'B1';
      },
      'BIDANG_CODE_DUPLICATE',
      ['bidang', 1, 'code'],
    ],
    [
      'duplicate indikator code',
      (fw) => {
        fw.bidang[1]!.indikator[0]!.code = 'B1.1';
      },
      'INDIKATOR_CODE_DUPLICATE',
      ['bidang', 1, 'indikator', 0, 'code'],
    ],
    [
      'indikator weights not 100 for a level',
      (fw) => {
        fw.bidang[0]!.indikator[0]!.weights.kelurahan = 30;
      },
      'INDIKATOR_WEIGHT_SUM',
      ['bidang', 0, 'indikator'],
    ],
    [
      'weight missing for a level',
      (fw) => {
        delete fw.bidang[0]!.indikator[0]!.weights.kecamatan;
      },
      'INDIKATOR_WEIGHT_MISSING',
      ['bidang', 0, 'indikator', 0, 'weights', 'kecamatan'],
    ],
    [
      'weight for a level the indicator does not apply to',
      (fw) => {
        fw.bidang[1]!.indikator[0]!.weights.kelurahan = 10;
      },
      'INDIKATOR_WEIGHT_UNUSED',
      ['bidang', 1, 'indikator', 0, 'weights', 'kelurahan'],
    ],
    [
      'negative weight',
      (fw) => {
        fw.bidang[0]!.indikator[0]!.weights.kelurahan = -5;
      },
      'WEIGHT_INVALID',
      ['bidang', 0, 'indikator', 0, 'weights', 'kelurahan'],
    ],
    [
      'weight with three decimals',
      (fw) => {
        fw.bidang[0]!.weight = 30.005;
      },
      'WEIGHT_INVALID',
      ['bidang', 0, 'weight'],
    ],
    [
      'bidang without indicators for a level',
      (fw) => {
        fw.bidang[3]!.indikator = fw.bidang[3]!.indikator.map((i) => ({
          ...i,
          appliesTo: 'kecamatan',
          weights: { kecamatan: i.weights.kecamatan },
        }));
      },
      'BIDANG_EMPTY',
      ['bidang', 3, 'indikator'],
    ],
    [
      'zero target',
      (fw) => {
        const s = fw.bidang[1]!.indikator[1]!.scoring;
        if (s.type === 'ratio') s.target = 0;
      },
      'TARGET_NOT_POSITIVE',
      ['bidang', 1, 'indikator', 1, 'scoring', 'target'],
    ],
    [
      'cap below 100',
      (fw) => {
        const s = fw.bidang[1]!.indikator[1]!.scoring;
        if (s.type === 'ratio') s.cap = 90;
      },
      'CAP_INVALID',
      ['bidang', 1, 'indikator', 1, 'scoring', 'cap'],
    ],
    [
      'gap in bands',
      (fw) => {
        const s = fw.bidang[3]!.indikator[1]!.scoring;
        if (s.type === 'bands') s.bands[2]!.min = 61;
      },
      'BANDS_GAP',
      ['bidang', 3, 'indikator', 1, 'scoring', 'bands', 2, 'min'],
    ],
    [
      'overlapping bands',
      (fw) => {
        const s = fw.bidang[3]!.indikator[1]!.scoring;
        if (s.type === 'bands') s.bands[2]!.min = 55;
      },
      'BANDS_ORDER',
      ['bidang', 3, 'indikator', 1, 'scoring', 'bands', 2, 'min'],
    ],
    [
      'band score above 100',
      (fw) => {
        const s = fw.bidang[3]!.indikator[1]!.scoring;
        if (s.type === 'bands') s.bands[4]!.score = 110;
      },
      'BAND_SCORE_RANGE',
      ['bidang', 3, 'indikator', 1, 'scoring', 'bands', 4, 'score'],
    ],
    [
      'empty bands',
      (fw) => {
        const s = fw.bidang[3]!.indikator[1]!.scoring;
        if (s.type === 'bands') s.bands = [];
      },
      'BANDS_EMPTY',
      ['bidang', 3, 'indikator', 1, 'scoring', 'bands'],
    ],
    [
      'rubric missing a level',
      (fw) => {
        const s = fw.bidang[3]!.indikator[0]!.scoring;
        if (s.type === 'scale') s.rubric = s.rubric!.slice(0, 4);
      },
      'SCALE_LEVELS',
      ['bidang', 3, 'indikator', 0, 'scoring', 'rubric'],
    ],
    [
      'rubric score decreasing',
      (fw) => {
        const s = fw.bidang[3]!.indikator[0]!.scoring;
        if (s.type === 'scale') s.rubric![3]!.score = 50;
      },
      'SCALE_SCORE',
      ['bidang', 3, 'indikator', 0, 'scoring', 'rubric', 3, 'score'],
    ],
    [
      'kelurahan_average on kelurahan',
      (fw) => {
        const ind = fw.bidang[1]!.indikator[3]!;
        ind.appliesTo = 'both';
        ind.weights.kelurahan = 10;
      },
      'KELURAHAN_AVERAGE_LEVEL',
      ['bidang', 1, 'indikator', 3, 'appliesTo'],
    ],
    [
      'predikat bands without 0',
      (fw) => {
        fw.settings.predikatBands = fw.settings.predikatBands.slice(0, 4);
      },
      'PREDIKAT_BANDS',
      ['settings', 'predikatBands'],
    ],
  ];

  it.each(cases)('reports %s', (_name, mutate, code, path) => {
    const fw = createBandungJuaraFramework();
    mutate(fw);
    const issues = validateFramework(fw);
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.path).toEqual(path);
    expect(issue!.message).toMatch(/^[A-Z].*\.$/);
  });

  it('names the numbers in the message', () => {
    const fw = createBandungJuaraFramework();
    fw.bidang[0]!.weight = 25;
    expect(validateFramework(fw)).toContainEqual({
      code: 'BIDANG_WEIGHT_SUM',
      message: 'Jumlah bobot bidang adalah 95, harus 100.',
      path: ['bidang'],
      params: { sum: 95 },
    });
  });

  it('reports schema problems with their path', () => {
    const issues = validateFramework({ settings: bandungJuaraTemplate.settings, bidang: [{ code: 'B1' }] });
    expect(issues.every((i) => i.code === 'SCHEMA')).toBe(true);
    expect(issues.map((i) => i.path)).toContainEqual(['bidang', 0, 'weight']);
  });

  it('accepts valid rubric and banded percentage', () => {
    expect(codes(single({ type: 'scale', levels: 5, rubric: rubric5 }))).toEqual([]);
    expect(codes(single({ type: 'percentage', bands: bands5 }))).toEqual([]);
  });
});
