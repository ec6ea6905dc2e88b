import {
  type LaporanStatus,
  type LaporanSummary,
  laporanStatuses,
  type QueueCounts,
  type QueuePage,
  type queueQuerySchema,
} from '@sip/contracts';
import { and, eq, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { laporan } from '../../db/schema/laporan';
import { type Clock, jakartaYear, systemClock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { type Actor, reportingUnits, scopesFor } from '../authz/authz';
import { type LaporanRepo, withinAny } from './laporan.repo';
import { waitingFor } from './laporan.state';

type QueueQuery = z.output<typeof queueQuerySchema>;

/** The review queue: what waits for the person asking (camat: endorsement; verifikator: verification). */
export function createQueueService({ repo, clock = systemClock }: { repo: LaporanRepo; clock?: Clock }) {
  /** Reports waiting for this actor, in his review scopes, never of units he reports for. */
  function waitingCondition(actor: Actor): SQL {
    const verify = scopesFor(actor, 'laporan:verify').within;
    const endorse = scopesFor(actor, 'laporan:endorse').within;
    const parts: SQL[] = [];
    if (verify.length) {
      parts.push(
        and(
          withinAny(laporan.wilayahKode, verify),
          or(
            and(eq(laporan.status, 'diajukan'), eq(laporan.endorsementRequired, false)),
            eq(laporan.status, 'dikaji_camat'),
          ),
        ) as SQL,
      );
    }
    if (endorse.length) {
      parts.push(
        and(
          withinAny(laporan.wilayahKode, endorse),
          eq(laporan.status, 'diajukan'),
          eq(laporan.endorsementRequired, true),
        ) as SQL,
      );
    }
    const own = reportingUnits(actor);
    if (parts.length === 0) return sql`false`;
    const cond = or(...parts) as SQL;
    return own.length ? (and(cond, notInArray(laporan.wilayahKode, own)) as SQL) : cond;
  }

  function readScope(actor: Actor): SQL {
    const { within, exact } = scopesFor(actor, 'laporan:read');
    return withinAny(laporan.wilayahKode, [...within, ...exact]);
  }

  async function periodeFor(actor: Actor, periodeId: string | undefined) {
    if (periodeId) {
      const p = await repo.periode(periodeId);
      if (!p || p.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
      return p;
    }
    return repo.activePeriode(actor.pemdaKode, jakartaYear(clock.now()));
  }

  return {
    async list(actor: Actor, q: QueueQuery): Promise<QueuePage> {
      const p = await periodeFor(actor, q.periodeId);
      if (!p) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const where: SQL[] = [eq(laporan.periodeId, p.id)];
      if (q.status === 'menunggu') where.push(waitingCondition(actor));
      else where.push(readScope(actor), eq(laporan.status, q.status));
      if (q.kecamatan) where.push(eq(laporan.kecamatanKode, q.kecamatan));
      if (q.bulan !== undefined)
        where.push(q.bulan === 0 ? eq(laporan.kind, 'tahunan') : eq(laporan.bulan, q.bulan));
      if (q.late !== undefined) where.push(eq(laporan.late, q.late === 'true'));
      const { rows, total } = await repo.summaries(and(...where), {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const items: LaporanSummary[] = rows.map((s) => ({
        id: s.row.id,
        periodeId: s.row.periodeId,
        tahun: s.tahun,
        wilayahKode: s.row.wilayahKode,
        wilayahNama: s.wilayahNama,
        kecamatanKode: s.row.kecamatanKode,
        kecamatanNama: s.kecamatanNama,
        level: s.row.level,
        kind: s.row.kind,
        bulan: s.row.bulan,
        status: s.row.status,
        waitingFor: waitingFor(s.row.status, s.row.endorsementRequired),
        dueAt: s.row.dueAt.toISOString(),
        submittedAt: s.row.submittedAt?.toISOString() ?? null,
        late: s.row.late,
        version: s.row.version,
      }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    async counts(actor: Actor, periodeId?: string): Promise<QueueCounts> {
      const p = await periodeFor(actor, periodeId);
      const byStatus = Object.fromEntries(laporanStatuses.map((s) => [s, 0])) as Record<
        LaporanStatus,
        number
      >;
      if (!p) return { periode: null, menunggu: 0, byStatus, late: 0 };
      const [rows, waiting] = await Promise.all([
        repo.countByStatus(and(eq(laporan.periodeId, p.id), readScope(actor))),
        repo.summaries(and(eq(laporan.periodeId, p.id), waitingCondition(actor)), { limit: 0, offset: 0 }),
      ]);
      let late = 0;
      for (const r of rows) {
        byStatus[r.status] = r.n;
        late += Number(r.late);
      }
      return { periode: { id: p.id, tahun: p.tahun }, menunggu: waiting.total, byStatus, late };
    },
  };
}
export type QueueService = ReturnType<typeof createQueueService>;
