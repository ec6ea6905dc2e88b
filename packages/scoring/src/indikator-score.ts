// docs/scoring.md §3: the score 0..100 of one yearly value `x`, one function per indicator type.
import type { RubricLevel, ScoreBand, Scoring } from './schema';

/** The indicator types whose value a person reports (the others are computed, see context.ts). */
export type ReportedScoring = Exclude<Scoring, { type: 'ikm' | 'timeliness' | 'kelurahan_average' }>;
type RatioScoring = Extract<Scoring, { type: 'ratio' }>;

/** `x` held to [lo, hi]; NaN counts as lo. */
export function clamp(x: number, lo: number, hi: number): number {
  if (x >= hi) return hi;
  if (x > lo) return x;
  return lo;
}

/**
 * §3 ratio. Capaian `c = x ÷ target × 100` (lower is better: `target ÷ x × 100`, and `x <= 0` is full
 * capaian); `c <= 0` gives 0, `c >= cap` gives 100, otherwise `c ÷ cap × 100` (with cap 100 just `c`).
 */
export function ratioScore(x: number, { target, direction, cap }: RatioScoring): number {
  const capaian =
    direction === 'higher_is_better'
      ? (x / target) * 100
      : x <= 0
        ? Number.POSITIVE_INFINITY
        : (target / x) * 100;
  if (!(capaian > 0)) return 0;
  if (capaian >= cap) return 100;
  // Cap 100 returns c itself: c ÷ 100 × 100 can differ from c in the last bit.
  return cap === 100 ? capaian : (capaian / cap) * 100;
}

/** §3 percentage without a band table: `x` clamped to 0..100. */
export function percentageScore(x: number): number {
  return clamp(x, 0, 100);
}

/** §3 bands (and percentage with a band table): the score of the row with `min <= x < max`; below the first row 0. */
export function bandScore(x: number, bands: readonly ScoreBand[]): number {
  for (const band of bands) {
    if (x >= band.min && x < (band.max ?? Number.POSITIVE_INFINITY)) return band.score;
  }
  return 0;
}

/** §3 boolean: ya = 1 → 100, tidak = 0 → 0 (a yearly average of months gives the share of "ya" × 100). */
export function booleanScore(x: number): number {
  return clamp(x, 0, 1) * 100;
}

/** §3 scale, linear 1..N: `(x − 1) ÷ (N − 1) × 100`, `x` clamped to 1..N. */
export function linearScaleScore(x: number, levels: number): number {
  return ((clamp(x, 1, levels) - 1) / (levels - 1)) * 100;
}

/** §3 scale, rubric: the score of the highest level reached, level `floor(x)`; below level 1 → 0. */
export function rubricScore(x: number, rubric: readonly RubricLevel[]): number {
  if (!(x >= 1)) return 0;
  // The framework lists levels 1..N in order, one row each (validateFramework).
  const level = Math.min(Math.floor(x), rubric.length);
  return rubric[level - 1]!.score;
}

/** §3: the score 0..100 of the yearly value `x` of a reported indicator. */
export function indikatorScore(scoring: ReportedScoring, x: number): number {
  switch (scoring.type) {
    case 'ratio':
      return ratioScore(x, scoring);
    case 'percentage':
      return scoring.bands ? bandScore(x, scoring.bands) : percentageScore(x);
    case 'boolean':
      return booleanScore(x);
    case 'scale':
      return scoring.rubric ? rubricScore(x, scoring.rubric) : linearScaleScore(x, scoring.levels);
    case 'bands':
      return bandScore(x, scoring.bands);
  }
}
