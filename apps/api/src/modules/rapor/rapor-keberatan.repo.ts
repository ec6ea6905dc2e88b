import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { raporKeberatan } from '../../db/schema/rapor';
import { wilayah } from '../../db/schema/wilayah';

export type KeberatanRow = typeof raporKeberatan.$inferSelect & { wilayahNama: string };
type NewKeberatan = typeof raporKeberatan.$inferInsert;
type Decision = Pick<NewKeberatan, 'status' | 'keputusan' | 'decidedBy' | 'decidedByName' | 'decidedAt'>;

const columns = { k: raporKeberatan, wilayahNama: wilayah.nama };
const flat = (r: { k: typeof raporKeberatan.$inferSelect; wilayahNama: string }): KeberatanRow => ({
  ...r.k,
  wilayahNama: r.wilayahNama,
});

/** The objections (keberatan) to rapor of a periode, with their unit's name. */
export function createKeberatanRepo(db: Db) {
  return {
    async list(periodeId: string, tx: DbOrTx = db): Promise<KeberatanRow[]> {
      const rows = await tx
        .select(columns)
        .from(raporKeberatan)
        .innerJoin(wilayah, eq(wilayah.kode, raporKeberatan.wilayahKode))
        .where(eq(raporKeberatan.periodeId, periodeId))
        .orderBy(asc(raporKeberatan.filedAt));
      return rows.map(flat);
    },

    async openCount(periodeId: string, tx: DbOrTx = db): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(raporKeberatan)
        .where(and(eq(raporKeberatan.periodeId, periodeId), eq(raporKeberatan.status, 'diajukan')));
      return row?.n ?? 0;
    },

    async insert(values: NewKeberatan, tx: DbOrTx = db): Promise<KeberatanRow> {
      const [row] = await tx.insert(raporKeberatan).values(values).returning();
      const [w] = await tx
        .select({ nama: wilayah.nama })
        .from(wilayah)
        .where(eq(wilayah.kode, values.wilayahKode));
      return { ...row!, wilayahNama: w?.nama ?? values.wilayahKode };
    },

    /** One objection of the periode, locked until the transaction ends. */
    async lock(id: string, periodeId: string, tx: DbOrTx): Promise<KeberatanRow | undefined> {
      const [row] = await tx
        .select(columns)
        .from(raporKeberatan)
        .innerJoin(wilayah, eq(wilayah.kode, raporKeberatan.wilayahKode))
        .where(and(eq(raporKeberatan.id, id), eq(raporKeberatan.periodeId, periodeId)))
        .for('update', { of: raporKeberatan });
      return row && flat(row);
    },

    async decide(id: string, decision: Decision, tx: DbOrTx): Promise<typeof raporKeberatan.$inferSelect> {
      const [row] = await tx
        .update(raporKeberatan)
        .set({ ...decision, version: sql`${raporKeberatan.version} + 1` })
        .where(eq(raporKeberatan.id, id))
        .returning();
      return row!;
    },
  };
}
export type KeberatanRepo = ReturnType<typeof createKeberatanRepo>;
