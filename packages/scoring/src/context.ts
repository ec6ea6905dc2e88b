// docs/scoring.md §2, §6, §7: the context of a rapor, checked and turned into what the rules read.
import { ScoringInputError } from './errors';
import type { RaporContext, TimelinessCounts } from './schema';

/** The indicator types whose value comes from the context instead of entries. */
export type ComputedType = 'ikm' | 'timeliness' | 'kelurahan_average';

/** The input of a computed indicator (§3, §4): its value, or why it has none. */
export type ComputedInput = number | 'tidak_dilaporkan' | 'tidak_berlaku';

export interface ScoringContext {
  /** Monthly indicators count months fromMonth..monthsDue. */
  fromMonth: number;
  monthsDue: number;
  /** False before the annual report is due: an annual indicator without a value is belum jatuh tempo. */
  annualDue: boolean;
  computed: Readonly<Record<ComputedType, ComputedInput>>;
}

export function isComputedType(type: string): type is ComputedType {
  return type === 'ikm' || type === 'timeliness' || type === 'kelurahan_average';
}

/** §2: months 1..monthsDue count, default 12 (the whole year); refuses anything but 0..12. */
export function monthsDueOf(monthsDue: number | undefined): number {
  const m = monthsDue ?? 12;
  if (!Number.isInteger(m) || m < 0 || m > 12) {
    throw new ScoringInputError('MONTHS_DUE', `Jumlah bulan yang dinilai adalah ${m}, harus 0 sampai 12.`);
  }
  return m;
}

/** §6: the converted IKM value as printed on the SKM report; null (no respondents) is not reported. */
export function ikmInput(ikm: number | null | undefined): ComputedInput {
  return typeof ikm === 'number' && Number.isFinite(ikm) ? ikm : 'tidak_dilaporkan';
}

/** §7: on time ÷ total × 100; nothing due yet (total 0) is tidak berlaku, no counts is not reported. */
export function timelinessInput(counts: TimelinessCounts | null | undefined): ComputedInput {
  if (!counts) return 'tidak_dilaporkan';
  const { onTime, total } = counts;
  if (!(total >= 0 && onTime >= 0 && onTime <= total)) {
    throw new ScoringInputError(
      'TIMELINESS_COUNTS',
      `Jumlah laporan tepat waktu (${onTime}) tidak boleh melebihi jumlah laporan (${total}).`,
    );
  }
  return total === 0 ? 'tidak_berlaku' : (onTime / total) * 100;
}

/** §3 kelurahan_average: the mean of the kelurahan totals; an empty list is tidak berlaku, none given is not reported. */
export function kelurahanAverageInput(totals: readonly number[] | null | undefined): ComputedInput {
  if (!totals) return 'tidak_dilaporkan';
  if (totals.length === 0) return 'tidak_berlaku';
  let sum = 0;
  for (const t of totals) sum += t;
  return sum / totals.length;
}

/** §2: the first month counted, default 1; refuses a month after monthsDue. */
export function fromMonthOf(fromMonth: number | undefined, monthsDue: number): number {
  const m = fromMonth ?? 1;
  if (!Number.isInteger(m) || m < 1 || m > Math.max(monthsDue, 1)) {
    throw new ScoringInputError(
      'MONTHS_DUE',
      `Bulan pertama yang dinilai adalah ${m}, harus 1 sampai ${Math.max(monthsDue, 1)}.`,
    );
  }
  return m;
}

/** §2: checks the context (throws ScoringInputError) and gives each computed type its input. */
export function scoringContext(context: RaporContext | undefined): ScoringContext {
  const monthsDue = monthsDueOf(context?.monthsDue);
  return {
    fromMonth: fromMonthOf(context?.fromMonth, monthsDue),
    monthsDue,
    annualDue: context?.annualDue ?? true,
    computed: {
      ikm: ikmInput(context?.ikm),
      timeliness: timelinessInput(context?.timeliness),
      kelurahan_average: kelurahanAverageInput(context?.kelurahanTotals),
    },
  };
}
