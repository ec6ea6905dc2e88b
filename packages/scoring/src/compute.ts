import { ScoringInputError } from './errors';
import { predikatFor, roundScore } from './rounding';
import type {
  Entry,
  Framework,
  IndikatorType,
  Level,
  PredikatBand,
  RaporContext,
  RoundingRule,
  Scoring,
} from './schema';
import { assertValidFramework } from './validate';

/** Status codes of the dense input (one byte per slot). */
export const SLOT_STATUS = { missing: 0, verified: 1, unverified: 2, tidak_berlaku: 3 } as const;
/** Four `verified` status bytes read as one 32-bit word (the same in either byte order). */
const ALL_VERIFIED = 0x01010101;

const K_RATIO = 0;
const K_PERCENT = 1;
const K_PERCENT_BANDED = 2;
const K_BOOLEAN = 3;
const K_SCALE_LINEAR = 4;
const K_SCALE_RUBRIC = 5;
const K_BANDS = 6;
const K_IKM = 7;
const K_TIMELINESS = 8;
const K_KEL_AVG = 9;

const AGG_SUM = 0;
const AGG_AVERAGE = 1;
const AGG_LAST = 2;

// Per-indicator state after computing.
const ST_OK = 0;
const ST_TB = 1;
const ST_MISSING = 2; // nothing reported at all

interface PreparedIndikator {
  code: string;
  name: string;
  type: IndikatorType;
  bidangIndex: number;
  kind: number;
  monthly: boolean;
  agg: number;
  weight: number;
  slot: number;
  higher: boolean;
  target: number;
  cap: number;
  levels: number;
  bandMin: Float64Array;
  bandMax: Float64Array;
  bandScore: Float64Array;
  rubricScore: Float64Array;
}

interface PreparedBidang {
  code: string;
  name: string;
  weight: number;
  first: number;
  end: number;
}

/** Column layout of the dense input for one level. */
export interface DenseLayout {
  level: Level;
  /** Applicable indicator codes, in bidang order then framework order. */
  indikatorCodes: readonly string[];
  /** First slot of each indicator; monthly indicators own 12 slots (month m at slot + m - 1), others 1. */
  slotOffsets: readonly number[];
  /** Slots per unit. */
  slotCount: number;
  bidangCodes: readonly string[];
}

export interface DenseInput {
  /** Values, `slotCount` per unit; unit k starts at `offset` (default 0). */
  values: Float64Array;
  /** SLOT_STATUS codes, same layout as values. */
  status: Uint8Array;
  offset?: number;
  context?: RaporContext;
}

export interface DenseResult {
  /** Rounded total (null when every bidang is tidak berlaku). */
  total: number | null;
  totalExact: number | null;
  /** Exact bidang scores in bidang order; NaN = left out (all indicators tidak berlaku). */
  bidangScores: Float64Array;
  /** Exact indicator scores in layout order; NaN = tidak berlaku. */
  indikatorScores: Float64Array;
}

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
  /** Monthly indicators: months with a verified value, and months that count. Otherwise null. */
  monthsReported: number | null;
  monthsDue: number | null;
}

export interface BidangResult {
  code: string;
  name: string;
  weight: number;
  effectiveWeight: number;
  score: number | null;
  scoreExact: number | null;
  tidakBerlaku: boolean;
  indikator: IndikatorResult[];
}

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

export interface ComputeRaporInput {
  level: Level;
  entries: readonly Entry[];
  context?: RaporContext;
}

const EMPTY = new Float64Array(0);

function kindOf(s: Scoring): number {
  switch (s.type) {
    case 'ratio':
      return K_RATIO;
    case 'percentage':
      return s.bands ? K_PERCENT_BANDED : K_PERCENT;
    case 'boolean':
      return K_BOOLEAN;
    case 'scale':
      return s.rubric ? K_SCALE_RUBRIC : K_SCALE_LINEAR;
    case 'bands':
      return K_BANDS;
    case 'ikm':
      return K_IKM;
    case 'timeliness':
      return K_TIMELINESS;
    case 'kelurahan_average':
      return K_KEL_AVG;
  }
}

