import type { IndikatorStatus, RankingRow, RaporDetail } from '@sip/contracts';
import {
  type Entry,
  type Framework,
  type Level,
  type Rapor,
  type RaporContext,
  rank,
  roundScore,
  type Scorer,
  type TimelinessCounts,
} from '@sip/scoring';

/** Pure: from scoring inputs to rapor, rankings and averages. No I/O, so a snapshot rebuilds the same view. */

export interface UnitInfo {
  kode: string;
  nama: string;
  level: Level;
  kecamatanKode: string;
  kecamatanNama: string;
}

export interface UnitInputs {
  entries: Entry[];
  ikm: number | null;
  /** The SKM responses the IKM counts (absent in snapshots published before it was kept). */
  ikmRespondents?: number;
  /** With `months` (on time per month) for the monthly trend; snapshots published before it lack it. */
  timeliness: (TimelinessCounts & { months?: (boolean | null)[] }) | null;
  /** Indicator codes whose verified value is a verifikator's correction. */
  corrected: string[];
  monthsDue: number;
  /** Whether the annual report is due (docs/scoring.md §4); absent in older snapshots: due. */
  annualDue?: boolean;
  /** Kecamatan only: the rounded totals of its kelurahan. */
  kelurahanTotals?: number[];
}

export interface UnitResult {
  unit: UnitInfo;
  inputs: UnitInputs;
  rapor: Rapor;
  /** Each month's own score, month 1..monthsDue (docs/scoring.md §4, a month's own score). */
  trend: (number | null)[];
}

export interface LevelAverages {
  total: number | null;
  bidang: Record<string, number | null>;
  indikator: Record<string, number | null>;
  trend: (number | null)[];
}

export interface PeriodeView {
  periodeId: string;
  tahun: number;
  /** The pemda's name (letterhead of a printed rapor). */
  pemdaNama: string;
  periodeStatus: string;
  source: 'berjalan' | 'publikasi';
  revision: number | null;
  formulaVersion: string;
  monthsDue: number;
  bidang: { code: string; name: string; weight: number }[];
  satuan: Record<string, string>;
  units: Map<string, UnitResult>;
  rows: Map<string, RankingRow>;
  kecamatan: RankingRow[];
  kelurahan: RankingRow[];
  /** Kelurahan count per kecamatan (rankInKecamatanOf). */
  kelurahanPerKecamatan: Map<string, number>;
  averages: Record<Level, LevelAverages>;
  computedAt: string;
}

/** On time or not in month m alone (§7 for one month); unknown without the per-month record. */
function timelinessOfMonth(t: UnitInputs['timeliness'], m: number): TimelinessCounts | null {
  const onTime = t?.months?.[m - 1];
  if (onTime === undefined) return null;
  return onTime === null ? { onTime: 0, total: 0 } : { onTime: onTime ? 1 : 0, total: 1 };
}

/**
 * One unit's rapor and its monthly trend — each month's own score (docs/scoring.md §4): the month's
 * entries alone, annual indicators left out, that month's timeliness, and for a kecamatan the mean of
 * its kelurahan's own scores of that month. Kelurahan must be computed first for a kecamatan.
 */
export function computeUnit(
  scorer: Scorer,
  unit: UnitInfo,
  inputs: UnitInputs,
  kelurahanTrends?: (number | null)[][],
): UnitResult {
  const context: RaporContext = {
    monthsDue: inputs.monthsDue,
    annualDue: inputs.annualDue ?? true,
    ikm: inputs.ikm,
    timeliness: inputs.timeliness,
    ...(unit.level === 'kecamatan' ? { kelurahanTotals: inputs.kelurahanTotals ?? [] } : {}),
  };
  const rapor = scorer.compute({ level: unit.level, entries: inputs.entries, context });
  const trend: (number | null)[] = [];
  for (let m = 1; m <= inputs.monthsDue; m++) {
    // Month m's own entries, and a tidak berlaku for the whole year (month null) of a monthly indicator.
    const entries = inputs.entries.filter(
      (e) => e.month === m || ((e.month === null || e.month === 0) && e.status === 'tidak_berlaku'),
    );
    const kelTotals =
      unit.level === 'kecamatan'
        ? (kelurahanTrends ?? []).map((t) => t[m - 1]).filter((x): x is number => typeof x === 'number')
        : undefined;
    const r = scorer.compute({
      level: unit.level,
      entries,
      context: {
        ...context,
        monthsDue: m,
        fromMonth: m,
        annualDue: false,
        timeliness: timelinessOfMonth(inputs.timeliness, m),
        ...(kelTotals ? { kelurahanTotals: kelTotals } : {}),
      },
    });
    trend.push(r.total);
  }
  return { unit, inputs, rapor, trend };
}

