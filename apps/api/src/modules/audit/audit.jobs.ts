import { auditExportQuerySchema } from '@sip/contracts';
import { type Actor, assertCan } from '../authz/authz';
import type { JobActors } from '../jobs/jobs.actors';
import { exportJob } from '../jobs/jobs.export';
import type { JobFiles } from '../jobs/jobs.files';
import type { AuditService } from './audit.service';

/** The filtered audit log as a file (up to AUDIT_EXPORT_LIMIT rows), made in the background. */
export function auditExportJob(deps: {
  audit: Pick<AuditService, 'export'>;
  files: JobFiles;
  actors: JobActors;
}) {
  return exportJob({
    name: 'audit.export',
    data: auditExportQuerySchema,
    files: deps.files,
    actors: deps.actors,
    async build(actor, q, progress) {
      await progress(10, 'Membaca log audit');
      const file = await deps.audit.export(actor, q);
      return { file, rows: file.rows };
    },
  });
}

/** Who may still take the file away: whoever may read the log. */
export const auditExportAccess = (actor: Actor) =>
  assertCan(actor, 'audit:read', actor.pemdaKode, 'Log audit');
