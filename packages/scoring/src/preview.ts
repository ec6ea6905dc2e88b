// docs/scoring.md §10: the live preview of one report while it is filled or verified — the same
// numbers on the server and in the browser.
import type { Scorer } from './compute';
import type { Rapor } from './rapor-types';
import type { Entry, Level, RaporContext } from './schema';

/** One value of the report as the form or the review holds it. */
export interface PreviewEntry {
  indikatorCode: string;
  value: number | null;
  tidakBerlaku: boolean;
  decision?: 'diterima' | 'dikoreksi' | 'ditolak' | null;
  correctedValue?: number | null;
}

export interface PreviewInput {
  /** createScorer(framework), made once by the caller. */
  scorer: Scorer;
  level: Level;
  /** The report: month 1..12 of a monthly report, or null for the annual report. */
  month: number | null;
  /**
   * True while a reviewer decides the report and once it is verified: decisions apply (corrected →
   * corrected value, rejected → unverified); false while the unit fills it: values as typed count as accepted.
   */
  decisionsApply: boolean;
  entries: readonly PreviewEntry[];
  /** The unit's other data as the engine reads it (verified entries of its other reports). */
  otherEntries: readonly Entry[];
  /** monthsDue, ikm, timeliness, kelurahanTotals — the same the server uses. */
  context: RaporContext;
}

/**
 * §10: the engine's entries for the report's own values. When decisions apply, a corrected value
 * counts as verified and a rejected one as unverified; otherwise (and for entries not decided) a
 * tidak berlaku is tidak_berlaku and a value as typed counts as verified; an empty value gives nothing.
 */
export function previewEntries({
  month,
  decisionsApply,
  entries,
}: Pick<PreviewInput, 'month' | 'decisionsApply' | 'entries'>): Entry[] {
  const out: Entry[] = [];
  for (const e of entries) {
    const indikatorCode = e.indikatorCode;
    if (decisionsApply && e.decision === 'dikoreksi') {
      out.push({ indikatorCode, month, value: e.correctedValue ?? null, status: 'verified' });
    } else if (decisionsApply && e.decision === 'ditolak') {
      out.push({ indikatorCode, month, value: e.value, status: 'unverified' });
    } else if (e.tidakBerlaku) {
      out.push({ indikatorCode, month, value: null, status: 'tidak_berlaku' });
    } else if (e.value !== null && Number.isFinite(e.value)) {
      out.push({ indikatorCode, month, value: e.value, status: 'verified' });
    }
  }
  return out;
}

/** §10: the rapor the unit would get with this report as it stands; its own entries win over the others. */
export function previewRapor(input: PreviewInput): Rapor {
  const { scorer, level, otherEntries, context } = input;
  return scorer.compute({ level, entries: [...otherEntries, ...previewEntries(input)], context });
}
