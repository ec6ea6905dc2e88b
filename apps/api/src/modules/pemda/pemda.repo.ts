import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { pemdaBantuan, pemdaSetting } from '../../db/schema/pemda';

export interface BantuanValues {
  nama: string;
  telepon: string;
  whatsapp: string;
  email: string;
  jamLayanan: string;
  alamat: string;
}

export function createPemdaRepo(db: Db) {
  return {
    async getBantuan(pemdaKode: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(pemdaBantuan).where(eq(pemdaBantuan.pemdaKode, pemdaKode)).limit(1);
      return rows[0];
    },

    /** Writes only if nobody changed it since `expectedVersion` was read; undefined when stale. */
    async saveBantuan(
      pemdaKode: string,
      values: BantuanValues,
      expectedVersion: number,
      by: string,
      now: Date,
      tx: DbOrTx = db,
    ) {
      if (expectedVersion === 0) {
        const inserted = await tx
          .insert(pemdaBantuan)
          .values({ pemdaKode, ...values, version: 1, updatedAt: now, updatedBy: by })
          .onConflictDoNothing()
          .returning();
        return inserted[0];
      }
      const rows = await tx
        .update(pemdaBantuan)
        .set({ ...values, version: sql`${pemdaBantuan.version} + 1`, updatedAt: now, updatedBy: by })
        .where(and(eq(pemdaBantuan.pemdaKode, pemdaKode), eq(pemdaBantuan.version, expectedVersion)))
        .returning();
      return rows[0];
    },

    async getSetting(pemdaKode: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(pemdaSetting).where(eq(pemdaSetting.pemdaKode, pemdaKode)).limit(1);
      return rows[0];
    },

    /** Writes the zone only if nobody changed it since `expectedVersion` was read; undefined when stale. */
    async saveZona(
      pemdaKode: string,
      zona: string,
      expectedVersion: number,
      by: string,
      now: Date,
      tx: DbOrTx = db,
    ) {
      if (expectedVersion === 0) {
        const inserted = await tx
          .insert(pemdaSetting)
          .values({ pemdaKode, zona, version: 1, updatedAt: now, updatedBy: by })
          .onConflictDoNothing()
          .returning();
        return inserted[0];
      }
      const rows = await tx
        .update(pemdaSetting)
        .set({ zona, version: sql`${pemdaSetting.version} + 1`, updatedAt: now, updatedBy: by })
        .where(and(eq(pemdaSetting.pemdaKode, pemdaKode), eq(pemdaSetting.version, expectedVersion)))
        .returning();
      return rows[0];
    },
  };
}
export type PemdaRepo = ReturnType<typeof createPemdaRepo>;
