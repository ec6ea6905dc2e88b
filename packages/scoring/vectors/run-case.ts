// Runs one shared vector case. e2e/tests/scoring-vectors.spec.ts holds the same dispatch for the
// browser bundle; keep both in step.
import * as scoring from '../src/index';

export interface VectorCase {
  name: string;
  fn: 'computeRapor' | 'rank' | 'computeIkm' | 'validateFramework' | 'computeTimeliness';
  input: unknown;
  expected: unknown;
}

type Api = typeof scoring;

export function runCase(api: Api, c: Pick<VectorCase, 'fn' | 'input'>): unknown {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: inputs come from JSON and are checked by the functions
    const input = c.input as any;
    let out: unknown;
    switch (c.fn) {
      case 'computeRapor':
        out = api.computeRapor(input);
        break;
      case 'rank':
        out = api.rank(input.items, input.rule);
        break;
      case 'computeIkm':
        out = api.computeIkm(input);
        break;
      case 'validateFramework':
        out = api.validateFramework(input);
        break;
      case 'computeTimeliness':
        out = api.computeTimeliness(input);
        break;
    }
    return JSON.parse(JSON.stringify(out));
  } catch (e) {
    const err = e as { name?: string; code?: string };
    return { error: { name: err.name ?? 'Error', code: err.code ?? null } };
  }
}

export const api: Api = scoring;