const mean = (xs: (number | null | undefined)[], rule: Framework['settings']['rounding']): number | null => {
  const vals = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (vals.length === 0) return null;
  return roundScore(vals.reduce((a, b) => a + b, 0) / vals.length, rule);
};

export function indikatorStatus(
  ind: {
    tidakBerlaku: boolean;
    tidakDilaporkan: boolean;
    /** Absent from rapor published before the field existed. */
    belumJatuhTempo?: boolean;
    monthsReported: number | null;
    code: string;
  },
  corrected: ReadonlySet<string>,
): IndikatorStatus {
  if (ind.tidakBerlaku) return 'tidak_berlaku';
  if (ind.belumJatuhTempo) return 'belum_jatuh_tempo';
  if (ind.tidakDilaporkan) return (ind.monthsReported ?? 0) > 0 ? 'sebagian' : 'tidak_dilaporkan';
  return corrected.has(ind.code) ? 'dikoreksi' : 'terverifikasi';
}

/** Rankings (shared ranks via the engine's `rank`), averages and rows from every unit's result. */
export function deriveView(args: {
  periodeId: string;
  tahun: number;
  pemdaNama: string;
  periodeStatus: string;
  source: 'berjalan' | 'publikasi';
  revision: number | null;
  framework: Framework;
  monthsDue: number;
  units: Map<string, UnitResult>;
  computedAt: string;
}): PeriodeView {
  const { framework, units } = args;
  const rule = framework.settings.rounding;
  const bidang = [...framework.bidang]
    .sort((a, b) => a.order - b.order)
    .map((b) => ({ code: b.code, name: b.name, weight: b.weight }));
  const satuan: Record<string, string> = {};
  for (const b of framework.bidang) for (const i of b.indikator) satuan[i.code] = i.satuan;

  const all = [...units.values()];
  const byLevel = (level: Level) => all.filter((u) => u.unit.level === level);
  const kec = byLevel('kecamatan');
  const kel = byLevel('kelurahan');

  const rankKec = new Map(
    rank(
      kec.map((u) => ({ id: u.unit.kode, total: u.rapor.total })),
      rule,
    ).map((r) => [r.id, r]),
  );
  const rankKel = new Map(
    rank(
      kel.map((u) => ({ id: u.unit.kode, total: u.rapor.total })),
      rule,
    ).map((r) => [r.id, r]),
  );
  const kelByKec = new Map<string, UnitResult[]>();
  for (const u of kel) {
    const list = kelByKec.get(u.unit.kecamatanKode) ?? [];
    list.push(u);
    kelByKec.set(u.unit.kecamatanKode, list);
  }
  const rankWithin = new Map<string, number | null>();
  const kelurahanPerKecamatan = new Map<string, number>();
  for (const [kk, list] of kelByKec) {
    kelurahanPerKecamatan.set(kk, list.length);
    for (const r of rank(
      list.map((u) => ({ id: u.unit.kode, total: u.rapor.total })),
      rule,
    ))
      rankWithin.set(r.id, r.rank);
  }

  const rows = new Map<string, RankingRow>();
  const toRow = (u: UnitResult): RankingRow => ({
    kode: u.unit.kode,
    nama: u.unit.nama,
    level: u.unit.level,
    kecamatanKode: u.unit.kecamatanKode,
    kecamatanNama: u.unit.kecamatanNama,
    total: u.rapor.total,
    predikat: u.rapor.predikat,
    rank: (u.unit.level === 'kecamatan' ? rankKec : rankKel).get(u.unit.kode)?.rank ?? null,
    rankInKecamatan: u.unit.level === 'kelurahan' ? (rankWithin.get(u.unit.kode) ?? null) : null,
    bidang: Object.fromEntries(u.rapor.bidang.map((b) => [b.code, b.score])),
  });
  for (const u of all) rows.set(u.unit.kode, toRow(u));
  const sorted = (level: Level, order: Map<string, unknown>) =>
    [...order.keys()].map((k) => rows.get(k)).filter((r): r is RankingRow => r?.level === level);

  const averagesOf = (list: UnitResult[]): LevelAverages => {
    const indikator: Record<string, number | null> = {};
    const codes = new Set(list.flatMap((u) => u.rapor.bidang.flatMap((b) => b.indikator.map((i) => i.code))));
    for (const code of codes) {
      indikator[code] = mean(
        list.map((u) => u.rapor.bidang.flatMap((b) => b.indikator).find((i) => i.code === code)?.scoreExact),
        rule,
      );
    }
    return {
      total: mean(
        list.map((u) => u.rapor.total),
        rule,
      ),
      bidang: Object.fromEntries(
        bidang.map((b) => [
          b.code,
          mean(
            list.map((u) => u.rapor.bidang.find((x) => x.code === b.code)?.scoreExact),
            rule,
          ),
        ]),
      ),
      indikator,
      trend: Array.from({ length: args.monthsDue }, (_, m) =>
        mean(
          list.map((u) => u.trend[m]),
          rule,
        ),
      ),
    };
  };

  return {
    periodeId: args.periodeId,
    tahun: args.tahun,
    pemdaNama: args.pemdaNama,
    periodeStatus: args.periodeStatus,
    source: args.source,
    revision: args.revision,
    formulaVersion: framework.settings.formulaVersion,
    monthsDue: args.monthsDue,
    bidang,
    satuan,
    units,
    rows,
    kecamatan: sorted('kecamatan', rankKec),
    kelurahan: sorted('kelurahan', rankKel),
    kelurahanPerKecamatan,
    averages: { kecamatan: averagesOf(kec), kelurahan: averagesOf(kel) },
    computedAt: args.computedAt,
  };
}

