import {
  DEFAULT_PENGINGAT_HARI,
  type NotificationKind,
  type NotificationParams,
  unitLevelOf,
} from '@sip/contracts';
import type { Clock } from '../../lib/clock';
import { dueAtFor, formatTanggal, laporanLabel, type PeriodeCalendar } from '../laporan/laporan.state';

export interface Reminder {
  kind: Extract<NotificationKind, 'jatuh_tempo' | 'terlambat'>;
  laporanId: string | null;
  message: string;
  params: NotificationParams;
  dedupeKey: string;
}

export interface RemindersDeps {
  periode: {
    getCurrentPeriode(pemdaKode: string, now: Date): Promise<(PeriodeCalendar & { id: string }) | undefined>;
  };
  reports: {
    listForUnit(
      periodeId: string,
      kode: string,
    ): Promise<Array<{ id: string; kind: string; bulan: number | null; firstSubmittedAt: Date | null }>>;
  };
  wilayah: { getMany(kodes: string[]): Promise<Array<{ kode: string; nama: string }>> };
  clock: Clock;
}

const DAY = 86_400_000;

/**
 * Reminders for units of a pemda: a monthly report due within 3 days, or late (up to a month after
 * its due date). Made for everyone by the hourly round (notifications.jobs.ts) and, should a person
 * look before it ran, when he looks; once per report and person either way (dedupe key).
 */
export function createReminders({ periode, reports, wilayah, clock }: RemindersDeps) {
  return async function reminders(pemdaKode: string, kodes: string[]): Promise<Reminder[]> {
    const now = clock.now();
    const p = await periode.getCurrentPeriode(pemdaKode, now);
    if (!p || kodes.length === 0) return [];
    const names = new Map((await wilayah.getMany(kodes)).map((w) => [w.kode, w.nama]));
    const out: Reminder[] = [];
    for (const kode of kodes) {
      if (!unitLevelOf(kode)) continue;
      const existing = await reports.listForUnit(p.id, kode);
      for (let m = 1; m <= 12; m++) {
        const due = dueAtFor(p, 'bulanan', m);
        const r = existing.find((x) => x.kind === 'bulanan' && x.bulan === m);
        if (r?.firstSubmittedAt) continue;
        const ms = due.getTime() - now.getTime();
        const unit = names.get(kode) ?? kode;
        const what = `${laporanLabel('bulanan', m, p.tahun)} ${unit}`;
        const params = {
          laporan: { kind: 'bulanan' as const, bulan: m, tahun: p.tahun, unit },
          dueAt: due.toISOString(),
        };
        if (ms > 0 && ms <= (p.settings.pengingatHari ?? DEFAULT_PENGINGAT_HARI) * DAY) {
          out.push({
            kind: 'jatuh_tempo',
            laporanId: r?.id ?? null,
            dedupeKey: `jatuh_tempo:${p.id}:${kode}:${m}`,
            message: `${what} jatuh tempo ${formatTanggal(due, p.zona)}.`,
            params,
          });
        } else if (ms <= 0 && ms > -31 * DAY) {
          out.push({
            kind: 'terlambat',
            laporanId: r?.id ?? null,
            dedupeKey: `terlambat:${p.id}:${kode}:${m}`,
            message: `${what} terlambat: batas waktu ${formatTanggal(due, p.zona)} sudah lewat.`,
            params,
          });
        }
      }
    }
    return out;
  };
}
export type Reminders = ReturnType<typeof createReminders>;
