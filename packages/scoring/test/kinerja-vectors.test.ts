import { describe, expect, it } from 'vitest';
import vectors from '../vectors/kinerja-vectors.json' with { type: 'json' };
import { api, type KinerjaVectorCase, runKinerjaCase } from '../vectors/run-kinerja-case';

const cases = vectors as KinerjaVectorCase[];

describe('shared kinerja vectors (vectors/kinerja-vectors.json)', () => {
  it('covers every function, the worked example and refusals', () => {
    expect([...new Set(cases.map((c) => c.fn))].sort()).toEqual([
      'hariKerjaBulan',
      'isHariKerja',
      'kinerjaSettingsSchema',
      'mingguIso',
      'nilaiKinerjaBulanan',
      'tambahHariKerja',
    ]);
    expect(cases.filter((c) => c.name.startsWith('worked example')).length).toBe(2);
    expect(cases.some((c) => c.fn === 'nilaiKinerjaBulanan' && 'error' in (c.expected as object))).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const actual = runKinerjaCase(api, c);
    expect(actual).toEqual(c.expected);
    // Another runtime compares JSON text, so key order counts too.
    expect(JSON.stringify(actual)).toBe(JSON.stringify(c.expected));
  });
});
