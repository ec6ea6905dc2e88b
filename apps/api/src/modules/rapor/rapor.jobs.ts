import { z } from 'zod';
import type { Actor } from '../authz/authz';
import type { JobActors } from '../jobs/jobs.actors';
import { exportJob } from '../jobs/jobs.export';
import type { JobFiles, JobResult } from '../jobs/jobs.files';
import type { JobDefinition } from '../jobs/jobs.runtime';
import type { PeriodeService } from '../periode/periode.service';
import { allRaporExport } from './rapor.export';
import type { RaporService } from './rapor.service';
import type { RaporViews } from './rapor.views';

const raporExportDataSchema = z.object({
  tahun: z.number().int().min(2000).max(2100),
  format: z.enum(['csv', 'xlsx']),
  latihan: z.boolean().default(false),
});

/** Every unit's rapor of a year in one file, read unit by unit with the rights of who asked. */
export function raporExportJob(deps: {
  rapor: Pick<RaporService, 'allForExport'>;
  files: JobFiles;
  actors: JobActors;
}) {
  return exportJob({
    name: 'rapor.export',
    data: raporExportDataSchema,
    files: deps.files,
    actors: deps.actors,
    async build(actor, { tahun, format }, progress) {
      const all = await deps.rapor.allForExport(actor, tahun, (done, of) =>
        progress(5 + (80 * done) / of, `Rapor ${done} dari ${of} unit`),
      );
      await progress(85, 'Menyusun berkas');
      const file = allRaporExport({ ...all, format });
      return { file, rows: file.rows };
    },
  });
}

/** Who may still take the export away: whoever may still read every rapor of that year. */
export const raporExportAccess =
  (rapor: Pick<RaporService, 'assertMayExport'>) => async (actor: Actor, data: unknown) => {
    const { tahun, latihan } = raporExportDataSchema.parse(data);
    await rapor.assertMayExport(latihan ? { ...actor, latihan: true } : actor, tahun);
  };

/**
 * The running rapor of a periode computed now, in the background: after a month closes every unit
 * counts one more month due, so every unit is computed again; done here, the first person to open a
 * rapor that morning does not wait for it (on the instance that ran the job; another instance
 * computes on its first request, as it always did). Nothing is written: the running rapor is derived
 * from verified data and only ever cached.
 */
export function raporRecomputeJob({
  views,
  periode,
}: {
  views: Pick<RaporViews, 'runningView'>;
  periode: Pick<PeriodeService, 'getPeriodeHead'>;
}): JobDefinition<{ pemdaKode: string; tahun: number }, JobResult> {
  return {
    name: 'rapor.recompute',
    data: z.object({ pemdaKode: z.string().regex(/^\d{2}\.\d{2}$/), tahun: z.number().int() }),
    attempts: 2,
    timeoutSeconds: 15 * 60,
    async run(ctx): Promise<JobResult> {
      const head = await periode.getPeriodeHead(ctx.data.pemdaKode, ctx.data.tahun);
      if (head?.status !== 'aktif') return { counts: { unit: 0 } };
      await ctx.progress(10, `Menghitung rapor ${head.tahun}`);
      const view = await views.runningView(head);
      return { counts: { unit: view.units.size, jatuhTempo: view.monthsDue } };
    },
  };
}
