import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { JobResult } from '../jobs/jobs.files';
import type { JobDefinition } from '../jobs/jobs.runtime';

/** How many months ahead the monthly partitions of `aktivitas` are made. */
export const PARTISI_KE_DEPAN = 12;

/**
 * Makes the coming months' partitions of `aktivitas` (migration 0022, `sip_aktivitas_partisi`) while
 * their ranges are still empty, so a month's logs never land in the default partition. Daily; a run
 * that finds them all made makes nothing.
 */
export function aktivitasPartisiJob({
  db,
  clock,
}: {
  db: Db;
  clock: { now(): Date };
}): JobDefinition<Record<string, never>, JobResult> {
  return {
    name: 'aktivitas.partisi',
    data: z.object({}).strict(),
    attempts: 3,
    async run() {
      const from = clock.now().toISOString().slice(0, 10);
      const res = (await db.execute(
        sql`select sip_aktivitas_partisi(${from}::date, ${PARTISI_KE_DEPAN}) as dibuat`,
      )) as unknown as { rows: { dibuat: number }[] };
      return { counts: { partisi: res.rows[0]?.dibuat ?? 0 } };
    },
  };
}
