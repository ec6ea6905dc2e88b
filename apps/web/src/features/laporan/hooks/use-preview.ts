import { type LaporanDetail, previewInputOf } from '@sip/contracts';
import { createScorer, previewRapor, type Rapor } from '@sip/scoring';
import { useMemo } from 'react';
import type { Draft } from './use-autosave';

/**
 * The live score preview: previewRapor of @sip/scoring on the same input the server uses
 * (GET /api/laporan/:id/preview, previewInputOf the report's detail), with the values as typed.
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
    const entries = Object.entries(drafts).map(([code, d]) => ({
      indikatorCode: code,
      value: d.value,
      tidakBerlaku: d.tidakBerlaku,
      decision: decisions.get(code)?.decision ?? null,
      correctedValue: decisions.get(code)?.correctedValue ?? null,
    }));
    return previewRapor({ scorer, ...previewInputOf(detail, entries) });
  }, [scorer, drafts, detail]);
}
