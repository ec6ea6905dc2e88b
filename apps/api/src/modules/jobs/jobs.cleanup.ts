import { z } from 'zod';
import { fileOf, type JobFiles, type JobResult } from './jobs.files';
import type { JobsRepo } from './jobs.repo';
import type { JobDefinition } from './jobs.runtime';

/** Finished jobs, and the files they made (exports, temporary passwords), are kept this many days. */
export const JOB_RETENTION_DAYS = 7;

/**
 * The nightly clean-up: finished jobs older than JOB_RETENTION_DAYS go, their files first (a file
 * whose row is gone could never be found again). Run again, it finds less to do.
 */
export function jobsCleanupJob({
  repo,
  files,
}: {
  repo: Pick<JobsRepo, 'finishedBefore' | 'remove'>;
  files: Pick<JobFiles, 'remove'>;
}): JobDefinition<Record<string, never>, JobResult> {
  return {
    name: 'jobs.cleanup',
    data: z.object({}).strict(),
    attempts: 3,
    async run(ctx) {
      let jobs = 0;
      let removedFiles = 0;
      for (;;) {
        const batch = await repo.finishedBefore(JOB_RETENTION_DAYS, 200);
        if (batch.length === 0) break;
        for (const j of batch) {
          const made = new Map(
            [fileOf(j.result), fileOf(j.checkpoint)].flatMap((f) => (f ? [[f.key, f] as const] : [])),
          );
          for (const file of made.values()) {
            await files.remove(file);
            removedFiles++;
          }
          await repo.remove(j.id);
          jobs++;
        }
        await ctx.progress(50, `${jobs} pekerjaan lama dihapus`);
      }
      return { counts: { pekerjaan: jobs, berkas: removedFiles } };
    },
  };
}