/** The rapor of one unit as the API returns it. */
export function raporDetail(view: PeriodeView, kode: string): RaporDetail | undefined {
  const u = view.units.get(kode);
  const row = view.rows.get(kode);
  if (!u || !row) return undefined;
  const avg = view.averages[u.unit.level];
  const corrected = new Set(u.inputs.corrected);
  return {
    tahun: view.tahun,
    pemdaNama: view.pemdaNama,
    periodeStatus: view.periodeStatus,
    source: view.source,
    revision: view.revision,
    kode,
    nama: u.unit.nama,
    level: u.unit.level,
    kecamatanKode: u.unit.kecamatanKode,
    kecamatanNama: u.unit.kecamatanNama,
    total: u.rapor.total,
    predikat: u.rapor.predikat,
    rank: row.rank,
    rankOf: u.unit.level === 'kecamatan' ? view.kecamatan.length : view.kelurahan.length,
    rankInKecamatan: row.rankInKecamatan,
    rankInKecamatanOf:
      u.unit.level === 'kelurahan' ? (view.kelurahanPerKecamatan.get(u.unit.kecamatanKode) ?? null) : null,
    pemdaAverage: avg.total,
    formulaVersion: u.rapor.formulaVersion,
    monthsDue: u.inputs.monthsDue,
    bidang: u.rapor.bidang.map((b) => ({
      code: b.code,
      name: b.name,
      weight: b.weight,
      score: b.score,
      tidakBerlaku: b.tidakBerlaku,
      pemdaAverage: avg.bidang[b.code] ?? null,
      indikator: b.indikator.map((i) => ({
        code: i.code,
        name: i.name,
        type: i.type,
        satuan: view.satuan[i.code] ?? '',
        value: i.value,
        target: i.target,
        score: i.score,
        weight: i.weight,
        effectiveWeight: i.effectiveWeight,
        status: indikatorStatus(i, corrected),
        monthsReported: i.monthsReported,
        monthsDue: i.monthsDue,
        pemdaAverage: avg.indikator[i.code] ?? null,
      })),
    })),
    trend: u.trend.map((total, m) => ({ bulan: m + 1, total, pemdaAverage: avg.trend[m] ?? null })),
    computedAt: view.computedAt,
    skm: { ikm: u.inputs.ikm, respondents: u.inputs.ikmRespondents ?? null },
  };
}
