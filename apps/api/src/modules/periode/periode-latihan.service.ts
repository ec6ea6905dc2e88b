import type { LatihanBody, LatihanMode, LatihanState } from '@sip/contracts';
import { validateFramework } from '@sip/scoring';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { evidence, laporan } from '../../db/schema/laporan';
import { raporKeberatan } from '../../db/schema/rapor';
import type { Clock } from '../../lib/clock';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan } from '../authz/authz';
import type { PeriodeRepo, PeriodeRow } from './periode.repo';
import { periodeSummary } from './periode.service';

export interface PeriodeLatihanServiceDeps {
  db: Db;
  repo: PeriodeRepo;
  audit: AuditRepo;
  events: Pick<Events, 'emit'>;
  clock: Clock;
  /** Removes stored evidence files (after the rows are gone). */
  deleteFiles: (storageKeys: string[]) => Promise<void>;
}

/**
 * Everything written in a practice periode: its reports (their entries, evidence, comments and
 * notifications go with them) and keberatan. The practice periode owns this work, so starting it
 * again removes it here, in the caller's transaction. Returns the storage keys of its files.
 */
async function clearPracticeWork(periodeId: string, tx: DbOrTx): Promise<string[]> {
  const files = await tx
    .select({ key: evidence.storageKey })
    .from(evidence)
    .innerJoin(laporan, eq(laporan.id, evidence.laporanId))
    .where(eq(laporan.periodeId, periodeId));
  await tx.delete(raporKeberatan).where(eq(raporKeberatan.periodeId, periodeId));
  await tx.delete(laporan).where(eq(laporan.periodeId, periodeId));
  return files.map((f) => f.key);
}

/**
 * The practice periode (DESIGN.md, help and practice): one per pemda, a copy of a real periode's
 * framework and settings, always aktif, never published. New staff switch to mode latihan and run
 * the whole cycle (fill, submit, endorse, verify, read the rapor) without touching real data; the
 * admin starts it again from nothing whenever a new group of staff begins.
 */
export function createPeriodeLatihanService({
  db,
  repo,
  audit,
  events,
  clock,
  deleteFiles,
}: PeriodeLatihanServiceDeps) {
  return {
    async state(actor: Actor): Promise<LatihanState> {
      assertCan(actor, 'periode:read', actor.pemdaKode, 'Periode');
      const row = await repo.getLatihan(actor.pemdaKode);
      return { periode: row ? periodeSummary(row) : null };
    },

    /** The session's mode and whether the pemda has a practice periode (the banner and the switch). */
    async mode(actor: Actor): Promise<LatihanMode> {
      const tersedia = (await repo.getLatihan(actor.pemdaKode)) !== undefined;
      return { modeLatihan: (actor.latihan ?? false) && tersedia, tersedia };
    },

    /** The mode after switching it `on` or off (off always may); refuses on without a practice periode. */
    async switchMode(actor: Actor, on: boolean): Promise<LatihanMode> {
      const tersedia = (await repo.getLatihan(actor.pemdaKode)) !== undefined;
      if (on && !tersedia) {
        throw new AppError(
          'CONFLICT',
          'Pemda Anda belum punya periode latihan. Minta admin menyiapkannya di halaman Periode.',
          { reason: 'NO_PERIODE_LATIHAN' },
        );
      }
      return { modeLatihan: on, tersedia };
    },

    /** Creates the practice periode from `periodeId`, or empties it and copies that periode again. */
    async reset(actor: Actor, body: LatihanBody, ip: string | null): Promise<LatihanState> {
      const pemdaKode = actor.pemdaKode;
      assertCan(actor, 'periode:manage', pemdaKode, 'Periode');
      const source = await repo.get(body.periodeId);
      if (!source || source.pemdaKode !== pemdaKode || source.latihan) {
        throw new AppError('NOT_FOUND', 'Periode yang disalin untuk latihan tidak ditemukan.');
      }
      if (source.status === 'draf' || validateFramework(source.framework).length > 0) {
        throw new AppError(
          'CONFLICT',
          `Periode ${source.tahun} masih draf: salin periode yang sudah aktif (kerangkanya sudah lengkap dan sah) untuk latihan.`,
        );
      }
      const now = clock.now();
      const copy = {
        tahun: source.tahun,
        settings: source.settings,
        framework: source.framework,
        status: 'aktif' as const,
        activatedAt: now,
      };
      let files: string[] = [];
      let saved: PeriodeRow;
      try {
        saved = await db.transaction(async (tx) => {
          const existing = await repo.getLatihan(pemdaKode, tx);
          let row: PeriodeRow | undefined;
          if (existing) {
            files = await clearPracticeWork(existing.id, tx);
            // A new version: the running rapor of the practice periode is computed afresh.
            row = await repo.update(existing.id, existing.version, copy, now, tx);
          } else {
            row = await repo.insert({ pemdaKode, ...copy, latihan: true, createdBy: actor.userId }, now, tx);
          }
          if (!row) throw busy();
          await audit.record(
            actor,
            {
              action: 'periode.latihan_reset',
              pemdaKode,
              entity: 'periode',
              entityId: row.id,
              before: existing ? { sumberTahun: existing.tahun, laporanDihapus: true } : null,
              after: { sumber: { periodeId: source.id, tahun: source.tahun }, berkasDihapus: files.length },
              ip,
            },
            tx,
          );
          return row;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw busy();
        throw err;
      }
      await deleteFiles(files);
      events.emit('periode.changed', { periodeId: saved.id });
      return { periode: periodeSummary(saved) };
    },
  };
}
export type PeriodeLatihanService = ReturnType<typeof createPeriodeLatihanService>;

const busy = () =>
  new AppError(
    'STALE',
    'Periode latihan sedang dimulai ulang oleh admin lain. Muat ulang halaman lalu periksa hasilnya.',
  );
