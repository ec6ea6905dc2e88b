import { defaultPeriodeConfig, type LaporanStatus, laporanStatuses } from '@sip/contracts';
import { describe, expect, it } from 'vitest';
import {
  dueAtFor,
  type LockInput,
  lateWarning,
  lockOf,
  lockReason,
  monthsDueAt,
  nextStatus,
  opensAtFor,
  type PeriodeCalendar,
  type Transition,
  TransitionError,
  waitingFor,
} from './laporan.state';

const cfg = defaultPeriodeConfig(2026);
/** Kota Bandung (WIB), and the same periode in a WITA and a WIT pemda. */
const wib: PeriodeCalendar = { tahun: 2026, settings: cfg, zona: 'Asia/Jakarta' };
const wita: PeriodeCalendar = { ...wib, zona: 'Asia/Makassar' };
const wit: PeriodeCalendar = { ...wib, zona: 'Asia/Jayapura' };

describe('laporan state machine', () => {
  const table: Array<
    [LaporanStatus, Transition, boolean, 'camat' | 'verifikator' | undefined, LaporanStatus | null]
  > = [
    ['draf', 'submit', false, undefined, 'diajukan'],
    ['dikembalikan', 'submit', true, undefined, 'diajukan'],
    ['dibuka_kembali', 'submit', false, undefined, 'diajukan'],
    ['diajukan', 'submit', false, undefined, null],
    ['diverifikasi', 'submit', false, undefined, null],
    ['diajukan', 'endorse', true, undefined, 'dikaji_camat'],
    ['diajukan', 'endorse', false, undefined, null],
    ['dikaji_camat', 'endorse', true, undefined, null],
    ['diajukan', 'return', true, 'camat', 'dikembalikan'],
    ['diajukan', 'return', false, 'camat', null],
    ['dikaji_camat', 'return', true, 'camat', null],
    ['diajukan', 'return', false, 'verifikator', 'dikembalikan'],
    ['dikaji_camat', 'return', true, 'verifikator', 'dikembalikan'],
    ['diajukan', 'return', true, 'verifikator', null],
    ['draf', 'return', false, 'verifikator', null],
    ['dikaji_camat', 'approve', true, undefined, 'diverifikasi'],
    ['diajukan', 'approve', false, undefined, 'diverifikasi'],
    ['diajukan', 'approve', true, undefined, null],
    ['draf', 'approve', false, undefined, null],
    ['diverifikasi', 'approve', false, undefined, null],
    ['diverifikasi', 'reopen', false, undefined, 'dibuka_kembali'],
    ['dikaji_camat', 'reopen', true, undefined, null],
    ['draf', 'reopen', false, undefined, null],
  ];
  it.each(table)('%s --%s (endorsement %s, by %s)--> %s', (from, t, endorsementRequired, by, to) => {
    const run = () => nextStatus(from, t, { endorsementRequired, ...(by ? { by } : {}) });
    if (to === null) expect(run).toThrow(TransitionError);
    else expect(run()).toBe(to);
  });

  it('every state says who acts next', () => {
    const w = laporanStatuses.map((s) => [s, waitingFor(s, true), waitingFor(s, false)]);
    expect(w).toEqual([
      ['draf', 'unit', 'unit'],
      ['diajukan', 'camat', 'verifikator'],
      ['dikaji_camat', 'verifikator', 'verifikator'],
      ['diverifikasi', 'none', 'none'],
      ['dikembalikan', 'unit', 'unit'],
      ['dibuka_kembali', 'unit', 'unit'],
    ]);
  });
});

