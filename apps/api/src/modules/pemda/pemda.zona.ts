import { defaultZonaOf, type Zona, zonaSchema } from '@sip/contracts';
import type { DbOrTx } from '../../db/client';
import type { PemdaRepo } from './pemda.repo';

/** The zone a pemda's stored setting names, else its province's. */
export function zonaOrDefault(pemdaKode: string, stored: string | null | undefined): Zona {
  const set = zonaSchema.safeParse(stored);
  return set.success ? set.data : defaultZonaOf(pemdaKode);
}

/**
 * A pemda's time zone: the one its admin set, else its province's (DESIGN.md, Operations). One
 * primary-key read; the rapor cache keeps it with each periode head (migration 0018 tells it of changes).
 */
export function createZones(repo: Pick<PemdaRepo, 'getSetting'>) {
  return {
    async zonaOf(pemdaKode: string, tx?: DbOrTx): Promise<Zona> {
      return zonaOrDefault(pemdaKode, (await repo.getSetting(pemdaKode, tx))?.zona);
    },
  };
}
export type Zones = ReturnType<typeof createZones>;
