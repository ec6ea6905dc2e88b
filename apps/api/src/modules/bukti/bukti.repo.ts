import type { Evidence } from '@sip/contracts';
import { asc, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { users } from '../../db/schema/auth';
import { evidence } from '../../db/schema/laporan';

export type BuktiRow = typeof evidence.$inferSelect;

/** The bukti dukung (evidence files) of report entries. */
export function createBuktiRepo(db: Db) {
  return {
    async insert(values: typeof evidence.$inferInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(evidence).values(values).returning();
      return rows[0]!;
    },

    async get(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(evidence).where(eq(evidence.id, id)).limit(1);
      return rows[0];
    },

    async delete(id: string, tx: DbOrTx = db) {
      await tx.delete(evidence).where(eq(evidence.id, id));
    },

    /** The files of a report, oldest first, with the uploader's name. */
    async listFor(laporanId: string, tx: DbOrTx = db): Promise<Evidence[]> {
      const rows = await tx
        .select({
          id: evidence.id,
          indikatorCode: evidence.indikatorCode,
          originalName: evidence.originalName,
          mime: evidence.mime,
          size: evidence.size,
          sha256: evidence.sha256,
          uploadedBy: users.namaLengkap,
          uploadedAt: evidence.uploadedAt,
        })
        .from(evidence)
        .leftJoin(users, eq(users.id, evidence.uploadedBy))
        .where(eq(evidence.laporanId, laporanId))
        .orderBy(asc(evidence.uploadedAt));
      return rows.map((e) => ({
        ...e,
        uploadedBy: e.uploadedBy ?? null,
        uploadedAt: e.uploadedAt.toISOString(),
      }));
    },

    /** How many files each indicator of a report has. */
    async countsFor(laporanId: string, tx: DbOrTx = db): Promise<Map<string, number>> {
      const rows = await tx
        .select({ code: evidence.indikatorCode, n: count() })
        .from(evidence)
        .where(eq(evidence.laporanId, laporanId))
        .groupBy(evidence.indikatorCode);
      return new Map(rows.map((r) => [r.code, r.n]));
    },
  };
}
export type BuktiRepo = ReturnType<typeof createBuktiRepo>;
