import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { users } from '../../db/schema/auth';
import { laporanKomentar } from '../../db/schema/laporan';

export function createKomentarRepo(db: Db) {
  return {
    /** The discussion of a report, every indicator, oldest first, with the authors' names. */
    async list(laporanId: string, tx: DbOrTx = db) {
      return tx
        .select({ row: laporanKomentar, authorNama: users.namaLengkap })
        .from(laporanKomentar)
        .leftJoin(users, eq(users.id, laporanKomentar.authorId))
        .where(eq(laporanKomentar.laporanId, laporanId))
        .orderBy(asc(laporanKomentar.createdAt), asc(laporanKomentar.id));
    },

    async add(k: typeof laporanKomentar.$inferInsert, tx: DbOrTx = db) {
      const [row] = await tx.insert(laporanKomentar).values(k).returning();
      if (!row) throw new Error('komentar not inserted');
      return row;
    },
  };
}
export type KomentarRepo = ReturnType<typeof createKomentarRepo>;
