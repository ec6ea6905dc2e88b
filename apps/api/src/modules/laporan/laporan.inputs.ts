import type { Entry } from '@sip/scoring';
import type { Clock } from '../../lib/clock';
import type { LaporanRepo } from './laporan.repo';
import {
  type Compliance,
  complianceOf,
  dueAtFor,
  type PeriodeCalendar,
  timelinessOf,
  type UnitTimeliness,
} from './laporan.state';

type UnitEntryRow = Awaited<ReturnType<LaporanRepo['unitEntries']>>[number];
interface PeriodeRef extends PeriodeCalendar {
  id: string;
}

/**
 * A unit's entries as the scoring engine reads them: verified values count (a correction as
 * corrected); rejected entries and reports not yet approved count as unverified.
 */
export function toScoringEntries(rows: readonly UnitEntryRow[], exceptLaporanId?: string): Entry[] {
  const out: Entry[] = [];
  for (const r of rows) {
    if (r.laporanId === exceptLaporanId) continue;
    const e = r.entry;
    const month = r.kind === 'bulanan' ? r.bulan : null;
    if (r.status !== 'diverifikasi' || e.decision === null || e.decision === 'ditolak') {
      out.push({ indikatorCode: e.indikatorCode, month, value: e.value, status: 'unverified' });
    } else if (e.decision === 'dikoreksi') {
      out.push({ indikatorCode: e.indikatorCode, month, value: e.correctedValue, status: 'verified' });
    } else if (e.tidakBerlaku) {
      out.push({ indikatorCode: e.indikatorCode, month, value: null, status: 'tidak_berlaku' });
    } else {
      out.push({ indikatorCode: e.indikatorCode, month, value: e.value, status: 'verified' });
    }
  }
  return out;
}

const groupBy = <T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
};

/** What the reports of a periode contribute to rapor: verified entries, timeliness, corrections. */
export function createLaporanInputs({ repo, clock }: { repo: LaporanRepo; clock: Clock }) {
  return {
    /** Per unit, its entries of the periode for the scoring engine (one query for all units). */
    async scoringEntries(periodeId: string, kodes: readonly string[]): Promise<Map<string, Entry[]>> {
      const byUnit = groupBy(await repo.unitEntries(periodeId, kodes), (r) => r.wilayahKode);
      return new Map(kodes.map((k) => [k, toScoringEntries(byUnit.get(k) ?? [])]));
    },

    /**
     * Per unit, its monthly reports on time of those due at `asOf` (docs/scoring.md §7): the rapor
     * passes the same instant it counts the months due by, so both follow one rule.
     */
    async timeliness(
      p: PeriodeRef,
      kodes: readonly string[],
      asOf: Date = clock.now(),
    ): Promise<Map<string, UnitTimeliness>> {
      const byUnit = groupBy(await repo.monthlyReports(p.id, kodes), (r) => r.kode);
      return new Map(kodes.map((k) => [k, timelinessOf(p, byUnit.get(k) ?? [], asOf)]));
    },

    /** Reports still waiting for a review, and annual reports verified (the publication checklist). */
    openWork: (periodeId: string) => repo.openWork(periodeId),

    /** Per unit, the indicators whose verified value is a verifikator's correction. */
    async corrected(periodeId: string): Promise<Map<string, string[]>> {
      const byUnit = groupBy(await repo.correctedCodes(periodeId), (r) => r.kode);
      return new Map([...byUnit].map(([k, rows]) => [k, rows.map((r) => r.code)]));
    },

    /** Per unit, where each month's report stands (tepat, terlambat, belum, belum jatuh tempo). */
    async compliance(p: PeriodeRef, kodes: readonly string[]): Promise<Map<string, Compliance[]>> {
      const byUnit = groupBy(await repo.monthlyReports(p.id, kodes), (r) => r.kode);
      const now = clock.now();
      const months = (kode: string) => {
        const byMonth = new Map((byUnit.get(kode) ?? []).map((r) => [r.bulan, r]));
        return Array.from({ length: 12 }, (_, i) => {
          const r = byMonth.get(i + 1);
          const due = r?.dueAt ?? dueAtFor(p, 'bulanan', i + 1);
          return complianceOf(r?.firstSubmittedAt, due, now);
        });
      };
      return new Map(kodes.map((k) => [k, months(k)]));
    },
  };
}
export type LaporanInputs = ReturnType<typeof createLaporanInputs>;