function isComputed(kind: number): boolean {
  return kind === K_IKM || kind === K_TIMELINESS || kind === K_KEL_AVG;
}

function bandScore(ind: PreparedIndikator, v: number): number {
  const n = ind.bandMin.length;
  for (let i = 0; i < n; i++) {
    if (v >= ind.bandMin[i]! && v < ind.bandMax[i]!) return ind.bandScore[i]!;
  }
  // Below the first band (or NaN): 0.
  return 0;
}

/** Maps one yearly value to a score 0..100 (not for computed types). */
function typeScore(ind: PreparedIndikator, v: number): number {
  switch (ind.kind) {
    case K_RATIO: {
      // Capaian in percent of target; lower-is-better uses target / realisasi.
      const ach = ind.higher
        ? (v / ind.target) * 100
        : v <= 0
          ? Number.POSITIVE_INFINITY
          : (ind.target / v) * 100;
      if (!(ach > 0)) return 0;
      if (ach >= ind.cap) return 100;
      return ind.cap === 100 ? ach : (ach / ind.cap) * 100;
    }
    case K_PERCENT:
      return clamp(v, 0, 100);
    case K_PERCENT_BANDED:
    case K_BANDS:
      return bandScore(ind, v);
    case K_BOOLEAN:
      return clamp(v, 0, 1) * 100;
    case K_SCALE_LINEAR: {
      const c = clamp(v, 1, ind.levels);
      return ((c - 1) / (ind.levels - 1)) * 100;
    }
    case K_SCALE_RUBRIC: {
      if (!(v >= 1)) return 0;
      const level = Math.min(Math.floor(v), ind.levels);
      return ind.rubricScore[level - 1]!;
    }
    default:
      return 0;
  }
}

interface NormalizedContext {
  monthsDue: number;
  ikm: number | null;
  /** NaN: nothing was due (tidak berlaku); null: not given (tidak dilaporkan). */
  timeliness: number | null;
  kelAvg: number | null;
}

/** Clamps to [lo, hi]; NaN becomes lo. */
function clamp(x: number, lo: number, hi: number): number {
  if (x >= hi) return hi;
  if (x > lo) return x;
  return lo;
}

function clamp100(x: number): number {
  return clamp(x, 0, 100);
}

function normalizeContext(ctx: RaporContext | undefined): NormalizedContext {
  const monthsDue = ctx?.monthsDue ?? 12;
  if (!Number.isInteger(monthsDue) || monthsDue < 0 || monthsDue > 12) {
    throw new ScoringInputError(
      'MONTHS_DUE',
      `Jumlah bulan yang dinilai adalah ${monthsDue}, harus 0 sampai 12.`,
    );
  }
  const ikm = ctx?.ikm;
  let timeliness: number | null = null;
  const t = ctx?.timeliness;
  if (t) {
    if (!(t.total >= 0 && t.onTime >= 0 && t.onTime <= t.total)) {
      throw new ScoringInputError(
        'TIMELINESS_COUNTS',
        `Jumlah laporan tepat waktu (${t.onTime}) tidak boleh melebihi jumlah laporan (${t.total}).`,
      );
    }
    timeliness = t.total === 0 ? Number.NaN : (t.onTime / t.total) * 100;
  }
  let kelAvg: number | null = null;
  const totals = ctx?.kelurahanTotals;
  if (totals) {
    if (totals.length === 0) kelAvg = Number.NaN;
    else {
      let s = 0;
      for (const x of totals) s += x;
      kelAvg = s / totals.length;
    }
  }
  return {
    monthsDue,
    ikm: typeof ikm === 'number' && Number.isFinite(ikm) ? ikm : null,
    timeliness,
    kelAvg,
  };
}

