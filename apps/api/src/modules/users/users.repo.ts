import type { Role } from '@sip/contracts';
import { and, asc, count, desc, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { roleAssignments, users } from '../../db/schema/auth';
import { wilayah } from '../../db/schema/wilayah';
import { withinWilayah } from '../../lib/sql';

export interface NewUser {
  username: string;
  namaLengkap: string;
  nip: string | null;
  pemdaKode: string;
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface UserListFilter {
  pemdaKode: string;
  q?: string | undefined;
  status: 'semua' | 'aktif' | 'nonaktif' | 'terkunci';
  /** With status `terkunci`: the accounts that are locked now. */
  lockedIds?: string[] | undefined;
  role?: Role | undefined;
  sort: 'username' | 'namaLengkap' | 'nip' | 'createdAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function createUsersRepo(db: Db) {
  return {
    async findById(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0];
    },

    async findByNip(nip: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(users).where(eq(users.nip, nip)).limit(1);
      return rows[0];
    },

    async existingUsernames(usernames: string[], tx: DbOrTx = db) {
      if (usernames.length === 0) return [];
      const rows = await tx
        .select({ username: users.username })
        .from(users)
        .where(
          inArray(
            sql`lower(${users.username})`,
            usernames.map((u) => u.toLowerCase()),
          ),
        );
      return rows.map((r) => r.username.toLowerCase());
    },

    async existingNips(nips: string[], tx: DbOrTx = db) {
      if (nips.length === 0) return [];
      const rows = await tx.select({ nip: users.nip }).from(users).where(inArray(users.nip, nips));
      return rows.map((r) => r.nip as string);
    },

    /** A page of a pemda's users, filtered and sorted in the database. */
    async list(f: UserListFilter, tx: DbOrTx = db) {
      const where: (SQL | undefined)[] = [eq(users.pemdaKode, f.pemdaKode)];
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(or(ilike(users.username, like), ilike(users.namaLengkap, like), ilike(users.nip, like)));
      }
      if (f.status === 'aktif') where.push(eq(users.active, true));
      if (f.status === 'nonaktif') where.push(eq(users.active, false));
      if (f.status === 'terkunci') where.push(inArray(users.id, f.lockedIds ?? []));
      if (f.role) {
        where.push(
          exists(
            tx
              .select({ one: sql`1` })
              .from(roleAssignments)
              .where(and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, f.role))),
          ),
        );
      }
      const cond = and(...where);
      const column = {
        username: users.username,
        namaLengkap: users.namaLengkap,
        nip: users.nip,
        createdAt: users.createdAt,
      }[f.sort];
      const dir = f.order === 'desc' ? desc : asc;
      const [rows, totals] = await Promise.all([
        tx
          .select()
          .from(users)
          .where(cond)
          .orderBy(dir(column), asc(users.id))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        tx.select({ n: count() }).from(users).where(cond),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },

    async allOfPemda(pemdaKode: string, tx: DbOrTx = db) {
      return tx.select().from(users).where(eq(users.pemdaKode, pemdaKode)).orderBy(asc(users.username));
    },

    /** Role assignments of many users, with the wilayah name, in one query. */
    async rolesOf(userIds: string[], tx: DbOrTx = db) {
      if (userIds.length === 0) return [];
      return tx
        .select({
          id: roleAssignments.id,
          userId: roleAssignments.userId,
          role: roleAssignments.role,
          wilayahKode: roleAssignments.wilayahKode,
          wilayahNama: wilayah.nama,
        })
        .from(roleAssignments)
        .innerJoin(wilayah, eq(wilayah.kode, roleAssignments.wilayahKode))
        .where(inArray(roleAssignments.userId, userIds))
        .orderBy(roleAssignments.role, roleAssignments.wilayahKode);
    },

    /**
     * The camat and lurah on record (active accounts holding that role) of the units at or under
     * `scope`, oldest assignment first (so the most recent one of a unit comes last).
     */
    async officials(scope: string, tx: DbOrTx = db) {
      return tx
        .select({ kode: roleAssignments.wilayahKode, role: roleAssignments.role, nama: users.namaLengkap })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(users.active, true),
            inArray(roleAssignments.role, ['camat', 'lurah']),
            withinWilayah(roleAssignments.wilayahKode, [scope]),
          ),
        )
        .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
    },

    /**
     * Active people with `role` on the unit or a wilayah above it (a camat on its kecamatan, a
     * verifikator on the pemda), leaving out whoever reports for the unit itself: who reviews it.
     */
    async reviewersOf(kode: string, role: 'camat' | 'verifikator', tx: DbOrTx = db) {
      const parts = kode.split('.');
      const above = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
      const [candidates, reporters] = await Promise.all([
        tx
          .selectDistinct({ id: users.id })
          .from(roleAssignments)
          .innerJoin(users, eq(users.id, roleAssignments.userId))
          .where(
            and(
              inArray(roleAssignments.wilayahKode, above),
              eq(roleAssignments.role, role),
              eq(users.active, true),
            ),
          ),
        this.reportersOf(kode, tx),
      ]);
      const own = new Set(reporters.map((r) => r.id));
      return candidates.filter((c) => !own.has(c.id));
    },

    /** Active people who report for a unit (its camat or lurah, its operators): they hear about its reports. */
    async reportersOf(kode: string, tx: DbOrTx = db) {
      return tx
        .selectDistinct({ id: users.id })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(roleAssignments.wilayahKode, kode),
            inArray(roleAssignments.role, ['camat', 'lurah', 'operator']),
            eq(users.active, true),
          ),
        );
    },

    async removeRole(userId: string, role: Role, wilayahKode: string, tx: DbOrTx = db) {
      await tx
        .delete(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, userId),
            eq(roleAssignments.role, role),
            eq(roleAssignments.wilayahKode, wilayahKode),
          ),
        );
    },

    /** Writes only if nobody changed the user since `expectedVersion` was read; undefined when stale. */
    async update(
      id: string,
      expectedVersion: number,
      values: Partial<{
        namaLengkap: string;
        nip: string | null;
        active: boolean;
        passwordHash: string;
        mustChangePassword: boolean;
      }>,
      now: Date,
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .update(users)
        .set({ ...values, updatedAt: now, version: sql`${users.version} + 1` })
        .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
        .returning();
      return rows[0];
    },

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
