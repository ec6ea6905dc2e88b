import type { Notification } from '@sip/contracts';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n/i18n';
import { notificationMinggu, notificationText } from './notification-text';

const t = i18next.t.bind(i18next);
const laporan = { kind: 'bulanan' as const, bulan: 3, tahun: 2026, unit: 'Dago' };
const n = (kind: Notification['kind'], params: Notification['params'], message = 'Pesan API') => ({
  kind,
  message,
  params,
});

describe('notificationText: a notification in the UI language', () => {
  afterAll(() => setLanguage('id'));

  it('in Bahasa Indonesia, as the API words it', async () => {
    await setLanguage('id');
    expect(notificationText(t, n('terlambat', { laporan, dueAt: '2026-04-10T16:59:59.999Z' }))).toBe(
      'Laporan bulanan Maret 2026 Dago terlambat: batas waktu 10 April 2026 sudah lewat.',
    );
    expect(notificationText(t, n('menunggu_kajian', { laporan, reviewer: 'camat', latihan: true }))).toBe(
      '[Latihan] Laporan bulanan Maret 2026 Dago menunggu pengesahan Anda.',
    );
  });

  it('in English', async () => {
    await setLanguage('en');
    expect(notificationText(t, n('jatuh_tempo', { laporan, dueAt: '2026-04-10T16:59:59.999Z' }))).toBe(
      'Monthly report March 2026 Dago is due on 10 April 2026.',
    );
    expect(
      notificationText(
        t,
        n('dikembalikan', {
          laporan: { ...laporan, kind: 'tahunan', bulan: null },
          by: 'camat',
          reason: 'Bukti kurang',
        }),
      ),
    ).toBe('Annual report 2026 Dago was returned by the camat: Bukti kurang');
  });

  it('the atasan decided a week of the daily log', async () => {
    const aktivitas = { senin: '2026-11-30', disetujui: 5, dikurangi: 1, ditolak: 1 };
    await setLanguage('id');
    expect(notificationText(t, n('aktivitas_diputus', { aktivitas }))).toBe(
      'Atasan memutus aktivitas minggu 30 November 2026: 5 disetujui, 1 dikurangi, 1 ditolak.',
    );
    await setLanguage('en');
    expect(notificationText(t, n('aktivitas_diputus', { aktivitas }))).toBe(
      'Your superior decided the activities of the week of 30 November 2026: 5 approved, 1 shortened, 1 rejected.',
    );
    expect(notificationMinggu({ kind: 'aktivitas_diputus', params: { aktivitas } })).toBe('2026-11-30');
    expect(notificationMinggu({ kind: 'terlambat', params: { laporan } })).toBeNull();
  });

  it('one stored before the API kept what it is about is shown as written', async () => {
    await setLanguage('en');
    expect(
      notificationText(t, n('diverifikasi', null, 'Laporan bulanan Maret 2026 Dago telah diverifikasi.')),
    ).toBe('Laporan bulanan Maret 2026 Dago telah diverifikasi.');
  });
});
