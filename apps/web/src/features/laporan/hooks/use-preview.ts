import { type LaporanDetail, ownPreviewEntries } from '@sip/contracts';
import { createScorer, type Entry, type Rapor } from '@sip/scoring';
import { useMemo } from 'react';
import type { Draft } from './use-autosave';

/**
 * The live score preview, computed in the browser by @sip/scoring from the same inputs the server
 * uses (GET /api/laporan/:id/preview): this report's values as typed, counted as accepted, plus the
 * unit's verified entries of other reports.
 */
export function usePreview(detail: LaporanDetail, drafts: Record<string, Draft>): Rapor | null {
  const scorer = useMemo(() => {
    try {
      return createScorer(detail.framework);
    } catch {
      return null;
    }
  }, [detail.framework]);
  return useMemo(() => {
    if (!scorer) return null;
    const decisions = new Map(detail.entries.map((e) => [e.indikatorCode, e]));
    const own: Entry[] = ownPreviewEntries(
      detail,
      Object.entries(drafts).map(([code, d]) => ({
        indikatorCode: code,
        value: d.value,
        tidakBerlaku: d.tidakBerlaku,
        decision: decisions.get(code)?.decision ?? null,
        correctedValue: decisions.get(code)?.correctedValue ?? null,
      })),
    );
    return scorer.compute({
      level: detail.level,
      entries: [...detail.preview.otherEntries, ...own],
      context: { monthsDue: detail.preview.monthsDue, timeliness: detail.preview.timeliness },
    });
  }, [scorer, drafts, detail]);
}
