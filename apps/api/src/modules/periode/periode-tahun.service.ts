import type { PeriodeTahunList } from '@sip/contracts';
import type { Actor } from '../authz/authz';
import type { PeriodeHead, PeriodeService } from './periode.service';

export interface PeriodeTahunServiceDeps {
  periode: Pick<PeriodeService, 'visibleTo'>;
  /** How many things the actor has to do in that periode (the beranda module counts them). */
  openWork: (actor: Actor, p: PeriodeHead) => Promise<number>;
}

/**
 * The year selector and archive of every role: the years the person may see, each with his open
 * work, and the year the laporan, queue and rapor pages open on: the latest one he has work in (a
 * lurah on 2 January still has December's and the annual report of the year before), else the
 * latest aktif one, else the latest. In mode latihan: the practice periode only.
 */
export function createPeriodeTahunService({ periode, openWork }: PeriodeTahunServiceDeps) {
  return {
    async list(actor: Actor): Promise<PeriodeTahunList> {
      const heads = await periode.visibleTo(actor);
      const items = await Promise.all(
        heads.map(async (p) => ({
          id: p.id,
          tahun: p.tahun,
          status: p.status,
          tugas: p.status === 'draf' ? 0 : await openWork(actor, p),
        })),
      );
      const bawaan =
        items.find((p) => p.tugas > 0) ?? items.find((p) => p.status === 'aktif') ?? items[0] ?? null;
      return { items, bawaan: bawaan?.tahun ?? null };
    },
  };
}
export type PeriodeTahunService = ReturnType<typeof createPeriodeTahunService>;