class PreparedLevel {
  readonly layout: DenseLayout;
  readonly ind: PreparedIndikator[];
  readonly bid: PreparedBidang[];
  readonly codeIndex = new Map<string, number>();
  // Scratch space reused between calls (JS runs one call at a time).
  readonly state: Uint8Array;
  readonly agg: Float64Array;
  readonly reported: Int32Array;
  readonly due: Int32Array;
  readonly scratchValues: Float64Array;
  readonly scratchStatus: Uint8Array;
  readonly wholeYearTb: Uint8Array;

  constructor(
    fw: Framework,
    readonly level: Level,
  ) {
    this.ind = [];
    this.bid = [];
    let slot = 0;
    const bidangs = fw.bidang
      .map((b, i) => ({ b, i }))
      .sort((x, y) => x.b.order - y.b.order || x.i - y.i)
      .map((x) => x.b);
    for (const b of bidangs) {
      const first = this.ind.length;
      for (const i of b.indikator) {
        if (!(i.appliesTo === 'both' || i.appliesTo === level)) continue;
        const s = i.scoring;
        const kind = kindOf(s);
        const monthly = i.frequency === 'monthly' && !isComputed(kind);
        const bands = s.type === 'bands' ? s.bands : s.type === 'percentage' && s.bands ? s.bands : null;
        const p: PreparedIndikator = {
          code: i.code,
          name: i.name,
          type: s.type,
          bidangIndex: this.bid.length,
          kind,
          monthly,
          agg: i.aggregation === 'sum' ? AGG_SUM : i.aggregation === 'average' ? AGG_AVERAGE : AGG_LAST,
          weight: i.weights[level] ?? 0,
          slot,
          higher: s.type === 'ratio' ? s.direction === 'higher_is_better' : true,
          target: s.type === 'ratio' ? s.target : 0,
          cap: s.type === 'ratio' ? s.cap : 100,
          levels: s.type === 'scale' ? s.levels : 0,
          bandMin: bands ? Float64Array.from(bands, (x) => x.min) : EMPTY,
          bandMax: bands ? Float64Array.from(bands, (x) => x.max ?? Number.POSITIVE_INFINITY) : EMPTY,
          bandScore: bands ? Float64Array.from(bands, (x) => x.score) : EMPTY,
          rubricScore: s.type === 'scale' && s.rubric ? Float64Array.from(s.rubric, (r) => r.score) : EMPTY,
        };
        this.codeIndex.set(p.code, this.ind.length);
        this.ind.push(p);
        slot += monthly ? 12 : 1;
      }
      this.bid.push({ code: b.code, name: b.name, weight: b.weight, first, end: this.ind.length });
    }
    const n = this.ind.length;
    this.state = new Uint8Array(n);
    this.agg = new Float64Array(n);
    this.reported = new Int32Array(n);
    this.due = new Int32Array(n);
    this.wholeYearTb = new Uint8Array(n);
    this.scratchValues = new Float64Array(slot);
    this.scratchStatus = new Uint8Array(slot);
    this.layout = {
      level,
      indikatorCodes: this.ind.map((p) => p.code),
      slotOffsets: this.ind.map((p) => p.slot),
      slotCount: slot,
      bidangCodes: this.bid.map((b) => b.code),
    };
  }

  /** The one implementation of the rules; fills scratch arrays and the result. */
  private lastStatus: Uint8Array | undefined;
  private lastWords: Uint32Array | null = null;

  /** A 32-bit view of the status bytes (same memory), or null when they are not 4-byte aligned. */
  private words(status: Uint8Array): Uint32Array | null {
    if (status !== this.lastStatus) {
      this.lastStatus = status;
      this.lastWords =
        status.byteOffset % 4 === 0
          ? new Uint32Array(status.buffer, status.byteOffset, status.byteLength >> 2)
          : null;
    }
    return this.lastWords;
  }

