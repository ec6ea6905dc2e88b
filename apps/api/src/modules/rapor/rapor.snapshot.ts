import type { PublicationSummary, RankingRow, TopTenRow } from '@sip/contracts';
import { frameworkSchema } from '@sip/scoring';
import type { PeriodeHead } from '../periode/periode.service';
import {
  deriveView,
  type PeriodeView,
  type UnitInfo,
  type UnitInputs,
  type UnitResult,
} from './rapor.compute';
import type { PublikasiRow } from './rapor.repo';

/** How many camat and lurah the award lists name (DESIGN.md: the top ten). */
export const TOP = 10;

/** What a publication stores besides its inputs: every unit's rapor, the rankings and the award lists. */
export interface SnapshotResults {
  monthsDue: number;
  computedAt: string;
  units: Record<string, { unit: UnitInfo; rapor: UnitResult['rapor']; trend: (number | null)[] }>;
  kecamatan: RankingRow[];
  kelurahan: RankingRow[];
  /** With the camat / lurah on record at publication (snapshots older than that field: none). */
  topCamat: (RankingRow & { pejabat?: string | null })[];
  topLurah: (RankingRow & { pejabat?: string | null })[];
  /**
   * The camat or lurah on record per unit at publication, for every unit (the public lists name
   * them as published). Absent in snapshots published before it was stored.
   */
  pejabat?: Record<string, string>;
  /**
   * Counted SKM responses (status diterima) of the pemda's year when the revision was computed:
   * what its IKM inputs rest on. Absent in snapshots published before the count was stored.
   */
  skmResponses?: number;
}

export const topOf = (rows: RankingRow[]) => rows.filter((r) => r.rank !== null && r.rank <= TOP);

/** The award list rows of a ranking, naming the official of each unit (null: none on record). */
export const withPejabat = (rows: RankingRow[], officials: Map<string, string>): TopTenRow[] =>
  rows.map((r) => ({ ...r, pejabat: officials.get(r.kode) ?? null }));

/** A published list keeps the names it was published with. */
export const publishedTop = (rows: SnapshotResults['topCamat']): TopTenRow[] =>
  rows.map((r) => ({ ...r, pejabat: r.pejabat ?? null }));

/**
 * The revisions as listed to the admin and the public: each with its SKM count and how much that
 * count changed since the previous revision (issue 15: a revision shows the responses it added).
 */
export function publicationSummaries(
  rows: (Omit<PublicationSummary, 'publishedAt' | 'skmAdded'> & { publishedAt: Date })[],
): PublicationSummary[] {
  return rows.map((r, i) => {
    const prev = i > 0 ? rows[i - 1] : undefined;
    const skmAdded =
      prev && prev.skmResponses !== null && r.skmResponses !== null
        ? r.skmResponses - prev.skmResponses
        : null;
    return { ...r, publishedAt: r.publishedAt.toISOString(), skmAdded };
  });
}

/** The stored form of a running view: its inputs (to recompute it later) and its results. */
export function toSnapshot(view: PeriodeView, officials: Map<string, string>, skmResponses: number) {
  const units: SnapshotResults['units'] = {};
  const inputs: Record<string, UnitInputs> = {};
  for (const [kode, u] of view.units) {
    units[kode] = { unit: u.unit, rapor: u.rapor, trend: u.trend };
    inputs[kode] = u.inputs;
  }
  const results: SnapshotResults = {
    monthsDue: view.monthsDue,
    computedAt: view.computedAt,
    units,
    kecamatan: view.kecamatan,
    kelurahan: view.kelurahan,
    topCamat: withPejabat(topOf(view.kecamatan), officials),
    topLurah: withPejabat(topOf(view.kelurahan), officials),
    pejabat: Object.fromEntries(officials),
    skmResponses,
  };
  return { inputs, results };
}

/** The view of a published snapshot, read back exactly as it was published. */
export function fromSnapshot(p: PeriodeHead, row: PublikasiRow, pemdaNama: string): PeriodeView {
  const results = row.results as SnapshotResults;
  const inputs = row.inputs as Record<string, UnitInputs>;
  const units = new Map<string, UnitResult>();
  for (const [kode, u] of Object.entries(results.units)) {
    units.set(kode, { unit: u.unit, rapor: u.rapor, trend: u.trend, inputs: inputs[kode] as UnitInputs });
  }

  return deriveView({
    periodeId: p.id,
    tahun: p.tahun,
    pemdaNama,
    periodeStatus: p.status,
    source: 'publikasi',
    revision: row.revision,
    // As published: a snapshot keeps the framework it was computed with.
    framework: frameworkSchema.parse(row.framework),
    monthsDue: results.monthsDue,
    units,
    computedAt: results.computedAt,
  });
}
