import {
  type LaporanStatus,
  laporanStatuses,
  type QueueCounts,
  type QueuePage,
  type queueQuerySchema,
} from '@sip/contracts';
import type { z } from 'zod';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { type Actor, reportingUnits, scopesFor } from '../authz/authz';
import type { PeriodeService } from '../periode/periode.service';
import { type SummaryRow, summaryDto } from './laporan.dto';
import type { LaporanRepo } from './laporan.repo';

type QueueQuery = z.output<typeof queueQuerySchema>;

export interface QueueServiceDeps {
  repo: Pick<LaporanRepo, 'queue' | 'countByStatus'>;
  periode: Pick<PeriodeService, 'getPeriode' | 'getCurrentPeriode'>;
  clock: Clock;
}

/** The review queue: what waits for the person asking (camat: endorsement; verifikator: verification). */
export function createQueueService({ repo, periode, clock }: QueueServiceDeps) {
  /** Reports waiting for this actor, in his review scopes, never of units he reports for. */
  const waiting = (actor: Actor) => ({
    reviewer: actor.userId,
    verify: scopesFor(actor, 'laporan:verify').within,
    endorse: scopesFor(actor, 'laporan:endorse').within,
    exclude: reportingUnits(actor),
  });

  function readable(actor: Actor) {
    const { within, exact } = scopesFor(actor, 'laporan:read');
    return [...within, ...exact];
  }

  async function periodeFor(actor: Actor, periodeId: string | undefined) {
    if (periodeId) {
      const p = await periode.getPeriode(periodeId);
      if (!p || p.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
      return p;
    }
    return periode.getCurrentPeriode(actor.pemdaKode, clock.now(), actor.latihan);
  }

  return {
    async list(actor: Actor, q: QueueQuery): Promise<QueuePage> {
      const p = await periodeFor(actor, q.periodeId);
      if (!p) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const common = {
        periodeId: p.id,
        kecamatan: q.kecamatan,
        bulan: q.bulan,
        late: q.late === undefined ? undefined : q.late === 'true',
      };
      const { rows, total } = await repo.queue(
        q.status === 'menunggu'
          ? { ...common, waiting: waiting(actor) }
          : { ...common, status: q.status, readable: readable(actor) },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return {
        items: rows.map((r) => summaryDto(r as SummaryRow)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async counts(actor: Actor, periodeId?: string): Promise<QueueCounts> {
      const p = await periodeFor(actor, periodeId);
      const byStatus = Object.fromEntries(laporanStatuses.map((s) => [s, 0])) as Record<
        LaporanStatus,
        number
      >;
      if (!p) return { periode: null, menunggu: 0, byStatus, late: 0 };
      const [rows, menunggu] = await Promise.all([
        repo.countByStatus(p.id, readable(actor)),
        repo.queue({ periodeId: p.id, waiting: waiting(actor) }, { limit: 0, offset: 0 }),
      ]);
      let late = 0;
      for (const r of rows) {
        byStatus[r.status] = r.n;
        late += Number(r.late);
      }
      return { periode: { id: p.id, tahun: p.tahun }, menunggu: menunggu.total, byStatus, late };
    },
  };
}
export type QueueService = ReturnType<typeof createQueueService>;
