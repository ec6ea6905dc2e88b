/**
 * The laporan state machine (DESIGN.md, "Yearly cycle"), as pure functions: no I/O, no clock.
 *
 *   draf ──submit──▶ diajukan ──endorse (camat)──▶ dikaji_camat ──approve (verifikator)──▶ diverifikasi
 *                      │   └─────────────────────approve (verifikator, no endorsement)──────▲
 *                      │                                                                     │
 *   dikembalikan ◀──return (camat at diajukan, verifikator at diajukan/dikaji_camat)         │
 *   dikembalikan ──submit──▶ diajukan                                                        │
 *   dibuka_kembali ◀──reopen (admin, with reason)── diverifikasi ◀───────────────────────────┘
 *   dibuka_kembali ──submit──▶ diajukan
 *
 * - `diajukan` waits for the camat when the report needs endorsement (a kelurahan report while the
 *   periode's camatEndorsement setting is on, fixed at submission), otherwise for a verifikator.
 * - Entries change only in draf, dikembalikan and dibuka_kembali, and only while the periode is aktif.
 * - A verifikator decides each entry (accepted / corrected / rejected) while the report waits for him;
 *   approve needs a decision on every entry. diverifikasi is locked.
 */
import type { LaporanKind, LaporanLock, LaporanStatus, PeriodeConfig } from '@sip/contracts';
import { namaBulan } from '@sip/contracts';
import { endOfDay, formatTanggal, startOfDay, type TimeZone, wallClock } from '../../lib/time';

export type Transition = 'submit' | 'endorse' | 'return' | 'approve' | 'reopen';
export type WaitingFor = 'unit' | 'camat' | 'verifikator' | 'none';
export type Reviewer = 'camat' | 'verifikator';

export const editableStatuses: ReadonlySet<LaporanStatus> = new Set([
  'draf',
  'dikembalikan',
  'dibuka_kembali',
]);

export function waitingFor(status: LaporanStatus, endorsementRequired: boolean): WaitingFor {
  switch (status) {
    case 'draf':
    case 'dikembalikan':
    case 'dibuka_kembali':
      return 'unit';
    case 'diajukan':
      return endorsementRequired ? 'camat' : 'verifikator';
    case 'dikaji_camat':
      return 'verifikator';
    case 'diverifikasi':
      return 'none';
  }
}

export class TransitionError extends Error {}

const statusWords: Record<LaporanStatus, string> = {
  draf: 'masih draf',
  diajukan: 'sudah diajukan',
  dikaji_camat: 'sudah disahkan camat',
  diverifikasi: 'sudah diverifikasi',
  dikembalikan: 'sedang dikembalikan ke unit',
  dibuka_kembali: 'sedang dibuka kembali',
};

/**
 * The state after `transition`, or a TransitionError saying why it is not possible now.
 * `by` says who returns (a camat may return only what waits for him, a verifikator likewise).
 */
export function nextStatus(
  status: LaporanStatus,
  transition: Transition,
  opts: { endorsementRequired: boolean; by?: Reviewer },
): LaporanStatus {
  const waiting = waitingFor(status, opts.endorsementRequired);
  const refuse = (what: string): never => {
    throw new TransitionError(`Laporan ${statusWords[status]}, tidak dapat ${what}.`);
  };
  switch (transition) {
    case 'submit':
      return waiting === 'unit' ? 'diajukan' : refuse('diajukan lagi');
    case 'endorse':
      return waiting === 'camat' ? 'dikaji_camat' : refuse('disahkan camat');
    case 'return':
      if (opts.by === 'camat')
        return waiting === 'camat' ? 'dikembalikan' : refuse('dikembalikan oleh camat');
      return waiting === 'verifikator' ? 'dikembalikan' : refuse('dikembalikan oleh verifikator');
    case 'approve':
      return waiting === 'verifikator' ? 'diverifikasi' : refuse('disetujui');
    case 'reopen':
      return status === 'diverifikasi'
        ? 'dibuka_kembali'
        : refuse('dibuka kembali (hanya laporan terverifikasi)');
  }
}

// ------------------------------------------------------------------------------------------------
// Dates. Deadlines are the end of a day in the pemda's time zone (lib/time.ts).

/** What a periode's dates are computed from: its year, its settings and its pemda's zone. */
export interface PeriodeCalendar {
  tahun: number;
  settings: PeriodeConfig;
  zona: TimeZone;
}

/** The calendar day a monthly report is due: `monthlyDueDay` of the next month. */
const monthlyDueDay = (tahun: number, bulan: number, cfg: PeriodeConfig) =>
  [tahun, bulan + 1, cfg.monthlyDueDay] as const;

