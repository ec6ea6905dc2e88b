import type { Notification } from '@sip/contracts';
import type { TFunction } from 'i18next';
import { formatDueDate, visibleText } from '@/lib/format';
import { formatTanggal } from '@/lib/tanggal';

/**
 * A notification in the UI language, from what it is about (`params`); one stored before the API
 * kept that is shown as the API wrote it (Bahasa Indonesia).
 */
export function notificationText(t: TFunction, n: Pick<Notification, 'kind' | 'message' | 'params'>): string {
  const p = n.params;
  if (!p) return visibleText(n.message);
  const k = 'laporan.notifications.text';
  let text: string;
  if (n.kind === 'aktivitas_diputus') {
    // The daily log: about the pegawai's week, not a report.
    if (!p.aktivitas) return visibleText(n.message);
    const { senin, disetujui, dikurangi, ditolak } = p.aktivitas;
    text = t(`${k}.aktivitas_diputus`, { senin: formatTanggal(senin), disetujui, dikurangi, ditolak });
  } else {
    if (!p.laporan) return visibleText(n.message);
    const { kind, bulan, tahun, unit } = p.laporan;
    const title =
      kind === 'bulanan'
        ? t('laporan.title.bulanan', { bulan: t(`laporan.month.${String(bulan ?? 1) as '1'}`), tahun })
        : t('laporan.title.tahunan', { tahun });
    const what = `${title} ${unit}`;
    const due = p.dueAt ? formatDueDate(p.dueAt) : '';
    text =
      n.kind === 'menunggu_kajian'
        ? t(p.reviewer === 'camat' ? `${k}.menunggu_camat` : `${k}.menunggu_verifikator`, { what })
        : n.kind === 'dikembalikan'
          ? t(`${k}.dikembalikan`, { what, by: p.by ?? 'verifikator', reason: visibleText(p.reason ?? '') })
          : t(`${k}.${n.kind}`, { what, due });
  }
  return p.latihan ? t(`${k}.latihan`, { text }) : text;
}

/** The week a notification about the daily log points to (its Monday), if any. */
export function notificationMinggu(n: Pick<Notification, 'kind' | 'params'>): string | null {
  return n.kind === 'aktivitas_diputus' ? (n.params?.aktivitas?.senin ?? null) : null;
}
