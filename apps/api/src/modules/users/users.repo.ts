import type { Role } from '@sip/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { roleAssignments, users } from '../../db/schema/auth';

export interface NewUser {
  username: string;
  namaLengkap: string;
  nip: string | null;
  pemdaKode: string;
  passwordHash: string;
  mustChangePassword: boolean;
}

export function createUsersRepo(db: Db) {
  return {
    async findByUsername(username: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(users)
        .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
        .limit(1);
      return rows[0];
    },

    async insert(values: NewUser, tx: DbOrTx = db) {
      const rows = await tx.insert(users).values(values).returning();
      return rows[0]!;
    },

    async assignRole(
      values: { userId: string; role: Role; wilayahKode: string; createdBy: string | null },
      tx: DbOrTx = db,
    ) {
      await tx.insert(roleAssignments).values(values).onConflictDoNothing();
    },

    async setActive(userId: string, active: boolean, tx: DbOrTx = db) {
      await tx
        .update(users)
        .set({ active, updatedAt: new Date(), version: sql`${users.version} + 1` })
        .where(eq(users.id, userId));
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