  /**
   * Scores one unit. `detail` also keeps each indicator's state, yearly value and month counts
   * (read by compute() to build the rapor object); the dense path leaves them out.
   */
  run(
    values: Float64Array,
    status: Uint8Array,
    off: number,
    ctx: NormalizedContext,
    out: DenseResult,
    detail: boolean,
  ): void {
    const inds = this.ind;
    const n = inds.length;
    const monthsDue = ctx.monthsDue;
    const scores = out.indikatorScores;
    const bscores = out.bidangScores;
    const bids = this.bid;
    const stateArr = this.state;
    const s32 = this.words(status);
    // Twelve months read as three 32-bit words of status: a word of four verified months
    // (the common case) is summed without looking at each month.
    const wordwise = monthsDue === 12 && s32 !== null;
    let b = 0;
    let bEnd = bids.length > 0 ? bids[0]!.end : 0;
    let bs = 0;
    let bw = 0;
    let tsum = 0;
    let twsum = 0;
    for (let k = 0; k < n; k++) {
      // Close the bidang(s) that end before this indicator.
      while (k === bEnd) {
        if (bw > 0) {
          const v = bs / bw;
          bscores[b] = v;
          tsum += v * bids[b]!.weight;
          twsum += bids[b]!.weight;
        } else bscores[b] = Number.NaN;
        b++;
        bEnd = bids[b]!.end;
        bs = 0;
        bw = 0;
      }
      const ind = inds[k]!;
      const base = off + ind.slot;
      let st = ST_OK;
      let score = 0;
      let agg = Number.NaN;
      let nRep = 0;
      let due = 1;
      if (ind.monthly) {
        let tb = 0;
        let sum = 0;
        let last = 0;
        if (wordwise && (base & 3) === 0) {
          const w0 = base >> 2;
          for (let q = 0; q < 3; q++) {
            const mb = base + (q << 2);
            if (s32[w0 + q] === ALL_VERIFIED) {
              sum += values[mb]!;
              sum += values[mb + 1]!;
              sum += values[mb + 2]!;
              last = values[mb + 3]!;
              sum += last;
              nRep += 4;
            } else {
              let s = status[mb];
              if (s === 1) {
                last = values[mb]!;
                sum += last;
                nRep++;
              } else if (s === 3) tb++;
              s = status[mb + 1];
              if (s === 1) {
                last = values[mb + 1]!;
                sum += last;
                nRep++;
              } else if (s === 3) tb++;
              s = status[mb + 2];
              if (s === 1) {
                last = values[mb + 2]!;
                sum += last;
                nRep++;
              } else if (s === 3) tb++;
              s = status[mb + 3];
              if (s === 1) {
                last = values[mb + 3]!;
                sum += last;
                nRep++;
              } else if (s === 3) tb++;
            }
          }
        } else
          for (let m = 0; m < monthsDue; m++) {
            const s = status[base + m];
            if (s === 1) {
              const v = values[base + m]!;
              nRep++;
              sum += v;
              last = v;
            } else if (s === 3) tb++;
          }
        due = monthsDue - tb;
        if (due === 0) st = ST_TB;
        else if (nRep === 0) st = ST_MISSING;
        else {
          // Yearly value from the reported months; then scaled by the share of due months reported.
          agg =
            ind.agg === AGG_SUM
              ? nRep === due
                ? sum
                : (sum / nRep) * due
              : ind.agg === AGG_AVERAGE
                ? sum / nRep
                : last;
          score = typeScore(ind, agg);
          if (nRep !== due) score = (score * nRep) / due;
        }
      } else {
        const s = status[base];
        if (s === 3) st = ST_TB;
        else if (ind.kind === K_IKM) {
          if (ctx.ikm === null) st = ST_MISSING;
          else {
            agg = ctx.ikm;
            score = clamp100(agg);
          }
        } else if (ind.kind === K_TIMELINESS) {
          if (ctx.timeliness === null) st = ST_MISSING;
          else if (Number.isNaN(ctx.timeliness)) st = ST_TB;
          else {
            agg = ctx.timeliness;
            score = clamp100(agg);
          }
        } else if (ind.kind === K_KEL_AVG) {
          if (ctx.kelAvg === null) st = ST_MISSING;
          else if (Number.isNaN(ctx.kelAvg)) st = ST_TB;
          else {
            agg = ctx.kelAvg;
            score = clamp100(agg);
          }
        } else if (s === 1) {
          agg = values[base]!;
          score = typeScore(ind, agg);
        } else st = ST_MISSING;
        nRep = st === ST_OK ? 1 : 0;
        due = st === ST_TB ? 0 : 1;
      }
      if (st === ST_TB) scores[k] = Number.NaN;
      else {
        scores[k] = score;
        bs += score * ind.weight;
        bw += ind.weight;
      }
      if (detail) {
        stateArr[k] = st;
        this.agg[k] = agg;
        this.reported[k] = nRep;
        this.due[k] = due;
      }
    }
    // Close the last bidang(s).
    while (b < bids.length) {
      if (bw > 0) {
        const v = bs / bw;
        bscores[b] = v;
        tsum += v * bids[b]!.weight;
        twsum += bids[b]!.weight;
      } else bscores[b] = Number.NaN;
      b++;
      bs = 0;
      bw = 0;
    }
    out.totalExact = twsum > 0 ? tsum / twsum : null;
  }
}

