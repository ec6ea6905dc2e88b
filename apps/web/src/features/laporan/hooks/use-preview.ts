import type { LaporanDetail } from '@sip/contracts';
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
    const month = detail.kind === 'bulanan' ? detail.bulan : null;
    const own: Entry[] = [];
    for (const [code, d] of Object.entries(drafts)) {
      if (d.tidakBerlaku) own.push({ indikatorCode: code, month, value: null, status: 'tidak_berlaku' });
      else if (d.value !== null && Number.isFinite(d.value))
        own.push({ indikatorCode: code, month, value: d.value, status: 'verified' });
    }
    return scorer.compute({
      level: detail.level,
      entries: [...detail.preview.otherEntries, ...own],
      context: { monthsDue: detail.preview.monthsDue, timeliness: detail.preview.timeliness },
    });
  }, [scorer, drafts, detail.kind, detail.bulan, detail.level, detail.preview]);
}
