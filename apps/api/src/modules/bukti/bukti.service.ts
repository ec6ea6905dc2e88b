import { createHash } from 'node:crypto';
import { type Evidence, frequencyOfKind } from '@sip/contracts';
import { reportedIndikator } from '@sip/scoring';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { FileStorage } from '../../lib/storage/storage';
import type { AuditRepo } from '../audit/audit.repo';
import type { Actor } from '../authz/authz';
import type { LaporanDetailReader } from '../laporan/laporan.detail';
import type { LaporanRepo } from '../laporan/laporan.repo';
import { editableStatuses } from '../laporan/laporan.state';
import { checkEvidenceFile, cleanFileName } from './bukti.check';
import type { BuktiRepo, BuktiRow } from './bukti.repo';

export interface BuktiServiceDeps {
  db: Db;
  repo: BuktiRepo;
  laporan: Pick<LaporanDetailReader, 'editable' | 'loadVisible'>;
  /** A reviewer's decision on an entry was about the evidence it had: changing it clears the decision. */
  entries: Pick<LaporanRepo, 'clearDecision'>;
  storage: FileStorage;
  audit: AuditRepo;
  clock: Clock;
}

/** Bukti dukung: files attached to an entry of a report while the unit fills it. */
export function createBuktiService({ db, repo, laporan, entries, storage, audit, clock }: BuktiServiceDeps) {
  const dto = (e: BuktiRow, uploadedBy: string | null): Evidence => ({
    id: e.id,
    indikatorCode: e.indikatorCode,
    originalName: e.originalName,
    mime: e.mime,
    size: e.size,
    sha256: e.sha256,
    uploadedBy,
    uploadedAt: e.uploadedAt.toISOString(),
  });

  /** The file's report, visible to the actor (404 otherwise); never tells whether the file exists elsewhere. */
  async function fileOf(actor: Actor, id: string) {
    const e = await repo.get(id);
    if (!e) throw new AppError('NOT_FOUND', 'Bukti dukung tidak ditemukan.');
    try {
      await laporan.loadVisible(actor, e.laporanId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND')
        throw new AppError('NOT_FOUND', 'Bukti dukung tidak ditemukan.');
      throw err;
    }
    return e;
  }

  return {
    /** Checks before anything is written, so a refused file leaves nothing behind (no row, no file). */
    async upload(
      actor: Actor,
      laporanId: string,
      code: string,
      file: { name: string; read: () => Promise<Buffer> },
      ip: string | null,
    ): Promise<Evidence> {
      const { row, periode } = await laporan.editable(actor, laporanId);
      const codes = reportedIndikator(periode.framework, row.level, frequencyOfKind[row.kind]).map(
        (i) => i.code,
      );
      if (!codes.includes(code))
        throw new AppError('NOT_FOUND', `Indikator ${code} tidak termasuk laporan ini.`);
      const data = await file.read();
      const name = cleanFileName(file.name);
      const checked = await checkEvidenceFile(name, data);
      if (!checked.ok)
        throw new AppError('VALIDATION', checked.message, [{ path: 'file', message: checked.message }]);
      const sha256 = createHash('sha256').update(data).digest('hex');
      // The file first, then its row: a store that is down fails here (503) with nothing written,
      // and a row is never committed without its file.
      const key = await storage.put(data);
      try {
        const saved = await db.transaction(async (tx) => {
          // The report may have been submitted while the file was arriving.
          const locked = await laporan.loadVisible(actor, laporanId, tx, true);
          if (!editableStatuses.has(locked.status)) {
            throw new AppError('CONFLICT', 'Laporan sudah diajukan; bukti dukung tidak dapat ditambahkan.');
          }
          const inserted = await repo.insert(
            {
              laporanId,
              indikatorCode: code,
              storageKey: key,
              originalName: name,
              mime: checked.mime,
              size: data.length,
              sha256,
              uploadedBy: actor.userId,
              uploadedAt: clock.now(),
            },
            tx,
          );
          const decisionCleared = await entries.clearDecision(laporanId, code, tx);
          await audit.record(
            actor,
            {
              action: 'evidence.uploaded',
              entity: 'laporan',
              entityId: laporanId,
              after: {
                evidenceId: inserted.id,
                indikatorCode: code,
                originalName: name,
                mime: checked.mime,
                size: data.length,
                sha256,
                decisionCleared,
              },
              ip,
            },
            tx,
          );
          return inserted;
        });
        return dto(saved, actor.namaLengkap);
      } catch (err) {
        // No orphan file for a row that was not written. (Should the store fail in this very
        // moment too, the file stays behind unnamed: harmless, and the original error is kept.)
        await storage.delete(key).catch(() => {});
        throw err;
      }
    },

    async download(actor: Actor, id: string) {
      const e = await fileOf(actor, id);
      return { meta: e, data: await storage.get(e.storageKey) };
    },

    async remove(actor: Actor, id: string, ip: string | null) {
      const e = await fileOf(actor, id);
      await laporan.editable(actor, e.laporanId);
      // The file goes last inside the transaction: a store that is down rolls the row back (503,
      // nothing changed, try again) instead of leaving a row that names a file that is gone.
      await db.transaction(async (tx) => {
        await repo.delete(id, tx);
        const decisionCleared = await entries.clearDecision(e.laporanId, e.indikatorCode, tx);
        await audit.record(
          actor,
          {
            action: 'evidence.deleted',
            entity: 'laporan',
            entityId: e.laporanId,
            before: {
              evidenceId: e.id,
              indikatorCode: e.indikatorCode,
              originalName: e.originalName,
              sha256: e.sha256,
            },
            after: { decisionCleared },
            ip,
          },
          tx,
        );
        await storage.delete(e.storageKey);
      });
    },
  };
}
export type BuktiService = ReturnType<typeof createBuktiService>;