describe('deadlines and locks', () => {
  it("a WITA and a WIT pemda meet their deadlines at their own midnight, not Jakarta's", () => {
    // The March report is due at the end of 10 April on each pemda's own clock.
    expect(dueAtFor(wita, 'bulanan', 3).toISOString()).toBe('2026-04-10T15:59:59.999Z');
    expect(dueAtFor(wit, 'bulanan', 3).toISOString()).toBe('2026-04-10T14:59:59.999Z');
    // 10 April 23:30 WIB = 11 April 00:30 WITA = 01:30 WIT: March is due in Makassar and Jayapura only.
    const nearMidnight = new Date('2026-04-10T16:30:00Z');
    expect(monthsDueAt(wib, nearMidnight)).toBe(2);
    expect(monthsDueAt(wita, nearMidnight)).toBe(3);
    expect(monthsDueAt(wit, nearMidnight)).toBe(3);
    // Year end: the December report (due 10 January) and the annual one (due 31 January).
    expect(dueAtFor(wit, 'bulanan', 12).toISOString()).toBe('2027-01-10T14:59:59.999Z');
    expect(dueAtFor(wita, 'tahunan', null).toISOString()).toBe('2027-01-31T15:59:59.999Z');
    expect(monthsDueAt(wit, new Date('2027-01-10T15:00:00Z'))).toBe(12);
    expect(monthsDueAt(wib, new Date('2027-01-10T15:00:00Z'))).toBe(11);
  });

  it("a month opens at 00:00 of its first day in the pemda's zone", () => {
    // 31 March 16:30 UTC: 23:30 WIB, 00:30 WITA on 1 April, 01:30 WIT on 1 April.
    const at = new Date('2026-03-31T16:30:00Z');
    expect(opensAtFor(wib, 'bulanan', 4).toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(opensAtFor(wita, 'bulanan', 4).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(opensAtFor(wit, 'bulanan', 4).toISOString()).toBe('2026-03-31T15:00:00.000Z');
    const april = (periode: PeriodeCalendar): LockInput => ({
      status: 'draf',
      endorsementRequired: false,
      periodeStatus: 'aktif',
      periode,
      kind: 'bulanan',
      bulan: 4,
      now: at,
      dueAt: dueAtFor(periode, 'bulanan', 4),
      firstSubmittedAt: null,
      exceptionUntil: null,
      mayEdit: true,
    });
    expect(lockOf(april(wib))?.code).toBe('belum_dibuka');
    expect(lockOf(april(wita))).toBeNull();
    expect(lockOf(april(wit))).toBeNull();
    // The date in the message is the pemda's day.
    expect(lockReason({ ...april(wit), now: new Date('2026-03-30T00:00:00Z') })).toMatch(/1 April 2026/);
  });

  it("entry closes at the end of the annual due date in the pemda's zone", () => {
    const closed = (periode: PeriodeCalendar): LockInput => ({
      status: 'draf',
      endorsementRequired: false,
      periodeStatus: 'aktif',
      periode,
      kind: 'bulanan',
      bulan: 3,
      // 31 January 2027 23:30 WIB = 1 February 00:30 WITA.
      now: new Date('2027-01-31T16:30:00Z'),
      dueAt: dueAtFor(periode, 'bulanan', 3),
      firstSubmittedAt: null,
      exceptionUntil: null,
      mayEdit: true,
    });
    expect(lockOf(closed(wib))).toBeNull();
    expect(lockOf(closed(wita))).toEqual({
      code: 'batas_lewat',
      tahun: 2026,
      at: '2027-01-31T15:59:59.999Z',
    });
    expect(lockReason(closed(wita))).toMatch(/pengisian ditutup 31 Januari 2027/);
  });

  it('a monthly report is due at the end of the 10th of the next month, WIB', () => {
    expect(dueAtFor(wib, 'bulanan', 3).toISOString()).toBe('2026-04-10T16:59:59.999Z');
    expect(dueAtFor(wib, 'bulanan', 12).toISOString()).toBe('2027-01-10T16:59:59.999Z');
    expect(dueAtFor(wib, 'tahunan', null).toISOString()).toBe('2027-01-31T16:59:59.999Z');
  });

  it('months due by an instant follow the monthly deadlines, for any due day and any hour', () => {
    for (const monthlyDueDay of [1, 10, 28, 31]) {
      for (const zona of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const) {
        const c: PeriodeCalendar = { tahun: 2026, settings: { ...cfg, monthlyDueDay }, zona };
        for (let t = Date.UTC(2025, 11, 20); t < Date.UTC(2027, 1, 5); t += 7 * 3_600_000 + 13 * 60_000) {
          const now = new Date(t);
          const expected = [...Array(12).keys()].filter((i) => dueAtFor(c, 'bulanan', i + 1) < now).length;
          expect(monthsDueAt(c, now), `${now.toISOString()} day ${monthlyDueDay} ${zona}`).toBe(expected);
        }
      }
    }
  });

  const base: LockInput = {
    status: 'draf',
    endorsementRequired: false,
    periodeStatus: 'aktif',
    periode: wib,
    kind: 'bulanan',
    bulan: 3,
    now: new Date('2026-04-05T03:00:00Z'),
    dueAt: dueAtFor(wib, 'bulanan', 3),
    firstSubmittedAt: null,
    exceptionUntil: null,
    mayEdit: true,
  };

  it('says why a form cannot be edited', () => {
    expect(lockReason(base)).toBeNull();
    expect(lockReason({ ...base, periodeStatus: 'ditutup' })).toMatch(/sudah ditutup/);
    expect(lockReason({ ...base, status: 'diverifikasi' })).toMatch(/sudah diverifikasi/);
    expect(lockReason({ ...base, status: 'diajukan', endorsementRequired: true })).toMatch(
      /pengesahan camat/,
    );
    expect(lockReason({ ...base, status: 'dikaji_camat' })).toMatch(/diverifikasi/);
    expect(lockReason({ ...base, now: new Date('2026-02-20T00:00:00Z') })).toMatch(
      /baru dapat diisi mulai 1 Maret 2026/,
    );
    expect(lockReason({ ...base, mayEdit: false })).toMatch(/hanya dapat membaca/);
  });

  it('gives the same lock as data for the web app to word (code, year, date)', () => {
    expect(lockOf(base)).toBeNull();
    expect(lockOf({ ...base, status: 'diajukan', endorsementRequired: true })).toEqual({
      code: 'menunggu_camat',
      tahun: 2026,
      at: null,
    });
    expect(lockOf({ ...base, now: new Date('2026-02-20T00:00:00Z') })).toEqual({
      code: 'belum_dibuka',
      tahun: 2026,
      at: '2026-02-28T17:00:00.000Z',
    });
  });

  it('after its due date a report is flagged late; after the year closes it needs an exception', () => {
    const late = { ...base, now: new Date('2026-04-11T00:00:00Z') };
    expect(lockReason(late)).toBeNull();
    expect(lateWarning(late)).toMatch(/ditandai terlambat/);
    const closed = { ...base, now: new Date('2027-02-01T00:00:00Z') };
    expect(lockReason(closed)).toMatch(/Batas waktu lewat/);
    expect(lockReason({ ...closed, exceptionUntil: new Date('2027-02-05T00:00:00Z') })).toBeNull();
    expect(lockReason({ ...closed, exceptionUntil: new Date('2027-01-31T00:00:00Z') })).toMatch(
      /Batas waktu lewat/,
    );
    // A report returned for revision stays editable after the close.
    expect(
      lockReason({ ...closed, status: 'dikembalikan', firstSubmittedAt: new Date('2026-04-09') }),
    ).toBeNull();
  });
});
