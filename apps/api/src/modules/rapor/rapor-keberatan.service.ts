import type {
  decideKeberatanBodySchema,
  fileKeberatanBodySchema,
  Keberatan,
  KeberatanList,
} from '@sip/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { endOfDay } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can, reportsFor } from '../authz/authz';
import type { PeriodeHead } from '../periode/periode.service';
import type { RaporViews } from './rapor.views';
import type { KeberatanRepo, KeberatanRow } from './rapor-keberatan.repo';

const dto = (tahun: number, r: KeberatanRow): Keberatan => ({
  id: r.id,
  tahun,
  wilayahKode: r.wilayahKode,
  wilayahNama: r.wilayahNama,
  isi: r.isi,
  filedByName: r.filedByName,
  filedAt: r.filedAt.toISOString(),
  status: r.status,
  keputusan: r.keputusan,
  decidedByName: r.decidedByName,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  version: r.version,
});

export interface KeberatanServiceDeps {
  db: Db;
  repo: KeberatanRepo;
  views: Pick<RaporViews, 'periodeOf'>;
  audit: AuditRepo;
  clock: Clock;
}

/**
 * Keberatan (issue 16 item 5): before the final publication a unit's lurah or camat objects to its
 * rapor within the window the admin sets (periode setting `keberatanSampai`); the admin decides with
 * a reason. The unit sees its objections and the decisions; the publication checklist counts the
 * undecided ones.
 */
export function createKeberatanService({ db, repo, views, audit, clock }: KeberatanServiceDeps) {
  /** Whether a unit may file now: a window is set, its last day has not ended, not yet announced. */
  function windowOf(p: PeriodeHead) {
    const sampai = p.settings.keberatanSampai ?? null;
    if (!sampai || p.status === 'diumumkan') return { sampai, terbuka: false };
    const [y, m, d] = sampai.split('-').map(Number) as [number, number, number];
    return { sampai, terbuka: clock.now() < endOfDay(p.zona, y, m, d) };
  }

  return {
    /** Undecided objections of a periode (the publication checklist). */
    openCount: (periodeId: string): Promise<number> => repo.openCount(periodeId),

    /** The admin sees every objection of the pemda; a unit's people see their unit's. */
    async list(actor: Actor, tahun: number): Promise<KeberatanList> {
      const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      const all = can(actor, 'rapor:publish', p.pemdaKode);
      const rows = (await repo.list(p.id)).filter((r) => all || can(actor, 'laporan:read', r.wilayahKode));
      return { tahun, ...windowOf(p), items: rows.map((r) => dto(tahun, r)) };
    },

    async file(
      actor: Actor,
      tahun: number,
      body: z.output<typeof fileKeberatanBodySchema>,
      ip: string | null,
    ): Promise<Keberatan> {
      const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      assertCan(actor, 'laporan:read', body.wilayahKode, 'Unit');
      if (!reportsFor(actor, body.wilayahKode) || !can(actor, 'laporan:submit', body.wilayahKode)) {
        throw new AppError('FORBIDDEN', 'Keberatan diajukan oleh lurah atau camat unit itu sendiri.');
      }
      const { sampai, terbuka } = windowOf(p);
      if (!terbuka) {
        throw new AppError(
          'CONFLICT',
          p.status === 'diumumkan'
            ? `Hasil ${tahun} sudah diumumkan; keberatan tidak dapat diajukan lagi.`
            : sampai
              ? `Masa keberatan ${tahun} berakhir ${sampai}.`
              : `Masa keberatan ${tahun} belum dibuka oleh admin.`,
        );
      }
      try {
        return await db.transaction(async (tx) => {
          const row = await repo.insert(
            {
              periodeId: p.id,
              pemdaKode: p.pemdaKode,
              wilayahKode: body.wilayahKode,
              isi: body.isi,
              filedBy: actor.userId,
              filedByName: actor.namaLengkap,
              filedAt: clock.now(),
            },
            tx,
          );
          await audit.record(
            actor,
            {
              action: 'rapor.keberatan_filed',
              entity: 'rapor_keberatan',
              entityId: row.id,
              after: { tahun, wilayahKode: body.wilayahKode, isi: body.isi },
              ip,
            },
            tx,
          );
          return dto(tahun, row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError(
            'CONFLICT',
            'Masih ada keberatan unit ini yang belum diputuskan. Tunggu keputusan admin sebelum mengajukan lagi.',
          );
        }
        throw err;
      }
    },

    async decide(
      actor: Actor,
      tahun: number,
      id: string,
      body: z.output<typeof decideKeberatanBodySchema>,
      ip: string | null,
    ): Promise<Keberatan> {
      const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      assertCan(actor, 'rapor:publish', p.pemdaKode, 'Keberatan');
      return db.transaction(async (tx) => {
        const current = await repo.lock(id, p.id, tx);
        if (!current) throw new AppError('NOT_FOUND', 'Keberatan tidak ditemukan.');
        if (current.version !== body.version || current.status !== 'diajukan') {
          throw new AppError(
            'STALE',
            'Keberatan ini sudah diputuskan atau diubah sejak Anda membukanya. Muat ulang halaman.',
          );
        }
        const row = await repo.decide(
          id,
          {
            status: body.status,
            keputusan: body.keputusan,
            decidedBy: actor.userId,
            decidedByName: actor.namaLengkap,
            decidedAt: clock.now(),
          },
          tx,
        );
        await audit.record(
          actor,
          {
            action: 'rapor.keberatan_decided',
            entity: 'rapor_keberatan',
            entityId: id,
            before: { status: current.status },
            after: { status: body.status, wilayahKode: current.wilayahKode },
            reason: body.keputusan,
            ip,
          },
          tx,
        );
        return dto(tahun, { ...row, wilayahNama: current.wilayahNama });
      });
    },
  };
}
export type KeberatanService = ReturnType<typeof createKeberatanService>;