export interface Scorer {
  framework: Framework;
  layout(level: Level): DenseLayout;
  /** Full rapor from entries (same result as computeRapor). */
  compute(input: ComputeRaporInput): Rapor;
  /**
   * Fast path for many units: columnar input, no per-indicator objects. Reuse `target`
   * (from createDenseResult) across units to avoid allocation.
   */
  computeDense(level: Level, input: DenseInput, target?: DenseResult): DenseResult;
  createDenseResult(level: Level): DenseResult;
}

/** Validates the framework once (throws InvalidFrameworkError) and precomputes both levels. */
export function createScorer(framework: unknown): Scorer {
  const fw = assertValidFramework(framework);
  const levels: Record<Level, PreparedLevel> = {
    kecamatan: new PreparedLevel(fw, 'kecamatan'),
    kelurahan: new PreparedLevel(fw, 'kelurahan'),
  };
  const rounding = fw.settings.rounding;
  const bands: readonly PredikatBand[] = fw.settings.predikatBands;

  const createDenseResult = (level: Level): DenseResult => ({
    total: null,
    totalExact: null,
    bidangScores: new Float64Array(levels[level].bid.length),
    indikatorScores: new Float64Array(levels[level].ind.length),
  });

  const scratchResults: Record<Level, DenseResult> = {
    kecamatan: createDenseResult('kecamatan'),
    kelurahan: createDenseResult('kelurahan'),
  };

  const computeDense = (level: Level, input: DenseInput, target?: DenseResult): DenseResult => {
    const p = levels[level];
    const out = target ?? createDenseResult(level);
    p.run(input.values, input.status, input.offset ?? 0, normalizeContext(input.context), out, false);
    out.total = out.totalExact === null ? null : roundScore(out.totalExact, rounding);
    return out;
  };

  const compute = ({ level, entries, context }: ComputeRaporInput): Rapor => {
    const p = levels[level];
    if (!p) throw new ScoringInputError('LEVEL', `Tingkat wilayah "${String(level)}" tidak dikenal.`);
    const values = p.scratchValues;
    const status = p.scratchStatus;
    status.fill(0);
    p.wholeYearTb.fill(0);
    // Entries usually come grouped by indikator (its months one after another): look a code up once.
    let lastCode: string | undefined;
    let lastK: number | undefined;
    for (const e of entries) {
      let k = lastK;
      if (e.indikatorCode !== lastCode) {
        lastCode = e.indikatorCode;
        k = lastK = p.codeIndex.get(lastCode);
      }
      if (k === undefined) continue; // not in this framework, or not for this level
      const ind = p.ind[k]!;
      const month = e.month ?? 0;
      if (!Number.isInteger(month) || month < 0 || month > 12) {
        throw new ScoringInputError(
          'MONTH',
          `Bulan ${month} pada indikator ${e.indikatorCode} tidak valid (0–12).`,
        );
      }
      const code =
        e.status === 'tidak_berlaku'
          ? 3
          : e.status === 'verified' && typeof e.value === 'number' && Number.isFinite(e.value)
            ? 1
            : e.status === 'unverified'
              ? 2
              : 0;
      if (ind.monthly) {
        if (month === 0) {
          if (code === 3) p.wholeYearTb[k] = 1;
          continue;
        }
        values[ind.slot + month - 1] = e.value ?? 0;
        status[ind.slot + month - 1] = code;
      } else if (month === 0) {
        values[ind.slot] = e.value ?? 0;
        status[ind.slot] = code;
      }
    }
    for (let k = 0; k < p.ind.length; k++) {
      if (p.wholeYearTb[k]) status.fill(3, p.ind[k]!.slot, p.ind[k]!.slot + 12);
    }
    const ctx = normalizeContext(context);
    // Scratch result of this level: everything returned below is copied out of it.
    const out = scratchResults[level];
    p.run(values, status, 0, ctx, out, true);

    const bidang: BidangResult[] = [];
    let twsum = 0;
    for (let b = 0; b < p.bid.length; b++) {
      const bs = out.bidangScores[b]!;
      if (!Number.isNaN(bs)) twsum += p.bid[b]!.weight;
    }
    for (let b = 0; b < p.bid.length; b++) {
      const bd = p.bid[b]!;
      let wsum = 0;
      for (let k = bd.first; k < bd.end; k++) if (p.state[k] !== ST_TB) wsum += p.ind[k]!.weight;
      const indikator: IndikatorResult[] = [];
      for (let k = bd.first; k < bd.end; k++) {
        const ind = p.ind[k]!;
        const st = p.state[k];
        const exact = st === ST_TB ? null : out.indikatorScores[k]!;
        const agg = p.agg[k]!;
        indikator.push({
          code: ind.code,
          name: ind.name,
          type: ind.type,
          value: Number.isNaN(agg) ? null : agg,
          target: ind.kind === K_RATIO ? ind.target : null,
          score: exact === null ? null : roundScore(exact, rounding),
          scoreExact: exact,
          weight: ind.weight,
          effectiveWeight: st === ST_TB ? 0 : (ind.weight * 100) / wsum,
          tidakBerlaku: st === ST_TB,
          tidakDilaporkan: st === ST_MISSING || (ind.monthly && st === ST_OK && p.reported[k]! < p.due[k]!),
          monthsReported: ind.monthly ? p.reported[k]! : null,
          monthsDue: ind.monthly ? p.due[k]! : null,
        });
      }
      const bs = out.bidangScores[b]!;
      const tb = Number.isNaN(bs);
      bidang.push({
        code: bd.code,
        name: bd.name,
        weight: bd.weight,
        effectiveWeight: tb ? 0 : (bd.weight * 100) / twsum,
        score: tb ? null : roundScore(bs, rounding),
        scoreExact: tb ? null : bs,
        tidakBerlaku: tb,
        indikator,
      });
    }
    const total = out.totalExact === null ? null : roundScore(out.totalExact, rounding);
    return {
      level,
      formulaVersion: fw.settings.formulaVersion,
      rounding: { ...rounding },
      bidang,
      total,
      totalExact: out.totalExact,
      predikat: total === null ? null : predikatFor(total, bands),
    };
  };

  return { framework: fw, layout: (level) => levels[level].layout, compute, computeDense, createDenseResult };
}

export interface ComputeRaporArgs extends ComputeRaporInput {
  framework: unknown;
}

/** Convenience wrapper: validates the framework, then computes one rapor. */
export function computeRapor({ framework, level, entries, context }: ComputeRaporArgs): Rapor {
  return createScorer(framework).compute({ level, entries, context });
}
