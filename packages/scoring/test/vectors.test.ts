import { describe, expect, it } from 'vitest';
import { api, runCase, type VectorCase } from '../vectors/run-case';
import vectors from '../vectors/vectors.json' with { type: 'json' };

const cases = vectors as VectorCase[];

describe('shared vectors (vectors/vectors.json)', () => {
  it('covers every function and indicator type', () => {
    const fns = new Set(cases.map((c) => c.fn));
    expect([...fns].sort()).toEqual([
      'computeIkm',
      'computeRapor',
      'computeTimeliness',
      'rank',
      'validateFramework',
    ]);
    const types = new Set(
      cases.flatMap((c) =>
        c.fn === 'computeRapor'
          ? ((c.expected as { bidang?: { indikator: { type: string }[] }[] }).bidang ?? []).flatMap((b) =>
              b.indikator.map((i) => i.type),
            )
          : [],
      ),
    );
    expect(types.size).toBe(8);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const actual = runCase(api, c);
    expect(actual).toEqual(c.expected);
    // The browser run (e2e/tests/scoring-vectors.spec.ts) compares JSON text, so key order counts too.
    expect(JSON.stringify(actual)).toBe(JSON.stringify(c.expected));
  });
});
