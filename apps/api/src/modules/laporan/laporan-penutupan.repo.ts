import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { laporan } from '../../db/schema/laporan';
import { penutupanBulan } from '../../db/schema/penutupan';
import type { MonthFigures } from './laporan-penutupan';

export function createPenutupanRepo(db: Db) {
  return {
    async closedMonths(periodeId: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ bulan: penutupanBulan.bulan })
        .from(penutupanBulan)
        .where(eq(penutupanBulan.periodeId, periodeId));
      return rows.map((r) => r.bulan);
    },

    /** The monthly reports of a month and when each was first submitted. */
    async submissions(periodeId: string, bulan: number, tx: DbOrTx = db) {
      return tx
        .select({ wilayahKode: laporan.wilayahKode, firstSubmittedAt: laporan.firstSubmittedAt })
        .from(laporan)
        .where(and(eq(laporan.periodeId, periodeId), eq(laporan.kind, 'bulanan'), eq(laporan.bulan, bulan)));
    },

    /** Records the month closed; false when it already was (another instance, an earlier run). */
    async close(
      row: { periodeId: string; bulan: number; dueAt: Date } & MonthFigures,
      tx: DbOrTx = db,
    ): Promise<boolean> {
      const inserted = await tx
        .insert(penutupanBulan)
        .values(row)
        .onConflictDoNothing()
        .returning({ bulan: penutupanBulan.bulan });
      return inserted.length > 0;
    },

    async list(periodeId: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(penutupanBulan)
        .where(eq(penutupanBulan.periodeId, periodeId))
        .orderBy(asc(penutupanBulan.bulan));
    },
  };
}
export type PenutupanRepo = ReturnType<typeof createPenutupanRepo>;
