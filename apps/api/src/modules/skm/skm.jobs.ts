import { skmExportBodySchema, wilayahKodeSchema } from '@sip/contracts';
import type { z } from 'zod';
import type { Actor } from '../authz/authz';
import type { JobActors } from '../jobs/jobs.actors';
import { exportJob } from '../jobs/jobs.export';
import type { JobFiles } from '../jobs/jobs.files';
import { type Jobs, ownerOf } from '../jobs/jobs.runtime';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { SkmService } from './skm.service';
import { createSkmUnits } from './skm.units';

const skmExportDataSchema = skmExportBodySchema.extend({ kode: wilayahKodeSchema });
type SkmExportData = z.infer<typeof skmExportDataSchema>;

/**
 * The SKM responses of a unit (a kecamatan: all its kelurahan) as a file. A busy office collects
 * thousands a year: the export runs as a job, and whoever may read the unit's IKM may start it.
 */
export function createSkmExports({
  wilayah,
  jobs,
}: {
  wilayah: Pick<WilayahRepo, 'get'>;
  jobs: Pick<Jobs, 'send'>;
}) {
  const { reportable } = createSkmUnits(wilayah);
  return {
    async start(actor: Actor, kode: string, q: z.infer<typeof skmExportBodySchema>): Promise<string> {
      await reportable(actor, kode);
      const data: SkmExportData = { kode, ...q };
      return jobs.send('skm.export', data, {
        owner: ownerOf(actor),
        singletonKey: `${actor.userId}:${JSON.stringify(data)}`,
      });
    },
    /** Whoever may still read the unit's IKM takes the file away. */
    async mayDownload(actor: Actor, data: unknown) {
      await reportable(actor, skmExportDataSchema.parse(data).kode);
    },
  };
}
export type SkmExports = ReturnType<typeof createSkmExports>;

export function skmExportJob(deps: { skm: Pick<SkmService, 'export'>; files: JobFiles; actors: JobActors }) {
  return exportJob({
    name: 'skm.export',
    data: skmExportDataSchema,
    files: deps.files,
    actors: deps.actors,
    async build(actor, { kode, tahun, semester, format }, progress) {
      await progress(10, 'Membaca jawaban survei');
      const file = await deps.skm.export(actor, kode, { tahun, semester, format });
      return { file };
    },
  });
}
