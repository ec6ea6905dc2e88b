// Benchmark: rapor + ranking for 90,000 units x 40 indicators x 12 months, and for 181 units
// (Kota Bandung: 30 kecamatan + 151 kelurahan). Run: pnpm bench:scoring
// The floor is a plain loop summing the same numbers with the same weights.
import { performance } from 'node:perf_hooks';
import {
  createScorer,
  defaultSettings,
  type Entry,
  type Framework,
  type Indikator,
  rank,
  type Scoring,
  SLOT_STATUS,
} from '../src/index';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N_IND = 40;
const scorings: Scoring[] = [
  { type: 'ratio', target: 50, direction: 'higher_is_better', cap: 100 },
  { type: 'percentage' },
  { type: 'ratio', target: 5, direction: 'lower_is_better', cap: 120 },
  {
    type: 'bands',
    bands: [
      { min: 0, max: 50, score: 40 },
      { min: 50, max: 80, score: 70 },
      { min: 80, max: null, score: 100 },
    ],
  },
  { type: 'boolean' },
];
const aggs = ['sum', 'average', 'last'] as const;

function benchFramework(): Framework {
  const bidang = [0, 1, 2, 3].map((b) => {
    const indikator: Indikator[] = [];
    for (let k = 0; k < N_IND / 4; k++) {
      indikator.push({
        code: `B${b + 1}.${k + 1}`,
        name: `Indikator ${b + 1}.${k + 1}`,
        definition: '',
        satuan: '',
        appliesTo: 'kelurahan',
        frequency: 'monthly',
        aggregation: aggs[(b + k) % 3]!,
        weights: { kelurahan: 10 },
        evidenceRequired: false,
        scoring: scorings[(b * 3 + k) % scorings.length]!,
      });
    }
    return {
      code: `B${b + 1}`,
      name: `Bidang ${b + 1}`,
      weight: [30, 30, 20, 20][b]!,
      order: b + 1,
      indikator,
    };
  });
  return { settings: defaultSettings(), bidang };
}

const fw = benchFramework();
const scorer = createScorer(fw);
const layout = scorer.layout('kelurahan');
const slots = layout.slotCount;
const weights = new Float64Array(N_IND);
fw.bidang.forEach((b, bi) => {
  b.indikator.forEach((ind, k) => {
    weights[bi * (N_IND / 4) + k] = ((ind.weights.kelurahan ?? 0) * b.weight) / 100;
  });
});

function generate(units: number, seed: number) {
  const rnd = mulberry32(seed);
  const values = new Float64Array(units * slots);
  const status = new Uint8Array(units * slots);
  for (let i = 0; i < values.length; i++) {
    values[i] = Math.floor(rnd() * 100);
    const r = rnd();
    status[i] = r < 0.95 ? SLOT_STATUS.verified : r < 0.98 ? SLOT_STATUS.missing : SLOT_STATUS.unverified;
  }
  return { values, status };
}

function floor(units: number, values: Float64Array, totals: Float64Array): void {
  for (let u = 0; u < units; u++) {
    const base = u * slots;
    let t = 0;
    for (let k = 0; k < N_IND; k++) {
      const o = base + k * 12;
      let s = 0;
      for (let m = 0; m < 12; m++) s += values[o + m]!;
      t += s * weights[k]!;
    }
    totals[u] = t;
  }
}

// Unit identities are input data, made once like the values: the timed loop only scores.
const unitIds = Array.from({ length: 90_000 }, (_, u) => `u${u}`);

