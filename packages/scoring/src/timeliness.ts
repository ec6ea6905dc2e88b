import { ScoringInputError } from './errors';

export interface TimelinessReport {
  month: number;
  /** ISO 8601 instant with offset (e.g. 2026-02-10T16:59:00+07:00); null/absent = not submitted. */
  submittedAt?: string | null;
  dueAt: string;
}

export type TimelinessInput = { reports: readonly TimelinessReport[] } | { onTime: number; total: number };

export interface TimelinessResult {
  onTime: number;
  total: number;
  /** onTime / total x 100 (full precision); null when no report was due (total 0). */
  score: number | null;
  /** Months submitted after their due instant. */
  lateMonths: number[];
  /** Months not submitted. */
  missingMonths: number[];
}

function instant(iso: string, what: string): number {
  // An instant needs a time and an offset; a bare date would silently mean midnight UTC.
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso);
  const t = ok ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) {
    throw new ScoringInputError(
      'INSTANT',
      `${what} "${iso}" bukan waktu ISO 8601 lengkap dengan zona waktu (contoh 2026-02-10T23:59:59+07:00).`,
    );
  }
  return t;
}

/**
 * Share of reports submitted by their due instant, as a score 0..100. No clock is read: the caller
 * passes every timestamp. A report submitted exactly at the due instant is on time.
 */
export function computeTimeliness(input: TimelinessInput): TimelinessResult {
  if ('reports' in input) {
    let onTime = 0;
    const lateMonths: number[] = [];
    const missingMonths: number[] = [];
    for (const r of input.reports) {
      const due = instant(r.dueAt, `Batas waktu laporan bulan ${r.month}`);
      if (r.submittedAt === null || r.submittedAt === undefined) missingMonths.push(r.month);
      else if (instant(r.submittedAt, `Waktu pengajuan laporan bulan ${r.month}`) <= due) onTime++;
      else lateMonths.push(r.month);
    }
    const total = input.reports.length;
    return { onTime, total, score: total === 0 ? null : (onTime / total) * 100, lateMonths, missingMonths };
  }
  const { onTime, total } = input;
  if (!Number.isInteger(onTime) || !Number.isInteger(total) || onTime < 0 || onTime > total) {
    throw new ScoringInputError(
      'TIMELINESS_COUNTS',
      `Jumlah laporan tepat waktu (${onTime}) harus bilangan bulat 0 sampai jumlah laporan (${total}).`,
    );
  }
  return {
    onTime,
    total,
    score: total === 0 ? null : (onTime / total) * 100,
    lateMonths: [],
    missingMonths: [],
  };
}
