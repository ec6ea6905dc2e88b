// docs/scoring.md §4: from the entries of one indicator to its yearly value and score, or tidak berlaku.
import type { ComputedInput } from './context';
import { clamp, indikatorScore, type ReportedScoring } from './indikator-score';
import type { IndikatorResult } from './rapor-types';
import type { Entry, Indikator } from './schema';

export type Aggregation = Indikator['aggregation'];

/** What §4 decides for one indicator, before weights and rounding (§5). */
export type IndikatorOutcome = Readonly<
  Pick<
    IndikatorResult,
    | 'value'
    | 'scoreExact'
    | 'tidakBerlaku'
    | 'tidakDilaporkan'
    | 'belumJatuhTempo'
    | 'monthsReported'
    | 'monthsDue'
  >
>;

/** Left out of its bidang. */
const TIDAK_BERLAKU: IndikatorOutcome = {
  value: null,
  scoreExact: null,
  tidakBerlaku: true,
  tidakDilaporkan: false,
  belumJatuhTempo: false,
  monthsReported: null,
  monthsDue: null,
};

/** Scores 0 and is flagged. */
const NOT_REPORTED: IndikatorOutcome = {
  value: null,
  scoreExact: 0,
  tidakBerlaku: false,
  tidakDilaporkan: true,
  belumJatuhTempo: false,
  monthsReported: null,
  monthsDue: null,
};

/** Its report is not due yet: left out of its bidang, neither scored 0 nor tidak berlaku. */
const BELUM_JATUH_TEMPO: IndikatorOutcome = {
  value: null,
  scoreExact: null,
  tidakBerlaku: false,
  tidakDilaporkan: false,
  belumJatuhTempo: true,
  monthsReported: null,
  monthsDue: null,
};

/** A yearly value and its score, for an indicator that is not monthly. */
function scored(value: number, scoreExact: number): IndikatorOutcome {
  return {
    value,
    scoreExact,
    tidakBerlaku: false,
    tidakDilaporkan: false,
    belumJatuhTempo: false,
    monthsReported: null,
    monthsDue: null,
  };
}

function isTidakBerlaku(entry: Entry | undefined): boolean {
  return entry !== undefined && entry.status === 'tidak_berlaku';
}

/** §4: only a verified entry with a number counts; an unverified one is not reported (null). */
export function verifiedValue(entry: Entry): number | null {
  const v = entry.value;
  return entry.status === 'verified' && typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * §4 yearly value of a monthly indicator from the `reported` (R) verified months of the `due` (D):
 * sum `Σv ÷ R × D` (just `Σv` when R = D), projected to the year `× 12 ÷ W` while only W < 12
 * months are counted; average `Σv ÷ R`; last the latest reported month's value.
 */
export function yearlyValue(
  aggregation: Aggregation,
  {
    sum,
    last,
    reported,
    due,
    window = 12,
  }: { sum: number; last: number; reported: number; due: number; window?: number },
): number {
  switch (aggregation) {
    case 'sum': {
      const counted = reported === due ? sum : (sum / reported) * due;
      return window === 12 ? counted : (counted * 12) / window;
    }
    case 'average':
      return sum / reported;
    case 'last':
      return last;
  }
}

/** §4 share rule: score × R ÷ D — each due month not reported takes its share 1 ÷ D away. */
export function shareOfDueMonths(score: number, reported: number, due: number): number {
  return reported === due ? score : (score * reported) / due;
}

/**
 * §4 monthly indicators. `byMonth[m]` is the entry of month m (1..12); `byMonth[0]`, when present, is a
 * tidak_berlaku for the whole year. W = months fromMonth..monthsDue (none: belum jatuh tempo), D = those
 * that are not tidak berlaku, R = those with a verified value; D = 0 is tidak berlaku, R = 0 scores 0,
 * otherwise score = §3 score of x × R ÷ D.
 */
export function monthlyOutcome(
  scoring: ReportedScoring,
  aggregation: Aggregation,
  byMonth: readonly (Entry | undefined)[],
  { fromMonth = 1, monthsDue }: { fromMonth?: number; monthsDue: number },
): IndikatorOutcome {
  const wholeYearTidakBerlaku = isTidakBerlaku(byMonth[0]);
  const window = monthsDue - fromMonth + 1;
  if (window <= 0 && !wholeYearTidakBerlaku) return BELUM_JATUH_TEMPO;
  let due = 0;
  let reported = 0;
  let sum = 0;
  let last = 0;
  // `entry !== undefined &&` rather than `entry?.`: `===` then only compares strings, which V8 keeps fast.
  for (let month = fromMonth; month <= monthsDue; month++) {
    const entry = byMonth[month];
    if (wholeYearTidakBerlaku || (entry !== undefined && entry.status === 'tidak_berlaku')) continue;
    due++;
    const v = entry === undefined ? null : verifiedValue(entry);
    if (v !== null) {
      reported++;
      sum += v;
      last = v;
    }
  }
  if (due === 0) {
    return {
      value: null,
      scoreExact: null,
      tidakBerlaku: true,
      tidakDilaporkan: false,
      belumJatuhTempo: false,
      monthsReported: 0,
      monthsDue: 0,
    };
  }
  if (reported === 0) {
    return {
      value: null,
      scoreExact: 0,
      tidakBerlaku: false,
      tidakDilaporkan: true,
      belumJatuhTempo: false,
      monthsReported: 0,
      monthsDue: due,
    };
  }
  const value = yearlyValue(aggregation, { sum, last, reported, due, window });
  return {
    value,
    scoreExact: shareOfDueMonths(indikatorScore(scoring, value), reported, due),
    tidakBerlaku: false,
    tidakDilaporkan: reported < due,
    belumJatuhTempo: false,
    monthsReported: reported,
    monthsDue: due,
  };
}

/**
 * §4 annual indicators: the verified annual entry is x; tidak_berlaku leaves it out; none scores 0
 * once the annual report is due, and before that is belum jatuh tempo (left out).
 */
export function annualOutcome(
  scoring: ReportedScoring,
  entry: Entry | undefined,
  annualDue = true,
): IndikatorOutcome {
  if (isTidakBerlaku(entry)) return TIDAK_BERLAKU;
  const value = entry === undefined ? null : verifiedValue(entry);
  if (value === null) return annualDue ? NOT_REPORTED : BELUM_JATUH_TEMPO;
  return scored(value, indikatorScore(scoring, value));
}

/**
 * §4 computed types (ikm, timeliness, kelurahan_average): the value from the context (context.ts),
 * clamped to 0..100. A tidak_berlaku entry with month null leaves it out; a missing input scores 0.
 */
export function computedOutcome(input: ComputedInput, entry: Entry | undefined): IndikatorOutcome {
  if (isTidakBerlaku(entry) || input === 'tidak_berlaku') return TIDAK_BERLAKU;
  if (input === 'tidak_dilaporkan') return NOT_REPORTED;
  return scored(input, clamp(input, 0, 100));
}
