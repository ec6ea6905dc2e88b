import type { LaporanEntry, LaporanSummary } from '@sip/contracts';
import type { EntryRow, LaporanRow, summaryColumns } from './laporan.repo';
import { waitingFor } from './laporan.state';

/** A row of the report lists: the report and the names a list shows (laporan.repo `summaryColumns`). */
export type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & {
  row: LaporanRow;
  wilayahNama: string;
  kecamatanNama: string;
  tahun: number;
};

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const entryDto = (e: EntryRow): LaporanEntry => ({
  indikatorCode: e.indikatorCode,
  value: e.value,
  tidakBerlaku: e.tidakBerlaku,
  tidakBerlakuReason: e.tidakBerlakuReason,
  note: e.note,
  decision: e.decision,
  correctedValue: e.correctedValue,
  decisionReason: e.decisionReason,
  reviewComment: e.reviewComment,
  reviewCommentBy: e.reviewCommentBy,
  version: e.version,
  updatedAt: iso(e.updatedAt),
});

export const summaryDto = (s: SummaryRow): LaporanSummary => ({
  id: s.row.id,
  periodeId: s.row.periodeId,
  tahun: s.tahun,
  wilayahKode: s.row.wilayahKode,
  wilayahNama: s.wilayahNama,
  kecamatanKode: s.row.kecamatanKode,
  kecamatanNama: s.kecamatanNama,
  level: s.row.level,
  kind: s.row.kind,
  bulan: s.row.bulan,
  status: s.row.status,
  waitingFor: waitingFor(s.row.status, s.row.endorsementRequired),
  dueAt: s.row.dueAt.toISOString(),
  submittedAt: iso(s.row.submittedAt),
  late: s.row.late,
  version: s.row.version,
});
