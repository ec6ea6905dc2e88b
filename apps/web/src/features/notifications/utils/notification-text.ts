import type { Notification } from '@sip/contracts';
import type { TFunction } from 'i18next';
import { formatDueDate, visibleText } from '@/lib/format';

/**
 * A notification in the UI language, from what it is about (`params`); one stored before the API
 * kept that is shown as the API wrote it (Bahasa Indonesia).
 */
export function notificationText(t: TFunction, n: Pick<Notification, 'kind' | 'message' | 'params'>): string {
  const p = n.params;
  if (!p) return visibleText(n.message);
  const { kind, bulan, tahun, unit } = p.laporan;
  const title =
    kind === 'bulanan'
      ? t('laporan.title.bulanan', { bulan: t(`laporan.month.${String(bulan ?? 1) as '1'}`), tahun })
      : t('laporan.title.tahunan', { tahun });
  const what = `${title} ${unit}`;
  const due = p.dueAt ? formatDueDate(p.dueAt) : '';
  const k = 'laporan.notifications.text';
  const text =
    n.kind === 'menunggu_kajian'
      ? t(p.reviewer === 'camat' ? `${k}.menunggu_camat` : `${k}.menunggu_verifikator`, { what })
      : n.kind === 'dikembalikan'
        ? t(`${k}.dikembalikan`, { what, by: p.by ?? 'verifikator', reason: visibleText(p.reason ?? '') })
        : t(`${k}.${n.kind}`, { what, due });
  return p.latihan ? t(`${k}.latihan`, { text }) : text;
}
