import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { raporPublikasi } from '../../db/schema/rapor';

export type PublikasiRow = typeof raporPublikasi.$inferSelect;
export type PublikasiInsert = typeof raporPublikasi.$inferInsert;

/** The published snapshots of periodes (rapor_publikasi). */
export function createRaporRepo(db: Db) {
  return {
    async publications(periodeId: string, tx: DbOrTx = db) {
      return tx
        .select({
          revision: raporPublikasi.revision,
          reason: raporPublikasi.reason,
          formulaVersion: raporPublikasi.formulaVersion,
          publishedAt: raporPublikasi.publishedAt,
          publishedByName: raporPublikasi.publishedByName,
          skmResponses: sql<number | null>`(${raporPublikasi.results} ->> 'skmResponses')::int`,
        })
        .from(raporPublikasi)
        .where(eq(raporPublikasi.periodeId, periodeId))
        .orderBy(asc(raporPublikasi.revision));
    },

    async latestPublication(periodeId: string, tx: DbOrTx = db): Promise<PublikasiRow | undefined> {
      const rows = await tx
        .select()
        .from(raporPublikasi)
        .where(eq(raporPublikasi.periodeId, periodeId))
        .orderBy(desc(raporPublikasi.revision))
        .limit(1);
      return rows[0];
    },

    async latestRevision(periodeId: string, tx: DbOrTx = db): Promise<number> {
      const rows = await tx
        .select({ n: sql<number>`coalesce(max(${raporPublikasi.revision}), 0)::int` })
        .from(raporPublikasi)
        .where(eq(raporPublikasi.periodeId, periodeId));
      return Number(rows[0]?.n ?? 0);
    },

    async insertPublication(row: PublikasiInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(raporPublikasi).values(row).returning({ id: raporPublikasi.id });
      return rows[0];
    },
  };
}
export type RaporRepo = ReturnType<typeof createRaporRepo>;
