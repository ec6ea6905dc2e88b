import { defaultZonaOf, type Zona, zonaSchema } from '@sip/contracts';
import type { DbOrTx } from '../../db/client';
import type { PemdaRepo } from './pemda.repo';

/**
 * A pemda's time zone: the one its admin set, else its province's (DESIGN.md, Operations). One
 * primary-key read; the rapor cache keeps it with each periode head (migration 0018 tells it of changes).
 */
export function createZones(repo: Pick<PemdaRepo, 'getSetting'>) {
  return {
    async zonaOf(pemdaKode: string, tx?: DbOrTx): Promise<Zona> {
      const row = await repo.getSetting(pemdaKode, tx);
      const set = zonaSchema.safeParse(row?.zona);
      return set.success ? set.data : defaultZonaOf(pemdaKode);
    },
  };
}
export type Zones = ReturnType<typeof createZones>;
