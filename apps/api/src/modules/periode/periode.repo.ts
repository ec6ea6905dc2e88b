import type { PeriodeConfig } from '@sip/contracts';
import type { Framework } from '@sip/scoring';
import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { periode } from '../../db/schema/periode';

export type PeriodeRow = typeof periode.$inferSelect;
export type PeriodeChanges = Partial<
  Pick<PeriodeRow, 'status' | 'settings' | 'framework' | 'activatedAt' | 'closedAt' | 'announcedAt'>
>;

export function createPeriodeRepo(db: Db) {
  return {
    async list(pemdaKode: string, tx: DbOrTx = db) {
      return tx.select().from(periode).where(eq(periode.pemdaKode, pemdaKode)).orderBy(desc(periode.tahun));
    },

    /** Every periode of the pemda without its framework, newest first. */
    async heads(pemdaKode: string, tx: DbOrTx = db) {
      const { framework: _framework, ...head } = getTableColumns(periode);
      return tx
        .select(head)
        .from(periode)
        .where(eq(periode.pemdaKode, pemdaKode))
        .orderBy(desc(periode.tahun));
    },

    async get(id: string, tx: DbOrTx = db, opts: { forUpdate?: boolean } = {}) {
      const q = tx.select().from(periode).where(eq(periode.id, id)).limit(1);
      const rows = opts.forUpdate ? await q.for('update') : await q;
      return rows[0];
    },

    /** The periode of that year without its framework (the large part): what a request needs to decide. */
    async headByTahun(pemdaKode: string, tahun: number, tx: DbOrTx = db) {
      const { framework: _framework, ...head } = getTableColumns(periode);
      const rows = await tx
        .select(head)
        .from(periode)
        .where(and(eq(periode.pemdaKode, pemdaKode), eq(periode.tahun, tahun)))
        .limit(1);
      return rows[0];
    },

    async getByTahun(pemdaKode: string, tahun: number, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(periode)
        .where(and(eq(periode.pemdaKode, pemdaKode), eq(periode.tahun, tahun)))
        .limit(1);
      return rows[0];
    },

    /** The active periode of `year`; else the nearest past active one; else the nearest future one. */
    async nearestActive(pemdaKode: string, year: number, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(periode)
        .where(and(eq(periode.pemdaKode, pemdaKode), eq(periode.status, 'aktif')))
        .orderBy(sql`(${periode.tahun} > ${year})`, sql`abs(${periode.tahun} - ${year})`)
        .limit(1);
      return rows[0];
    },

    async latest(pemdaKode: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(periode)
        .where(eq(periode.pemdaKode, pemdaKode))
        .orderBy(desc(periode.tahun), asc(periode.createdAt))
        .limit(1);
      return rows[0];
    },

    /** Undefined when the (pemda, tahun) already exists. */
    async insert(
      values: {
        pemdaKode: string;
        tahun: number;
        settings: PeriodeConfig;
        framework: Framework;
        createdBy: string | null;
        status?: PeriodeRow['status'];
        activatedAt?: Date | null;
      },
      now: Date,
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .insert(periode)
        .values({ ...values, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      return rows[0];
    },

    /** Writes only if nobody changed the periode since `expectedVersion` was read; undefined when stale. */
    async update(id: string, expectedVersion: number, changes: PeriodeChanges, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(periode)
        .set({ ...changes, updatedAt: now, version: sql`${periode.version} + 1` })
        .where(and(eq(periode.id, id), eq(periode.version, expectedVersion)))
        .returning();
      return rows[0];
    },
  };
}
export type PeriodeRepo = ReturnType<typeof createPeriodeRepo>;
