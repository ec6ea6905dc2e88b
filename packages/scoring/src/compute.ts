// The rapor of one unit (docs/scoring.md §2–§5): entries sorted to indicators, each indicator scored
// (aggregate.ts, indikator-score.ts), then bidang, total, rounding and predikat.
import {
  type Aggregation,
  annualOutcome,
  computedOutcome,
  type IndikatorOutcome,
  monthlyOutcome,
} from './aggregate';
import { type ComputedType, isComputedType, type ScoringContext, scoringContext } from './context';
import { ScoringInputError } from './errors';
import type { ReportedScoring } from './indikator-score';
import type { BidangResult, IndikatorResult, Rapor } from './rapor-types';
import { predikatFor, roundScore } from './rounding';
import type { Entry, Framework, Indikator, IndikatorType, Level, RaporContext, RoundingRule } from './schema';
import { assertValidFramework } from './validate';

export interface ComputeRaporInput {
  level: Level;
  entries: readonly Entry[];
  context?: RaporContext;
}

export interface ComputeRaporArgs extends ComputeRaporInput {
  framework: unknown;
}

export interface Scorer {
  framework: Framework;
  /** The rapor of one unit; the same result as computeRapor. */
  compute(input: ComputeRaporInput): Rapor;
}

/** An indicator of one level, with what its score is read from (§4). */
type PreparedIndikator = {
  code: string;
  name: string;
  type: IndikatorType;
  /** Weight in its bidang for this level. */
  weight: number;
  target: number | null;
  /** Index in the level's indicators, bidang order then framework order. */
  position: number;
} & (
  | { source: 'monthly'; scoring: ReportedScoring; aggregation: Aggregation }
  | { source: 'annual'; scoring: ReportedScoring }
  | { source: 'context'; computed: ComputedType }
);

interface PreparedBidang {
  code: string;
  name: string;
  weight: number;
  indikator: PreparedIndikator[];
}

interface PreparedLevel {
  bidang: PreparedBidang[];
  indikator: PreparedIndikator[];
  byCode: Map<string, PreparedIndikator>;
}

/** Entries of one indicator by month: index m is month m, index 0 the entry with month null (or 0). */
type EntriesByMonth = (Entry | undefined)[];

/** §1, §3, §4: what one indicator's score is read from, at the given level. */
function prepareIndikator(i: Indikator, level: Level, position: number): PreparedIndikator {
  const s = i.scoring;
  const head = {
    code: i.code,
    name: i.name,
    type: s.type,
    weight: i.weights[level] ?? 0,
    target: s.type === 'ratio' ? s.target : null,
    position,
  };
  // Computed types read the context whatever their frequency (§4).
  if (isComputedType(s.type)) return { ...head, source: 'context', computed: s.type };
  const scoring = s as ReportedScoring;
  return i.frequency === 'monthly'
    ? { ...head, source: 'monthly', scoring, aggregation: i.aggregation }
    : { ...head, source: 'annual', scoring };
}

/** §1: the bidang in their order, each with the indicators that apply to the level (framework order). */
function prepareLevel(framework: Framework, level: Level): PreparedLevel {
  const indikator: PreparedIndikator[] = [];
  const bidang = framework.bidang
    .map((b, index) => ({ b, index }))
    .sort((x, y) => x.b.order - y.b.order || x.index - y.index)
    .map(({ b }): PreparedBidang => {
      const own = b.indikator
        .filter((i) => i.appliesTo === 'both' || i.appliesTo === level)
        .map((i) => {
          const p = prepareIndikator(i, level, indikator.length);
          indikator.push(p);
          return p;
        });
      return {
        code: b.code,
        name: b.name,
        weight: b.weight,
        indikator: own,
      };
    });
  return { bidang, indikator, byCode: new Map(indikator.map((i) => [i.code, i])) };
}

/**
 * §2: the entry that counts for each indicator of the level and month; the later entry wins. Codes
 * outside the level are ignored, and so are monthly entries of an annual or computed indicator and,
 * for a monthly indicator, an entry with month null unless it is tidak_berlaku (§4: the whole year).
 */
function collectEntries(level: PreparedLevel, entries: readonly Entry[]): EntriesByMonth[] {
  const table: EntriesByMonth[] = level.indikator.map((i) => new Array(i.source === 'monthly' ? 13 : 1));
  // Entries usually come grouped by indicator: look a code up once per run of the same code.
  // ('' is no indicator's code, and comparing strings only with strings keeps the loop fast.)
  let code = '';
  let byMonth: EntriesByMonth | undefined; // undefined: the code is not an indicator of the level
  let monthly = false;
  for (const e of entries) {
    if (e.indikatorCode !== code) {
      code = e.indikatorCode;
      const ind = level.byCode.get(code);
      byMonth = ind && table[ind.position];
      monthly = ind?.source === 'monthly';
    }
    if (byMonth === undefined) continue;
    const month = e.month ?? 0;
    if (!Number.isInteger(month) || month < 0 || month > 12) {
      throw new ScoringInputError('MONTH', `Bulan ${month} pada indikator ${code} tidak valid (0–12).`);
    }
    if (!monthly) {
      if (month === 0) byMonth[0] = e;
    } else if (month !== 0 || e.status === 'tidak_berlaku') byMonth[month] = e;
  }
  return table;
}

