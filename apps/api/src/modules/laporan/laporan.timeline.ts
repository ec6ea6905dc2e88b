import type { TimelineItem } from '@sip/contracts';
import type { AuditRepo } from '../audit/audit.repo';
import { formatTanggal } from './laporan.state';

type HistoryRow = Awaited<ReturnType<AuditRepo['history']>>[number];

const fmt = (v: unknown) =>
  typeof v === 'number'
    ? v.toLocaleString('id-ID', { maximumFractionDigits: 4 })
    : v === null || v === undefined
      ? '—'
      : String(v);

type Value = { value: number | null; tidakBerlaku: boolean } | null;
const showValue = (x: Value) => (x === null ? '—' : x.tidakBerlaku ? 'tidak berlaku' : fmt(x.value));

/** One line a person can read for each audit action of a report (its timeline). */
export function summarize(action: string, before: unknown, afterV: unknown): string {
  const a = (afterV ?? {}) as Record<string, unknown>;
  const b = (before ?? {}) as Record<string, unknown>;
  switch (action) {
    case 'laporan.created':
      return 'Membuat laporan';
    case 'laporan.entries_saved': {
      const parts = Object.entries(a).map(
        ([code, v]) => `${code}: ${showValue((b[code] as Value) ?? null)} → ${showValue(v as Value)}`,
      );
      return `Mengubah isian (${parts.join(', ')})`;
    }
    case 'laporan.submitted':
      return a.late ? 'Mengajukan laporan (terlambat)' : 'Mengajukan laporan';
    case 'laporan.endorsed':
      return 'Mengesahkan laporan (camat)';
    case 'laporan.returned':
      return a.by === 'camat' ? 'Mengembalikan laporan (camat)' : 'Mengembalikan laporan (verifikator)';
    case 'laporan.entry_decided': {
      const code = String(a.indikatorCode ?? '');
      // Rows written before the decisions were named in Indonesian say accepted / corrected.
      if (a.decision === 'diterima' || a.decision === 'accepted')
        return a.bulk ? `Menerima isian ${code} (terima semua)` : `Menerima isian ${code}`;
      if (a.decision === 'dikoreksi' || a.decision === 'corrected')
        return `Mengoreksi ${code}: ${fmt(b.value)} → ${fmt(a.correctedValue)}`;
      return `Menolak isian ${code}`;
    }
    case 'laporan.commented':
      return `Berkomentar pada ${String(a.indikatorCode ?? '')}: ${String(a.isi ?? '')}`;
    case 'laporan.approved':
      return 'Menyetujui laporan; laporan dikunci';
    case 'laporan.reopened':
      return 'Membuka kembali laporan (admin)';
    case 'laporan.exception_granted':
      return `Memberi izin pengisian terlambat sampai ${a.until ? formatTanggal(new Date(String(a.until))) : '—'}`;
    case 'evidence.uploaded':
      return `Mengunggah bukti dukung ${String(a.indikatorCode ?? '')}: ${String(a.originalName ?? '')}`;
    case 'evidence.deleted':
      return `Menghapus bukti dukung ${String(b.indikatorCode ?? '')}: ${String(b.originalName ?? '')}`;
    default:
      return action;
  }
}

export const timelineItem = ({ row, actorNama }: HistoryRow): TimelineItem => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actorUsername: row.actorUsername,
  actorNama,
  action: row.action,
  summary: summarize(row.action, row.before, row.after),
  reason: row.reason,
  before: row.before,
  after: row.after,
});
