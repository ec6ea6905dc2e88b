import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import type { JobResult } from '../jobs/jobs.files';
import type { JobDefinition, Jobs } from '../jobs/jobs.runtime';
import type { Zones } from '../pemda/pemda.zona';
import type { PeriodeRepo } from '../periode/periode.repo';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import { dueAtFor } from './laporan.state';
import { monthFigures, monthsToClose } from './laporan-penutupan';
import type { PenutupanRepo } from './laporan-penutupan.repo';

/**
 * The month-close round (hourly, jobs.schedules.ts): every periode in use closes the months whose due
 * date has passed in its pemda's zone (laporan-penutupan.ts), then asks for the late notices and the
 * rapor of the pemda computed again. Re-running it — another instance, a retry after a crash — finds
 * the months closed and does nothing.
 */
export function monthCloseJob({
  periode,
  zones,
  wilayah,
  repo,
  jobs,
  clock,
}: {
  periode: Pick<PeriodeRepo, 'activeAll'>;
  zones: Pick<Zones, 'zonaOf'>;
  wilayah: Pick<WilayahRepo, 'unitsOf'>;
  repo: PenutupanRepo;
  jobs: Pick<Jobs, 'send'>;
  clock: Clock;
}): JobDefinition<Record<string, never>, JobResult> {
  return {
    name: 'laporan.month-close',
    data: z.object({}).strict(),
    attempts: 3,
    async run(ctx) {
      const now = clock.now();
      const periodes = await periode.activeAll();
      let closed = 0;
      for (const [i, p] of periodes.entries()) {
        const cal = { tahun: p.tahun, settings: p.settings, zona: await zones.zonaOf(p.pemdaKode) };
        const months = monthsToClose(cal, new Set(await repo.closedMonths(p.id)), now);
        if (months.length === 0) continue;
        await ctx.progress((100 * i) / periodes.length, `Periode ${p.tahun} ${p.pemdaKode}`);
        const units = (await wilayah.unitsOf(p.pemdaKode)).map((u) => u.kode);
        let any = false;
        for (const bulan of months) {
          const dueAt = dueAtFor(cal, 'bulanan', bulan);
          const figures = monthFigures(dueAt, units, await repo.submissions(p.id, bulan));
          if (await repo.close({ periodeId: p.id, bulan, dueAt, ...figures })) {
            closed++;
            any = true;
          }
        }
        if (any) {
          await jobs.send(
            'rapor.recompute',
            { pemdaKode: p.pemdaKode, tahun: p.tahun },
            { pemdaKode: p.pemdaKode, singletonKey: `${p.pemdaKode}:${p.tahun}` },
          );
        }
      }
      // The units whose report is missing hear it now rather than at the next round.
      if (closed > 0) await jobs.send('notifications.reminders', {}, { singletonKey: 'round' });
      return { counts: { bulan: closed } };
    },
  };
}
