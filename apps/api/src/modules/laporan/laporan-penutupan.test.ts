import { defaultPeriodeConfig } from '@sip/contracts';
import { describe, expect, it } from 'vitest';
import type { PeriodeCalendar } from './laporan.state';
import { monthFigures, monthsToClose } from './laporan-penutupan';

const cfg = defaultPeriodeConfig(2026);
const wib: PeriodeCalendar = { tahun: 2026, settings: cfg, zona: 'Asia/Jakarta' };
const wita: PeriodeCalendar = { ...wib, zona: 'Asia/Makassar' };
const wit: PeriodeCalendar = { ...wib, zona: 'Asia/Jayapura' };

describe('month close', () => {
  // The March report is due at the end of 10 April in the pemda's zone: the month closes once that
  // day has ended there — a different instant in WIB, WITA and WIT.
  const table: [string, PeriodeCalendar, string, number[]][] = [
    ['before any due date', wib, '2026-02-10T16:00:00Z', []],
    ['January, the moment its due day ends in WIB', wib, '2026-02-10T17:00:00Z', [1]],
    ['WIB, 23:59 on 10 April', wib, '2026-04-10T16:59:00Z', [1, 2]],
    ['WIB, 00:00 on 11 April', wib, '2026-04-10T17:00:00Z', [1, 2, 3]],
    ['WITA, 23:59 on 10 April', wita, '2026-04-10T15:59:00Z', [1, 2]],
    ['WITA, 00:00 on 11 April (still 23:00 in WIB)', wita, '2026-04-10T16:00:00Z', [1, 2, 3]],
    ['WIT, 23:59 on 10 April', wit, '2026-04-10T14:59:00Z', [1, 2]],
    ['WIT, 00:00 on 11 April', wit, '2026-04-10T15:00:00Z', [1, 2, 3]],
    [
      'December, after 10 January of the next year',
      wib,
      '2027-01-10T17:00:00Z',
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    ],
  ];
  it.each(table)('%s', (_, p, at, months) => {
    expect(monthsToClose(p, new Set(), new Date(at))).toEqual(months);
  });

  it('never closes a month twice, and closes a missed month late', () => {
    const now = new Date('2026-06-05T00:00:00Z'); // January…April are due (May on 10 June)
    expect(monthsToClose(wib, new Set([1, 2, 3, 4]), now)).toEqual([]);
    expect(monthsToClose(wib, new Set([1, 3]), now)).toEqual([2, 4]);
  });

  it('counts each unit once: on time up to the due instant, late after it, belum without a submission', () => {
    const due = new Date('2026-04-10T16:59:59.999Z');
    const f = monthFigures(
      due,
      ['a', 'b', 'c', 'd', 'e'],
      [
        { wilayahKode: 'a', firstSubmittedAt: new Date('2026-04-01T00:00:00Z') },
        { wilayahKode: 'b', firstSubmittedAt: due },
        { wilayahKode: 'c', firstSubmittedAt: new Date('2026-04-10T17:00:00Z') },
        // Opened, never submitted.
        { wilayahKode: 'd', firstSubmittedAt: null },
        // A report of a unit that is not one of the pemda's units is not counted.
        { wilayahKode: 'x', firstSubmittedAt: due },
      ],
    );
    expect(f).toEqual({ units: 5, tepatWaktu: 2, terlambat: 1, belum: 2 });
  });
});
