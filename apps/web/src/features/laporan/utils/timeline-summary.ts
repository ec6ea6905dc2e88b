import type { TimelineItem } from '@sip/contracts';
import type { TFunction } from 'i18next';
import { formatDueDate, formatValue, NO_VALUE } from '@/lib/format';

type Value = { value: number | null; tidakBerlaku: boolean } | null;
type Fields = Record<string, unknown>;

/**
 * One line a person can read for a report's audit row, in the UI language and its number format
 * ("Mengoreksi B1.2: 80 → 75"). An action this version does not know is shown by its name.
 */
export function timelineSummary(
  t: TFunction,
  item: Pick<TimelineItem, 'action' | 'before' | 'after'>,
): string {
  const a = (item.after ?? {}) as Fields;
  const b = (item.before ?? {}) as Fields;
  const num = (v: unknown) =>
    typeof v === 'number' ? formatValue(v, 4) : v === null || v === undefined ? NO_VALUE : String(v);
  const value = (x: Value) =>
    x === null ? NO_VALUE : x.tidakBerlaku ? t('laporan.timeline.notApplicable') : num(x.value);
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const k = 'laporan.timeline.action';
  switch (item.action) {
    case 'laporan.created':
      return t(`${k}.created`);
    case 'laporan.entries_saved':
      return t(`${k}.entriesSaved`, {
        changes: Object.entries(a)
          .map(([code, v]) => `${code}: ${value((b[code] as Value) ?? null)} → ${value(v as Value)}`)
          .join(', '),
      });
    case 'laporan.submitted':
      return t(a.late ? `${k}.submittedLate` : `${k}.submitted`);
    case 'laporan.endorsed':
      return t(`${k}.endorsed`);
    case 'laporan.returned':
      return t(a.by === 'camat' ? `${k}.returnedCamat` : `${k}.returnedVerifikator`);
    case 'laporan.entry_decided': {
      const code = text(a.indikatorCode);
      // Rows written before the decisions were named in Indonesian say accepted / corrected.
      if (a.decision === 'diterima' || a.decision === 'accepted')
        return t(a.bulk ? `${k}.acceptedBulk` : `${k}.accepted`, { code });
      if (a.decision === 'dikoreksi' || a.decision === 'corrected')
        return t(`${k}.corrected`, { code, from: num(b.value), to: num(a.correctedValue) });
      return t(`${k}.rejected`, { code });
    }
    case 'laporan.commented':
      return t(`${k}.commented`, { code: text(a.indikatorCode), text: text(a.isi) });
    case 'laporan.approved':
      return t(`${k}.approved`);
    case 'laporan.reopened':
      return t(`${k}.reopened`);
    case 'laporan.exception_granted':
      return t(`${k}.exceptionGranted`, { until: a.until ? formatDueDate(String(a.until)) : NO_VALUE });
    case 'evidence.uploaded':
      return t(`${k}.evidenceUploaded`, { code: text(a.indikatorCode), name: text(a.originalName) });
    case 'evidence.deleted':
      return t(`${k}.evidenceDeleted`, { code: text(b.indikatorCode), name: text(b.originalName) });
    default:
      return item.action;
  }
}
