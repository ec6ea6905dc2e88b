import { defaultPeriodeConfig } from '@sip/contracts';
import { createBandungJuaraFramework } from '@sip/scoring/template';
import type { Db } from '../../db/client';
import type { AuditRepo } from '../audit/audit.repo';
import type { PeriodeRepo } from './periode.repo';

/**
 * Demo mode only: periode `tahun` of the pemda from the "Bandung Juara" template, already aktif,
 * so units can report and an admin can copy it into the next year. Idempotent: an existing
 * periode of that year is left as it is.
 */
export async function seedDemoPeriode(
  deps: { db: Db; repo: PeriodeRepo; audit: AuditRepo },
  pemdaKode: string,
  tahun: number,
  now: Date = new Date(),
): Promise<boolean> {
  if (await deps.repo.getByTahun(pemdaKode, tahun)) return false;
  return deps.db.transaction(async (tx) => {
    const row = await deps.repo.insert(
      {
        pemdaKode,
        tahun,
        settings: defaultPeriodeConfig(tahun),
        framework: createBandungJuaraFramework(),
        createdBy: null,
        status: 'aktif',
        activatedAt: now,
      },
      now,
      tx,
    );
    if (!row) return false;
    await deps.audit.record(
      {
        actorUsername: 'system',
        pemdaKode,
        action: 'periode.created',
        entity: 'periode',
        entityId: row.id,
        after: {
          tahun,
          status: 'aktif',
          sumber: { kind: 'template', template: 'Bandung Juara', demo: true },
        },
      },
      tx,
    );
    return true;
  });
}
