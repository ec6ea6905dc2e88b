import { and, asc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client';
import { wilayah } from '../../db/schema/wilayah';
import { escapeLike } from '../../lib/sql';

export type WilayahRow = typeof wilayah.$inferSelect;
export type WilayahInsert = typeof wilayah.$inferInsert;

const columns = {
  kode: wilayah.kode,
  nama: wilayah.nama,
  level: wilayah.level,
  indukKode: wilayah.indukKode,
  jumlahAnak: wilayah.jumlahAnak,
};

export function createWilayahRepo(db: Db) {
  return {
    async get(kode: string, tx: DbOrTx = db) {
      const rows = await tx.select(columns).from(wilayah).where(eq(wilayah.kode, kode)).limit(1);
      return rows[0];
    },

    async getMany(kodes: string[], tx: DbOrTx = db) {
      if (kodes.length === 0) return [];
      return tx.select(columns).from(wilayah).where(inArray(wilayah.kode, kodes));
    },

    /** The kecamatan and kelurahan/desa of a pemda (the assessed units), by code. */
    async unitsOf(pemdaKode: string, tx: DbOrTx = db) {
      return tx
        .select({ kode: wilayah.kode, nama: wilayah.nama, level: wilayah.level })
        .from(wilayah)
        .where(
          and(
            like(wilayah.kode, `${escapeLike(pemdaKode)}.%`),
            inArray(wilayah.level, ['kecamatan', 'kelurahan_desa']),
          ),
        )
        .orderBy(asc(wilayah.kode));
    },

    async children(kode: string | null, tx: DbOrTx = db) {
      return tx
        .select(columns)
        .from(wilayah)
        .where(kode === null ? sql`${wilayah.indukKode} is null` : eq(wilayah.indukKode, kode))
        .orderBy(asc(wilayah.kode));
    },

    async search(
      q: string,
      opts: { dalam?: string | undefined; level?: WilayahRow['level'] | undefined; limit: number },
      tx: DbOrTx = db,
    ) {
      const induk = alias(wilayah, 'induk');
      const where: (SQL | undefined)[] = [ilike(wilayah.nama, `%${escapeLike(q)}%`)];
      if (opts.dalam)
        where.push(or(eq(wilayah.kode, opts.dalam), like(wilayah.kode, `${escapeLike(opts.dalam)}.%`)));
      if (opts.level) where.push(eq(wilayah.level, opts.level));
      return (
        tx
          .select({ ...columns, indukNama: induk.nama })
          .from(wilayah)
          .leftJoin(induk, eq(induk.kode, wilayah.indukKode))
          .where(and(...where))
          // Names that start with the query first, then shorter names, then by code.
          .orderBy(
            sql`case when lower(${wilayah.nama}) like ${`${escapeLike(q.toLowerCase())}%`} then 0 else 1 end`,
            sql`length(${wilayah.nama})`,
            asc(wilayah.kode),
          )
          .limit(opts.limit)
      );
    },

    async upsertMany(rows: WilayahInsert[], tx: DbOrTx = db) {
      if (rows.length === 0) return;
      await tx
        .insert(wilayah)
        .values(rows)
        .onConflictDoUpdate({
          target: wilayah.kode,
          set: {
            nama: sql`excluded.nama`,
            level: sql`excluded.level`,
            indukKode: sql`excluded.induk_kode`,
            importedAt: sql`now()`,
          },
        });
    },

    /** Recounts children under (and including) `prefix` and of its ancestors, or everywhere when null. */
    async recountChildren(prefix: string | null, tx: DbOrTx = db) {
      const scope =
        prefix === null
          ? sql`true`
          : sql`(w.kode = ${prefix} or w.kode like ${`${escapeLike(prefix)}.%`} or ${prefix} like w.kode || '.%')`;
      await tx.execute(sql`
        update wilayah w set jumlah_anak = coalesce(c.n, 0)
        from (select w2.kode, (select count(*) from wilayah c where c.induk_kode = w2.kode)::int as n from wilayah w2) c
        where c.kode = w.kode and ${scope}`);
    },

    async count(tx: DbOrTx = db) {
      const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(wilayah);
      return rows[0]?.n ?? 0;
    },
  };
}
export type WilayahRepo = ReturnType<typeof createWilayahRepo>;