/** A monthly report is due on `monthlyDueDay` of the next month; the annual one on `annualDueDate`. */
export function dueAtFor(p: PeriodeCalendar, kind: LaporanKind, bulan: number | null): Date {
  if (kind === 'bulanan') return endOfDay(p.zona, ...monthlyDueDay(p.tahun, bulan ?? 1, p.settings));
  return entryClosesAtFor(p);
}

/** Whether the annual report of the periode is due at `now` (docs/scoring.md §4 `annualDue`). */
export function annualDueAt(p: PeriodeCalendar, now: Date): boolean {
  return now > dueAtFor(p, 'tahunan', null);
}

/**
 * How many months of the periode are due at `now` (0..12): a month is due once its due day has
 * ended in the pemda's zone. The same rule as `dueAtFor`, read on the zone's calendar (one clock
 * reading per call: it runs on every rapor request).
 */
export function monthsDueAt(p: PeriodeCalendar, now: Date): number {
  const w = wallClock(now, p.zona);
  const today = Date.UTC(w.year, w.month - 1, w.day);
  let due = 0;
  for (let bulan = 1; bulan <= 12; bulan++) {
    const [y, m, d] = monthlyDueDay(p.tahun, bulan, p.settings);
    // Date.UTC rolls a day past the month's end over as the deadline itself does (lib/time.ts).
    if (Date.UTC(y, m - 1, d) < today) due = bulan;
  }
  return due;
}

/** A monthly report opens on the 1st of its month; the annual one on 1 January of the year. */
export function opensAtFor(
  p: Pick<PeriodeCalendar, 'tahun' | 'zona'>,
  kind: LaporanKind,
  bulan: number | null,
): Date {
  return startOfDay(p.zona, p.tahun, kind === 'bulanan' ? (bulan ?? 1) : 1, 1);
}

/**
 * After this instant a report never submitted can no longer be filled in without an admin's
 * late-entry exception: the end of the reporting year (the annual due date). Before it, a report
 * past its due date may still be submitted and is flagged late.
 */
export function entryClosesAtFor(p: Pick<PeriodeCalendar, 'settings' | 'zona'>): Date {
  const [y, m, d] = p.settings.annualDueDate.split('-').map(Number) as [number, number, number];
  return endOfDay(p.zona, y, m, d);
}

export { formatTanggal };

export function laporanLabel(kind: LaporanKind, bulan: number | null, tahun: number): string {
  return kind === 'bulanan'
    ? `Laporan bulanan ${namaBulan[(bulan ?? 1) - 1]} ${tahun}`
    : `Laporan tahunan ${tahun}`;
}

export interface LockInput {
  status: LaporanStatus;
  endorsementRequired: boolean;
  periodeStatus: string;
  periode: PeriodeCalendar;
  kind: LaporanKind;
  bulan: number | null;
  now: Date;
  dueAt: Date;
  firstSubmittedAt: Date | null;
  exceptionUntil: Date | null;
  /** The person may fill this unit's reports (lurah, camat of his own kecamatan, operator). */
  mayEdit: boolean;
}

/** Why the form cannot be edited, as data (the web app words it), or null when it can. */
export function lockOf(i: LockInput): LaporanLock | null {
  const lock = (code: LaporanLock['code'], at: Date | null = null): LaporanLock => ({
    code,
    tahun: i.periode.tahun,
    at: at?.toISOString() ?? null,
  });
  if (i.periodeStatus === 'draf') return lock('periode_draf');
  if (i.periodeStatus !== 'aktif') return lock('periode_ditutup');
  if (i.status === 'diverifikasi') return lock('diverifikasi');
  const waiting = waitingFor(i.status, i.endorsementRequired);
  if (waiting === 'camat') return lock('menunggu_camat');
  if (waiting === 'verifikator') return lock('menunggu_verifikator');
  const opensAt = opensAtFor(i.periode, i.kind, i.bulan);
  if (i.now < opensAt) return lock('belum_dibuka', opensAt);
  if (!i.mayEdit) return lock('hanya_baca');
  const closesAt = entryClosesAtFor(i.periode);
  const excepted = i.exceptionUntil !== null && i.now <= i.exceptionUntil;
  if (i.status === 'draf' && i.firstSubmittedAt === null && i.now > closesAt && !excepted)
    return lock('batas_lewat', closesAt);
  return null;
}

