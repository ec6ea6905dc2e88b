/**
 * Month close (DESIGN.md, Operations: "month close"), as pure functions: no I/O, no clock.
 *
 *   month m ──(its monthly report's due day ends in the pemda's zone: dueAtFor)──▶ due
 *   due ──(the next hourly round, laporan-penutupan.jobs.ts)──▶ closed (penutupan_bulan, once)
 *
 * - Closing changes no report: a form past its date is locked and a late submission is flagged by
 *   the dates themselves (lockOf, laporan.state.ts), whenever anyone looks. What the close adds is
 *   the record of the month as it stood when it ended — how many units reported on time, late, or
 *   not at all — which is what a pemda reports upward, and it sets off the work that follows a month's
 *   end: the late notices (the reminder round) and the rapor, which now counts one more month due.
 * - A month is closed once (the primary key of penutupan_bulan), whichever instance or retry gets
 *   there first; months are closed in order and never before their due date.
 */
import { dueAtFor, type PeriodeCalendar } from './laporan.state';

/** The months of the periode due at `now` and not closed yet, oldest first. */
export function monthsToClose(p: PeriodeCalendar, closed: ReadonlySet<number>, now: Date): number[] {
  const out: number[] = [];
  for (let bulan = 1; bulan <= 12; bulan++) {
    if (now <= dueAtFor(p, 'bulanan', bulan)) break;
    if (!closed.has(bulan)) out.push(bulan);
  }
  return out;
}

export interface MonthFigures {
  units: number;
  /** First submitted by the due date. */
  tepatWaktu: number;
  /** First submitted after it (before the close). */
  terlambat: number;
  /** Never submitted by the close. */
  belum: number;
}

/** The figures of one month from its reports' first submissions (units without a report count as belum). */
export function monthFigures(
  dueAt: Date,
  units: readonly string[],
  submissions: readonly { wilayahKode: string; firstSubmittedAt: Date | null }[],
): MonthFigures {
  const first = new Map(submissions.map((s) => [s.wilayahKode, s.firstSubmittedAt]));
  const f: MonthFigures = { units: units.length, tepatWaktu: 0, terlambat: 0, belum: 0 };
  for (const kode of units) {
    const at = first.get(kode) ?? null;
    if (at === null) f.belum++;
    else if (at <= dueAt) f.tepatWaktu++;
    else f.terlambat++;
  }
  return f;
}
