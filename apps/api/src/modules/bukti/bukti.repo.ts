import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { evidence } from '../../db/schema/laporan';

export type EvidenceRow = typeof evidence.$inferSelect;

export function createEvidenceRepo(db: Db) {
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
  };
}
export type EvidenceRepo = ReturnType<typeof createEvidenceRepo>;