/** A lock in Bahasa Indonesia (the API's `lockReason` and its error messages), dates in `zona`. */
export function lockMessage(l: LaporanLock, zona: TimeZone): string {
  const at = l.at ? formatTanggal(new Date(l.at), zona) : '';
  switch (l.code) {
    case 'periode_draf':
      return `Periode ${l.tahun} belum aktif.`;
    case 'periode_ditutup':
      return `Periode ${l.tahun} sudah ditutup; laporan tidak dapat diubah.`;
    case 'diverifikasi':
      return 'Laporan sudah diverifikasi dan dikunci. Hanya admin yang dapat membukanya kembali.';
    case 'menunggu_camat':
      return 'Laporan sudah diajukan dan sedang menunggu pengesahan camat.';
    case 'menunggu_verifikator':
      return 'Laporan sudah diajukan dan sedang diverifikasi.';
    case 'belum_dibuka':
      return `Laporan ini baru dapat diisi mulai ${at}.`;
    case 'hanya_baca':
      return 'Anda hanya dapat membaca laporan ini.';
    case 'batas_lewat':
      return `Batas waktu lewat: pengisian ditutup ${at}. Minta izin pengisian terlambat kepada admin.`;
  }
}

/** Why the form cannot be edited, in Bahasa Indonesia, or null when it can. */
export function lockReason(i: LockInput): string | null {
  const l = lockOf(i);
  return l && lockMessage(l, i.periode.zona);
}

/** The lock input of a stored report (the periode it belongs to, now, whether the person may fill it). */
export function lockInputOf(
  row: {
    status: LaporanStatus;
    endorsementRequired: boolean;
    kind: LaporanKind;
    bulan: number | null;
    dueAt: Date;
    firstSubmittedAt: Date | null;
    exceptionUntil: Date | null;
  },
  periode: PeriodeCalendar & { status: string },
  now: Date,
  mayEdit: boolean,
): LockInput {
  return {
    status: row.status,
    endorsementRequired: row.endorsementRequired,
    periodeStatus: periode.status,
    periode: { tahun: periode.tahun, settings: periode.settings, zona: periode.zona },
    kind: row.kind,
    bulan: row.bulan,
    now,
    dueAt: row.dueAt,
    firstSubmittedAt: row.firstSubmittedAt,
    exceptionUntil: row.exceptionUntil,
    mayEdit,
  };
}

/** A notice that does not lock the form. */
export function lateWarning(i: LockInput): string | null {
  if (!editableStatuses.has(i.status) || i.firstSubmittedAt !== null || i.now <= i.dueAt) return null;
  return `Batas waktu ${formatTanggal(i.dueAt, i.periode.zona)} sudah lewat: laporan ini akan ditandai terlambat.`;
}

// ------------------------------------------------------------------------------------------------
// Timeliness (docs/scoring.md §7): one rule for the rapor indicator, the unit's overview and the
// analytics heat map.

export type Compliance = 'tepat' | 'terlambat' | 'belum' | 'belum_jatuh_tempo';

/** A monthly report submitted by its due instant is on time; one never submitted is missing once due. */
export function complianceOf(firstSubmittedAt: Date | null | undefined, dueAt: Date, now: Date): Compliance {
  if (firstSubmittedAt) return firstSubmittedAt <= dueAt ? 'tepat' : 'terlambat';
  return now > dueAt ? 'belum' : 'belum_jatuh_tempo';
}

/** Timeliness counts (docs/scoring.md §7) and, per month 1..12, on time or not (null: not counted). */
export interface UnitTimeliness {
  onTime: number;
  total: number;
  months: (boolean | null)[];
}

/** The counts alone, as the engine's context and the API's answers carry them. */
export const countsOf = (t: UnitTimeliness | undefined) => (t ? { onTime: t.onTime, total: t.total } : null);

/**
 * Reports on time of those that count: a month counts once it is due, or earlier when it was already
 * submitted. `reports` are the unit's monthly reports of the year (absent months were never opened).
 */
export function timelinessOf(
  p: PeriodeCalendar,
  reports: ReadonlyArray<{ bulan: number | null; dueAt: Date; firstSubmittedAt: Date | null }>,
  now: Date,
): UnitTimeliness {
  const byMonth = new Map(reports.map((r) => [r.bulan, r]));
  let onTime = 0;
  let total = 0;
  const months: (boolean | null)[] = [];
  for (let m = 1; m <= 12; m++) {
    const r = byMonth.get(m);
    const c = complianceOf(r?.firstSubmittedAt, r?.dueAt ?? dueAtFor(p, 'bulanan', m), now);
    if (c === 'belum_jatuh_tempo') {
      months.push(null);
      continue;
    }
    total++;
    if (c === 'tepat') onTime++;
    months.push(c === 'tepat');
  }
  return { onTime, total, months };
}