/** §4: tidak berlaku, or the yearly value and score of one indicator. */
function outcomeOf(ind: PreparedIndikator, byMonth: EntriesByMonth, ctx: ScoringContext): IndikatorOutcome {
  switch (ind.source) {
    case 'monthly':
      return monthlyOutcome(ind.scoring, ind.aggregation, byMonth, ctx);
    case 'annual':
      return annualOutcome(ind.scoring, byMonth[0], ctx.annualDue);
    case 'context':
      return computedOutcome(ctx.computed[ind.computed], byMonth[0]);
  }
}

/** §5 rounding: each shown number is rounded once, with the periode's rule. */
function rounded(exact: number | null, rounding: RoundingRule): number | null {
  return exact === null ? null : roundScore(exact, rounding);
}

/**
 * §5 rescaling, for the indicators of a bidang and the bidang of a rapor alike: sets each part's
 * effective weight (`weight × 100 ÷ Σ weight` over the parts that count, i.e. whose score is not null;
 * 0 for the others) and returns `Σ(score × weight) ÷ Σ weight`, summed in the parts' order, or null
 * when no part counts.
 */
function rescale(
  parts: { scoreExact: number | null; weight: number; effectiveWeight: number }[],
): number | null {
  let weighted = 0;
  let weightSum = 0;
  for (const p of parts) {
    if (p.scoreExact === null) continue;
    weighted += p.scoreExact * p.weight;
    weightSum += p.weight;
  }
  for (const p of parts) p.effectiveWeight = p.scoreExact === null ? 0 : (p.weight * 100) / weightSum;
  return weightSum > 0 ? weighted / weightSum : null;
}

/** §3–§5: one indicator as shown in the rapor (its effective weight is set by rescale). */
function indikatorResult(
  ind: PreparedIndikator,
  o: IndikatorOutcome,
  rounding: RoundingRule,
): IndikatorResult {
  return {
    code: ind.code,
    name: ind.name,
    type: ind.type,
    value: o.value,
    target: ind.target,
    score: rounded(o.scoreExact, rounding),
    scoreExact: o.scoreExact,
    weight: ind.weight,
    effectiveWeight: 0,
    tidakBerlaku: o.tidakBerlaku,
    tidakDilaporkan: o.tidakDilaporkan,
    belumJatuhTempo: o.belumJatuhTempo,
    monthsReported: o.monthsReported,
    monthsDue: o.monthsDue,
  };
}

/** §5 bidang score from the unrounded indicator scores; left out when every indicator is tidak berlaku. */
function bidangResult(
  b: PreparedBidang,
  table: EntriesByMonth[],
  ctx: ScoringContext,
  rounding: RoundingRule,
): BidangResult {
  const indikator = b.indikator.map((ind) =>
    indikatorResult(ind, outcomeOf(ind, table[ind.position]!, ctx), rounding),
  );
  const scoreExact = rescale(indikator);
  return {
    code: b.code,
    name: b.name,
    weight: b.weight,
    effectiveWeight: 0,
    score: rounded(scoreExact, rounding),
    scoreExact,
    tidakBerlaku: scoreExact === null,
    indikator,
  };
}

/** Validates the framework once (throws InvalidFrameworkError) and prepares both levels. */
export function createScorer(framework: unknown): Scorer {
  const fw = assertValidFramework(framework);
  const { rounding, predikatBands, formulaVersion } = fw.settings;
  const levels: Record<Level, PreparedLevel> = {
    kecamatan: prepareLevel(fw, 'kecamatan'),
    kelurahan: prepareLevel(fw, 'kelurahan'),
  };

  /** §2–§5: entries and context → indicators → bidang → total (from unrounded bidang scores) → predikat. */
  function compute({ level, entries, context }: ComputeRaporInput): Rapor {
    if (level !== 'kecamatan' && level !== 'kelurahan') {
      throw new ScoringInputError('LEVEL', `Tingkat wilayah "${String(level)}" tidak dikenal.`);
    }
    const prepared = levels[level];
    const table = collectEntries(prepared, entries);
    const ctx = scoringContext(context);
    const bidang = prepared.bidang.map((b) => bidangResult(b, table, ctx, rounding));
    const totalExact = rescale(bidang);
    const total = rounded(totalExact, rounding);
    return {
      level,
      formulaVersion,
      rounding: { ...rounding },
      bidang,
      total,
      totalExact,
      // §5: from the rounded total, so 89.995 shows as 90.00 and is Sangat Baik.
      predikat: total === null ? null : predikatFor(total, predikatBands),
    };
  }

  return { framework: fw, compute };
}

/** Validates the framework, then computes one rapor (§1–§5). */
export function computeRapor({ framework, level, entries, context }: ComputeRaporArgs): Rapor {
  return createScorer(framework).compute({ level, entries, context });
}
