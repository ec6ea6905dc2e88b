import {
  type AuditExportQuery,
  type AuditFacets,
  type AuditPage,
  type AuditQuery,
  changedFields,
  zonaSingkatan,
} from '@sip/contracts';
import { AppError } from '../../lib/errors';
import { type Cell, type ExportFile, exportFile } from '../../lib/spreadsheet';
import { formatWaktu } from '../../lib/time';
import { type Actor, assertCan } from '../authz/authz';
import { type Jobs, ownerOf } from '../jobs/jobs.runtime';
import type { Zones } from '../pemda/pemda.zona';
import { AUDIT_EXPORT_LIMIT, type AuditRepo } from './audit.repo';

const NO_VALUE = '—';
const LONG = 200;

/** One value of a change as a person reads it: text as is, nothing as —, anything else as JSON. */
function readable(value: unknown): string {
  if (value === undefined || value === null || value === '') return NO_VALUE;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONG ? `${text.slice(0, LONG)}…` : text;
}

/** Field-level changes, one line each: "namaLengkap: Budi → Budi Santoso" (the viewer's list). */
export function readableChanges(before: unknown, after: unknown): string {
  return changedFields(before, after)
    .map((f) => `${f.field ? `${f.field}: ` : ''}${readable(f.before)} → ${readable(f.after)}`)
    .join('\n');
}

/** The audit log viewer of a pemda (admin). */
export function createAuditService({
  repo,
  zones,
  jobs,
}: {
  repo: AuditRepo;
  zones: Zones;
  jobs: Pick<Jobs, 'send'>;
}) {
  const tooMany = () =>
    new AppError(
      'VALIDATION',
      `Lebih dari ${AUDIT_EXPORT_LIMIT.toLocaleString('id-ID')} baris cocok dengan filter ini. Persempit rentang tanggal atau pilih aksi tertentu, lalu unduh lagi.`,
    );

  return {
    async facets(actor: Actor): Promise<AuditFacets> {
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      return repo.facets(actor.pemdaKode);
    },

    async list(actor: Actor, q: AuditQuery): Promise<AuditPage> {
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      const zona = await zones.zonaOf(actor.pemdaKode);
      const { rows, total } = await repo.list({ ...q, pemdaKode: actor.pemdaKode, zona });
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorUsername: r.actorUsername,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
          reason: r.reason,
          ip: r.ip,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /**
     * Starts the export of the filtered log as a background job (audit.jobs.ts) and returns its id;
     * a selection over the limit is refused at once. The same request twice gives the same job.
     */
    async startExport(actor: Actor, q: AuditExportQuery): Promise<string> {
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      const { format: _format, ...filter } = q;
      const zona = await zones.zonaOf(actor.pemdaKode);
      const { total } = await repo.list({
        ...filter,
        pemdaKode: actor.pemdaKode,
        zona,
        page: 1,
        pageSize: 1,
      });
      if (total > AUDIT_EXPORT_LIMIT) throw tooMany();
      return jobs.send('audit.export', q, {
        owner: ownerOf(actor),
        singletonKey: `${actor.userId}:${JSON.stringify(q)}`,
      });
    },

    /**
     * The filtered log as a spreadsheet a person reads: times in the pemda's zone, names next to
     * usernames and object ids, and what changed field by field instead of two JSON documents.
     */
    async export(actor: Actor, q: AuditExportQuery): Promise<ExportFile & { rows: number }> {
      assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
      const { format, ...filter } = q;
      const zona = await zones.zonaOf(actor.pemdaKode);
      const { rows, truncated } = await repo.exportRows(
        { ...filter, pemdaKode: actor.pemdaKode, zona },
        AUDIT_EXPORT_LIMIT,
      );
      if (truncated) throw tooMany();
      const header: Cell[] = [
        `Waktu (${zonaSingkatan[zona]})`,
        'Pengguna',
        'Nama pengguna',
        'Aksi',
        'Objek',
        'ID objek',
        'Nama objek',
        'Perubahan',
        'Alasan',
        'Alamat IP',
      ];
      const data: Cell[][] = rows.map(({ row, actorNama, objekNama }) => [
        formatWaktu(row.at, zona),
        row.actorUsername ?? NO_VALUE,
        actorNama ?? NO_VALUE,
        row.action,
        row.entity,
        row.entityId ?? '',
        objekNama ?? '',
        readableChanges(row.before, row.after),
        row.reason ?? '',
        row.ip ?? '',
      ]);
      const day = filter.from || filter.to ? `-${filter.from ?? ''}_${filter.to ?? ''}` : '';
      const file = exportFile(`log-audit-${actor.pemdaKode}${day}`, format, [
        { name: 'Log audit', rows: [header, ...data] },
      ]);
      return { ...file, rows: data.length };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
