import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n/i18n';
import { timelineSummary } from './timeline-summary';

const t = i18next.t.bind(i18next);
const corrected = {
  action: 'laporan.entry_decided',
  before: { value: 80.5 },
  after: { indikatorCode: 'B1.2', decision: 'dikoreksi', correctedValue: 1234.5 },
};
const saved = {
  action: 'laporan.entries_saved',
  before: { 'B1.2': null },
  after: { 'B1.2': { value: 96.25, tidakBerlaku: false }, 'B2.2': { value: null, tidakBerlaku: true } },
};

describe('timelineSummary: a report history line in the UI language and its number format', () => {
  afterAll(() => setLanguage('id'));

  it('in Bahasa Indonesia, with id-ID numbers', async () => {
    await setLanguage('id');
    expect(timelineSummary(t, corrected)).toBe('Mengoreksi B1.2: 80,5 → 1.234,5');
    expect(timelineSummary(t, saved)).toBe('Mengubah isian (B1.2: — → 96,25, B2.2: — → tidak berlaku)');
    expect(timelineSummary(t, { action: 'laporan.submitted', before: null, after: { late: true } })).toBe(
      'Mengajukan laporan (terlambat)',
    );
    expect(
      timelineSummary(t, {
        action: 'laporan.exception_granted',
        before: null,
        after: { until: '2027-03-01T16:59:00Z' },
      }),
    ).toBe('Memberi izin pengisian terlambat sampai 1 Maret 2027');
  });

  it('in English, with English numbers and dates', async () => {
    await setLanguage('en');
    expect(timelineSummary(t, corrected)).toBe('Corrected B1.2: 80.5 → 1,234.5');
    expect(timelineSummary(t, saved)).toBe('Changed entries (B1.2: — → 96.25, B2.2: — → not applicable)');
    expect(timelineSummary(t, { action: 'laporan.returned', before: null, after: { by: 'camat' } })).toBe(
      'Returned the report (camat)',
    );
    expect(
      timelineSummary(t, {
        action: 'laporan.exception_granted',
        before: null,
        after: { until: '2027-03-01T16:59:00Z' },
      }),
    ).toBe('Allowed late filling until 1 March 2027');
  });

  it('an action it does not know is shown by its name', () => {
    expect(timelineSummary(t, { action: 'laporan.unknown', before: null, after: null })).toBe(
      'laporan.unknown',
    );
  });
});
