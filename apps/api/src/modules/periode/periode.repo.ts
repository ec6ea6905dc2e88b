import type { PeriodeConfig } from '@sip/contracts';
import type { Framework } from '@sip/scoring';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { periode } from '../../db/schema/periode';

export type PeriodeRow = typeof periode.$inferSelect;
export type PeriodeChanges = Partial<
  Pick<PeriodeRow, 'tahun' | 'status' | 'settings' | 'framework' | 'activatedAt' | 'closedAt' | 'announcedAt'>
>;

const byTahun = (pemdaKode: string, tahun: number, latihan: boolean) =>
  and(eq(periode.pemdaKode, pemdaKode), eq(periode.tahun, tahun), eq(periode.latihan, latihan));

export function createPeriodeRepo(db: Db) {
  return {
    /** The real periodes of the pemda, newest first. */
    async list(pemdaKode: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(periode)
        .where(and(eq(periode.pemdaKode, pemdaKode), eq(periode.latihan, false)))
        .orderBy(desc(periode.tahun));
    },

    /** The real periodes of the pemda (or its practice one) without their framework, newest first. */
    async heads(pemdaKode: string, latihan = false, tx: DbOrTx = db) {
      const { framework: _framework, ...head } = getTableColumns(periode);
      return tx
        .select(head)
        .from(periode)
        .where(and(eq(periode.pemdaKode, pemdaKode), eq(periode.latihan, latihan)))
        .orderBy(desc(periode.tahun));
    },

    async get(id: string, tx: DbOrTx = db, opts: { forUpdate?: boolean } = {}) {
      const q = tx.select().from(periode).where(eq(periode.id, id)).limit(1);
      const rows = opts.forUpdate ? await q.for('update') : await q;
      return rows[0];
    },

    /** The periode of that year without its framework (the large part): what a request needs to decide. */
    async headByTahun(pemdaKode: string, tahun: number, latihan = false, tx: DbOrTx = db) {
      const { framework: _framework, ...head } = getTableColumns(periode);
      const rows = await tx
        .select(head)
        .from(periode)
        .where(byTahun(pemdaKode, tahun, latihan))
        .limit(1);
      return rows[0];
    },

    async getByTahun(pemdaKode: string, tahun: number, latihan = false, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(periode)
        .where(byTahun(pemdaKode, tahun, latihan))
        .limit(1);
      return rows[0];
    },

    /** The practice periode of the pemda, if it has one. */
    async getLatihan(pemdaKode: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(periode)
        .where(and(eq(periode.pemdaKode, pemdaKode), eq(periode.latihan, true)))
        .limit(1);
      return rows[0];
    },

    /** Every real (not practice) periode in use, of every pemda: what the hourly rounds look at. */
    async activeAll(tx: DbOrTx = db) {
      return tx
        .select({
          id: periode.id,
          pemdaKode: periode.pemdaKode,
          tahun: periode.tahun,
          settings: periode.settings,
        })
        .from(periode)
        .where(and(eq(periode.status, 'aktif'), eq(periode.latihan, false)))
        .orderBy(periode.pemdaKode, periode.tahun);
    },

    /** The active periode of `year`; else the nearest past active one; else the nearest future one. */
    async nearestActive(pemdaKode: string, year: number, latihan = false, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(periode)
        .where(
          and(eq(periode.pemdaKode, pemdaKode), eq(periode.status, 'aktif'), eq(periode.latihan, latihan)),
        )
        .orderBy(sql`(${periode.tahun} > ${year})`, sql`abs(${periode.tahun} - ${year})`)
        .limit(1);
      return rows[0];
    },

    /** Undefined when the (pemda, tahun) already exists, or the pemda's practice periode. */
    async insert(
      values: {
        pemdaKode: string;
        tahun: number;
        settings: PeriodeConfig;
        framework: Framework;
        createdBy: string | null;
        status?: PeriodeRow['status'];
        latihan?: boolean;
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