function scoreAll(units: number, values: Float64Array, status: Uint8Array) {
  const target = scorer.createDenseResult('kelurahan');
  const items = new Array<{ id: string; total: number | null }>(units);
  const input = { values, status, offset: 0, context: { monthsDue: 12 } };
  for (let u = 0; u < units; u++) {
    input.offset = u * slots;
    scorer.computeDense('kelurahan', input, target);
    items[u] = { id: unitIds[u]!, total: target.total };
  }
  return items;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const rows: [string, string][] = [];
const ms = (x: number) => `${x.toFixed(1)} ms`;

// 90,000 units
const BIG = 90_000;
const big = generate(BIG, 2026);
const totalsFloor = new Float64Array(BIG);
// Warm up: two untimed full rounds, so that every round timed below runs optimised code.
for (let r = 0; r < 2; r++) {
  floor(BIG, big.values, totalsFloor);
  rank(scoreAll(BIG, big.values, big.status));
}
const floorRuns: number[] = [];
const scoreRuns: number[] = [];
const rankRuns: number[] = [];
const ratios: number[] = [];
const ratiosWithRank: number[] = [];
let ranked: ReturnType<typeof rank> = [];
// Rounds of floor, rapor and rank back to back; the ratio is taken within each round (the machine's
// speed drifts between rounds) and the median round is reported.
const ROUNDS = 7;
for (let r = 0; r < ROUNDS; r++) {
  const [tf] = time(() => floor(BIG, big.values, totalsFloor));
  floorRuns.push(tf);
  const [ts, items] = time(() => scoreAll(BIG, big.values, big.status));
  scoreRuns.push(ts);
  const [tr, rk] = time(() => rank(items));
  rankRuns.push(tr);
  ranked = rk;
  ratios.push(ts / tf);
  if (process.env.BENCH_VERBOSE)
    console.log(
      `round ${r + 1}: floor ${tf.toFixed(1)} ms, rapor ${ts.toFixed(1)} ms, ${(ts / tf).toFixed(2)} x`,
    );
  ratiosWithRank.push((ts + tr) / tf);
}
const tFloor = median(floorRuns);
const tScore = median(scoreRuns);
const tRank = median(rankRuns);
rows.push(['90k units x 40 ind x 12 months: floor (plain weighted sum), median', ms(tFloor)]);
rows.push(['90k: rapor totals (createScorer().computeDense)', ms(tScore)]);
rows.push(['90k: rank', ms(tRank)]);
rows.push(['90k: rapor + rank', ms(tScore + tRank)]);
rows.push([`90k: rapor / floor (median of ${ROUNDS} rounds)`, `${median(ratios).toFixed(2)} x`]);
rows.push(['90k: (rapor + rank) / floor', `${median(ratiosWithRank).toFixed(2)} x`]);
rows.push(['90k: first place', `${ranked[0]?.id} ${ranked[0]?.total}`]);

// 181 units, full rapor objects from entries (the API's path) and dense.
const SMALL = 181;
const small = generate(SMALL, 181);
const entriesPerUnit: Entry[][] = [];
for (let u = 0; u < SMALL; u++) {
  const list: Entry[] = [];
  layout.indikatorCodes.forEach((code, k) => {
    for (let m = 0; m < 12; m++) {
      const i = u * slots + layout.slotOffsets[k]! + m;
      const s = small.status[i];
      if (s === SLOT_STATUS.missing) continue;
      list.push({
        indikatorCode: code,
        month: m + 1,
        value: small.values[i]!,
        status: s === 1 ? 'verified' : 'unverified',
      });
    }
  });
  entriesPerUnit.push(list);
}
const smallDense: number[] = [];
const smallFull: number[] = [];
const cold = time(() => rank(scoreAll(SMALL, small.values, small.status)))[0];
for (let r = 0; r < 20; r++) {
  smallDense.push(time(() => rank(scoreAll(SMALL, small.values, small.status)))[0]);
  smallFull.push(
    time(() =>
      rank(
        entriesPerUnit.map((entries, u) => ({
          id: `u${u}`,
          total: scorer.compute({ level: 'kelurahan', entries }).total,
        })),
      ),
    )[0],
  );
}
rows.push(['181 units: dense rapor + rank, first run', ms(cold)]);
rows.push(['181 units: dense rapor + rank, median of 20', ms(median(smallDense))]);
rows.push(['181 units: full rapor objects from entries + rank, median of 20', ms(median(smallFull))]);

const mem = process.memoryUsage();
rows.push([
  'input arrays (values + status)',
  `${((big.values.byteLength + big.status.byteLength) / 2 ** 20).toFixed(0)} MiB`,
]);
rows.push(['peak RSS (resourceUsage().maxRSS)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`]);
rows.push(['heap used at end', `${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`]);

const w = Math.max(...rows.map((r) => r[0].length));
console.log(`scoring benchmark (node ${process.version}, one thread)`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
