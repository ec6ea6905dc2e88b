import type { IndikatorType, Level, RoundingRule } from './schema';

/** One indicator of a rapor (docs/scoring.md §3–§5). */
export interface IndikatorResult {
  code: string;
  name: string;
  type: IndikatorType;
  /** The yearly value the score was computed from (see docs/scoring.md); null if none. */
  value: number | null;
  target: number | null;
  /** Rounded score 0..100 as shown; null when tidak berlaku. */
  score: number | null;
  scoreExact: number | null;
  /** Weight in its bidang for this level, as configured. */
  weight: number;
  /** Weight after leaving out tidak berlaku indicators (sums to 100 in the bidang); 0 if left out. */
  effectiveWeight: number;
  tidakBerlaku: boolean;
  tidakDilaporkan: boolean;
  /** Not due yet (§4): left out of its bidang like tidak berlaku, until its report is due. */
  belumJatuhTempo: boolean;
  /** Monthly indicators: months with a verified value, and months that count. Otherwise null. */
  monthsReported: number | null;
  monthsDue: number | null;
}

/** One bidang of a rapor (§5); left out (score null, tidakBerlaku) when all its indicators are. */
export interface BidangResult {
  code: string;
  name: string;
  weight: number;
  /** Weight after leaving out tidak berlaku bidang (sums to 100 in the rapor); 0 if left out. */
  effectiveWeight: number;
  score: number | null;
  scoreExact: number | null;
  tidakBerlaku: boolean;
  indikator: IndikatorResult[];
}

/** The rapor of one unit (§5). */
export interface Rapor {
  level: Level;
  formulaVersion: string;
  rounding: RoundingRule;
  bidang: BidangResult[];
  /** Rounded once from totalExact; null when every bidang is tidak berlaku. */
  total: number | null;
  totalExact: number | null;
  predikat: string | null;
}
