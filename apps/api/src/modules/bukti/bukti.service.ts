import { createHash } from 'node:crypto';
import { type Evidence, laporanIndikator, type PeriodeConfig } from '@sip/contracts';
import type { Framework } from '@sip/scoring';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan } from '../authz/authz';
import type { LaporanRepo, LaporanRow } from '../laporan/laporan.repo';
import { editableStatuses, lockReason } from '../laporan/laporan.state';
import { checkEvidenceFile, cleanFileName } from './evidence.check';
import type { EvidenceRepo, EvidenceRow } from './evidence.repo';
import type { FileStorage } from './storage';

export interface EvidenceServiceDeps {
  db: Db;
  repo: EvidenceRepo;
  laporan: LaporanRepo;
  storage: FileStorage;
  audit: AuditRepo;
  clock: Clock;
}

export function createEvidenceService({ db, repo, laporan, storage, audit, clock }: EvidenceServiceDeps) {
  /** The report, visible to the actor (404 otherwise), that the actor may change now (403 / 409 otherwise). */
  async function editableReport(
    actor: Actor,
    laporanId: string,
  ): Promise<{ row: LaporanRow; framework: Framework }> {
    const row = await laporan.get(laporanId);
    if (!row) throw new AppError('NOT_FOUND', 'Laporan tidak ditemukan.');
    assertCan(actor, 'laporan:read', row.wilayahKode, 'Laporan');
    assertCan(actor, 'laporan:edit', row.wilayahKode, 'Laporan');
    const p = await laporan.periode(row.periodeId);
    if (!p) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
    const lock = lockReason({
      status: row.status,
      endorsementRequired: row.endorsementRequired,
      periodeStatus: p.status,
      tahun: p.tahun,
      kind: row.kind,
      bulan: row.bulan,
      now: clock.now(),
      dueAt: row.dueAt,
      firstSubmittedAt: row.firstSubmittedAt,
      exceptionUntil: row.exceptionUntil,
      cfg: p.settings as PeriodeConfig,
      mayEdit: true,
    });
    if (lock) throw new AppError('CONFLICT', lock);
    return { row, framework: p.framework as Framework };
  }

  const dto = (e: EvidenceRow, uploadedBy: string | null): Evidence => ({
    id: e.id,
    indikatorCode: e.indikatorCode,
    originalName: e.originalName,
    mime: e.mime,
    size: e.size,
    sha256: e.sha256,
    uploadedBy,
    uploadedAt: e.uploadedAt.toISOString(),
  });

  return {
    /** Checks before anything is written, so a refused file leaves nothing behind (no row, no file). */
    async upload(
      actor: Actor,
      laporanId: string,
      code: string,
      file: { name: string; read: () => Promise<Buffer> },
      ip: string | null,
    ): Promise<Evidence> {
      const { row, framework } = await editableReport(actor, laporanId);
      const codes = laporanIndikator(framework, row.level, row.kind).map((i) => i.code);
      if (!codes.includes(code))
        throw new AppError('NOT_FOUND', `Indikator ${code} tidak termasuk laporan ini.`);
      const data = await file.read();
      const name = cleanFileName(file.name);
      const checked = await checkEvidenceFile(name, data);
      if (!checked.ok)
        throw new AppError('VALIDATION', checked.message, [{ path: 'file', message: checked.message }]);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const key = await storage.put(data);
      try {
        const saved = await db.transaction(async (tx) => {
          // The report may have been submitted while the file was arriving.
          const locked = await laporan.get(laporanId, tx, { forUpdate: true });
          if (!locked || !editableStatuses.has(locked.status)) {
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
          await audit.record(
            {
              actorId: actor.userId,
              actorUsername: actor.username,
              pemdaKode: actor.pemdaKode,
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
              },
              ip,
            },
            tx,
          );
          return inserted;
        });
        return dto(saved, actor.namaLengkap);
      } catch (err) {
        await storage.delete(key);
        throw err;
      }
    },

    async download(actor: Actor, id: string) {
      const e = await repo.get(id);
      if (!e) throw new AppError('NOT_FOUND', 'Bukti dukung tidak ditemukan.');
      const row = await laporan.get(e.laporanId);
      if (!row) throw new AppError('NOT_FOUND', 'Bukti dukung tidak ditemukan.');
      assertCan(actor, 'laporan:read', row.wilayahKode, 'Bukti dukung');
      return { meta: e, data: await storage.get(e.storageKey) };
    },

    async remove(actor: Actor, id: string, ip: string | null) {
      const e = await repo.get(id);
      if (!e) throw new AppError('NOT_FOUND', 'Bukti dukung tidak ditemukan.');
      await editableReport(actor, e.laporanId);
      await db.transaction(async (tx) => {
        await repo.delete(id, tx);
        await audit.record(
          {
            actorId: actor.userId,
            actorUsername: actor.username,
            pemdaKode: actor.pemdaKode,
            action: 'evidence.deleted',
            entity: 'laporan',
            entityId: e.laporanId,
            before: {
              evidenceId: e.id,
              indikatorCode: e.indikatorCode,
              originalName: e.originalName,
              sha256: e.sha256,
            },
            ip,
          },
          tx,
        );
      });
      await storage.delete(e.storageKey);
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
