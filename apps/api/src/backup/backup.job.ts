import { mkdir, rename, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { Config } from '../config/env';
import type { Database } from '../db/client';
import type { Clock } from '../lib/clock';
import type { FileStorage } from '../lib/storage/storage';
import type { JobResult } from '../modules/jobs/jobs.files';
import { type JobDefinition, PermanentJobError } from '../modules/jobs/jobs.runtime';
import { backupFileIn, pruneBackups, writeBackup } from './backup';

/**
 * The scheduled backup (BACKUP_DIR, BACKUP_CRON, BACKUP_KEEP): the same archive as `cli backup`,
 * written as `<name>.part` and renamed when whole, so a run killed midway leaves no archive that
 * counts; its retry writes the same name again (the checkpoint keeps it). Then the oldest archives
 * beyond BACKUP_KEEP go. pg-boss sends each cron tick once, whatever the number of instances.
 */
export function scheduledBackupJob({
  database,
  storage,
  settings,
  clock,
}: {
  database: Database;
  storage: FileStorage;
  settings: Config['backup'];
  clock: Clock;
}): JobDefinition<Record<string, never>, JobResult> {
  return {
    name: 'backup.scheduled',
    data: z.object({}).strict(),
    attempts: 3,
    retryDelaySeconds: 60,
    timeoutSeconds: 2 * 60 * 60,
    async run(ctx) {
      if (!settings) throw new PermanentJobError('Cadangan terjadwal tidak diatur: BACKUP_DIR kosong.');
      const saved = (ctx.checkpoint as { archive?: string } | null)?.archive;
      const archive = saved ?? backupFileIn(settings.dir, clock.now());
      if (!saved) await ctx.saveCheckpoint({ archive });
      await mkdir(settings.dir, { recursive: true });
      const part = `${archive}.part`;
      await ctx.progress(5, 'Membaca basis data');
      try {
        let tables = 0;
        const manifest = await writeBackup(database, storage, part, () => {
          tables++;
          void ctx.progress(Math.min(80, 5 + tables), 'Menyalin tabel');
        });
        await ctx.progress(90, 'Menyimpan arsip');
        await rename(part, archive);
        const removed = await pruneBackups(settings.dir, settings.keep);
        return {
          counts: {
            baris: Object.values(manifest.tables).reduce((n, c) => n + c, 0),
            berkas: manifest.files,
            arsip: removed.length,
          },
        };
      } finally {
        await rm(part, { force: true });
      }
    },
  };
}
