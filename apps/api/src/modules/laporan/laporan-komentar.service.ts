import { frequencyOfKind, type KomentarBody, type KomentarList } from '@sip/contracts';
import { reportedIndikator } from '@sip/scoring';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can, reportsFor } from '../authz/authz';
import type { LaporanDetailReader } from './laporan.detail';
import type { KomentarRepo } from './laporan-komentar.repo';

export interface KomentarServiceDeps {
  db: Db;
  repo: KomentarRepo;
  reader: Pick<LaporanDetailReader, 'loadVisible' | 'periodeOf'>;
  audit: AuditRepo;
}

/**
 * The discussion per indicator of a report: whoever may read the report reads it; its unit and its
 * reviewers (camat, verifikator, admin) write in it, each comment marked with the role written in.
 */
// The time of a comment is the database's (like the audit log's): the order people wrote in.
export function createKomentarService({ db, repo, reader, audit }: KomentarServiceDeps) {
  async function list(actor: Actor, id: string): Promise<KomentarList> {
    const row = await reader.loadVisible(actor, id);
    const rows = await repo.list(id);
    return {
      items: rows.map(({ row: k, authorNama }) => ({
        id: k.id,
        indikatorCode: k.indikatorCode,
        peran: k.peran,
        authorNama,
        isi: k.isi,
        createdAt: k.createdAt.toISOString(),
      })),
      canComment: can(actor, 'laporan:comment', row.wilayahKode),
    };
  }

  return {
    list,

    async add(actor: Actor, id: string, code: string, body: KomentarBody, ip: string | null) {
      await db.transaction(async (tx) => {
        const row = await reader.loadVisible(actor, id, tx);
        assertCan(actor, 'laporan:comment', row.wilayahKode, 'Laporan');
        const p = await reader.periodeOf(row.periodeId, tx);
        const codes = reportedIndikator(p.framework, row.level, frequencyOfKind[row.kind]).map((i) => i.code);
        if (!codes.includes(code))
          throw new AppError('NOT_FOUND', `Indikator ${code} tidak termasuk laporan ini.`);
        // The role he writes in: for his own unit he speaks as the unit, otherwise as its reviewer.
        const peran = reportsFor(actor, row.wilayahKode)
          ? 'unit'
          : can(actor, 'laporan:verify', row.wilayahKode)
            ? 'verifikator'
            : can(actor, 'laporan:endorse', row.wilayahKode)
              ? 'camat'
              : 'admin';
        const isi = body.isi.trim();
        const k = await repo.add(
          { laporanId: id, indikatorCode: code, authorId: actor.userId, peran, isi },
          tx,
        );
        await audit.record(
          actor,
          {
            action: 'laporan.commented',
            entity: 'laporan',
            entityId: id,
            after: { indikatorCode: code, komentarId: k.id, peran, isi },
            ip,
          },
          tx,
        );
      });
      return list(actor, id);
    },
  };
}
export type KomentarService = ReturnType<typeof createKomentarService>;
