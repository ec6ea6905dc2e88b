import type { z } from 'zod';
import type { ExportFile } from '../../lib/spreadsheet';
import type { Actor } from '../authz/authz';
import type { JobActors } from './jobs.actors';
import { fileOf, type JobFiles, type JobResult } from './jobs.files';
import { type JobContext, type JobDefinition, PermanentJobError } from './jobs.runtime';

/** Reports a share of the work done, in percent of the whole job, with a label. */
export type Progress = (percent: number, label: string) => Promise<void>;

/**
 * An export as a job: it runs with the rights of the person who asked (as they are now), builds the
 * file, stores it (jobs.files.ts) and notes the stored file in the job before finishing, so a run
 * killed after storing resumes from the note instead of building it again, and a run that lost the
 * job to another removes its file.
 */
export function exportJob<D extends object>({
  name,
  data,
  files,
  actors,
  build,
}: {
  name: string;
  data: z.ZodType<D>;
  files: JobFiles;
  actors: JobActors;
  build(actor: Actor, data: D, progress: Progress): Promise<{ file: ExportFile; rows?: number }>;
}): JobDefinition<D, JobResult> {
  return {
    name,
    data,
    attempts: 3,
    timeoutSeconds: 30 * 60,
    async run(ctx: JobContext<D>) {
      const done = ctx.checkpoint as JobResult | null;
      if (fileOf(done)) return done as JobResult;
      if (!ctx.owner) throw new PermanentJobError('Ekspor tanpa pemilik tidak dijalankan.');
      // Mode latihan (a practice periode) is part of what the person asked for.
      const latihan = (ctx.data as { latihan?: unknown }).latihan === true;
      const actor = await actors.load(ctx.owner, ctx.id, { latihan });
      await ctx.progress(5, 'Membaca data');
      const { file, rows } = await build(actor, ctx.data, ctx.progress);
      await ctx.progress(90, 'Menyimpan berkas');
      const result: JobResult = {
        file: await files.store(file),
        ...(rows === undefined ? {} : { counts: { baris: rows } }),
      };
      try {
        await ctx.saveCheckpoint(result);
      } catch (err) {
        await files.remove(result.file);
        throw err;
      }
      return result;
    },
    async discard(result, current) {
      const kept = [fileOf(current.checkpoint)?.key, fileOf(current.result)?.key];
      if (result.file && !kept.includes(result.file.key)) await files.remove(result.file);
    },
  };
}
