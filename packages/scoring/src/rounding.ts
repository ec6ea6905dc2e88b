import type { PeriodeSettings, PredikatBand, RoundingRule } from './schema';

/** Version of the formulas in this file set; stored with every periode and rapor. */
export const FORMULA_VERSION = 'sip-2026.1';

export const defaultRoundingRule: RoundingRule = { decimals: 2, mode: 'half_up' };

export const defaultPredikatBands: readonly PredikatBand[] = [
  { min: 90, label: 'Sangat Baik' },
  { min: 80, label: 'Baik' },
  { min: 70, label: 'Cukup' },
  { min: 60, label: 'Kurang' },
  { min: 0, label: 'Sangat Kurang' },
];

export function defaultSettings(): PeriodeSettings {
  return {
    rounding: { ...defaultRoundingRule },
    predikatBands: defaultPredikatBands.map((b) => ({ ...b })),
    formulaVersion: FORMULA_VERSION,
  };
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * Rounds half away from zero ("half up" for scores, which are never negative) at `decimals`.
 * A decimal that a person writes as 80.125 is stored as 80.12499999999999…; we first cut the value
 * to 15 significant digits (the precision a double holds reliably), so 80.125 -> 80.13 as on a
 * calculator. The fast path uses plain arithmetic when the value is nowhere near a half.
 */
export function roundScore(x: number, rule: RoundingRule = defaultRoundingRule): number {
  if (!Number.isFinite(x)) return x;
  const d = rule.decimals;
  const m = POW10[d] ?? 10 ** d;
  const ax = Math.abs(x);
  const y = ax * m;
  if (y < 1e15) {
    const fl = Math.floor(y);
    const frac = y - fl;
    // Far from .5 (relative to the magnitude): the float error cannot change the result.
    const eps = 1e-9 * (y + 1);
    if (Math.abs(frac - 0.5) > eps) {
      const r = (frac > 0.5 ? fl + 1 : fl) / m;
      return x < 0 && r !== 0 ? -r : r;
    }
  }
  const cleaned = Number(ax.toPrecision(15));
  const [mant = '0', exp = '0'] = cleaned.toExponential().split('e');
  const shifted = Math.round(Number(`${mant}e${Number(exp) + d}`));
  const [m2 = '0', e2 = '0'] = shifted.toExponential().split('e');
  const r = Number(`${m2}e${Number(e2) - d}`);
  return x < 0 && r !== 0 ? -r : r;
}

/** The predikat of a (rounded) score: the band with the highest `min` not above the score. */
export function predikatFor(score: number, bands: readonly PredikatBand[] = defaultPredikatBands): string {
  let best: PredikatBand | undefined;
  for (const b of bands) {
    if (score >= b.min && (best === undefined || b.min > best.min)) best = b;
  }
  if (best) return best.label;
  // Below every band (cannot happen for a valid framework, whose lowest band starts at 0).
  let lowest: PredikatBand | undefined;
  for (const b of bands) if (lowest === undefined || b.min < lowest.min) lowest = b;
  return lowest?.label ?? '';
}

/** Integer hundredths, for comparing decimal weights exactly. */
export function toHundredths(x: number): number {
  return Math.round(x * 100);
}
