import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { unitProfiles } from '../../db/schema/wilayah';

export type UnitProfileRow = typeof unitProfiles.$inferSelect;
export interface ProfileValues {
  alamatKantor: string;
  telepon: string;
  email: string;
  jamPelayanan: string;
}

export function createUnitRepo(db: Db) {
  return {
    async getProfile(kode: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(unitProfiles).where(eq(unitProfiles.wilayahKode, kode)).limit(1);
      return rows[0];
    },

    /**
     * Writes the profile only if nobody changed it since `expectedVersion` was read;
     * returns undefined when the version is stale.
     */
    async saveProfile(
      kode: string,
      values: ProfileValues,
      expectedVersion: number,
      by: string,
      now: Date,
      tx: DbOrTx = db,
    ) {
      if (expectedVersion === 0) {
        const inserted = await tx
          .insert(unitProfiles)
          .values({ wilayahKode: kode, ...values, version: 1, updatedAt: now, updatedBy: by })
          .onConflictDoNothing()
          .returning();
        return inserted[0];
      }
      const rows = await tx
        .update(unitProfiles)
        .set({ ...values, version: sql`${unitProfiles.version} + 1`, updatedAt: now, updatedBy: by })
        .where(and(eq(unitProfiles.wilayahKode, kode), eq(unitProfiles.version, expectedVersion)))
        .returning();
      return rows[0];
    },
  };
}
export type UnitRepo = ReturnType<typeof createUnitRepo>;
