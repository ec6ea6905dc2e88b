import { and, asc, count, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { users } from '../../db/schema/auth';
import {
  cuti,
  hariLibur,
  jabatan,
  jabatanKegiatan,
  kinerjaSetting,
  pegawai,
  pegawaiJabatan,
  unitKerja,
} from '../../db/schema/kepegawaian';
import { escapeLike } from '../../lib/sql';

export type UnitKerjaRow = typeof unitKerja.$inferSelect;
export type JabatanRow = typeof jabatan.$inferSelect;
export type PegawaiRow = typeof pegawai.$inferSelect;
export type PenugasanRow = typeof pegawaiJabatan.$inferSelect;
export type KegiatanRow = typeof jabatanKegiatan.$inferSelect;

/** A span that covers `tanggal` (both ends included; an open end is still held). */
const covers = (tanggal: string) =>
  and(
    lte(pegawaiJabatan.mulai, tanggal),
    or(isNull(pegawaiJabatan.selesai), gte(pegawaiJabatan.selesai, tanggal)),
  );

export function createKepegawaianRepo(db: Db) {
  return {
    // ---- unit kerja ----
    /** Every unit kerja with how many positions it has and how many people hold one on `tanggal`. */
    async listUnitKerja(pemdaKode: string, tanggal: string, tx: DbOrTx = db) {
      const uk = sql.raw('"unit_kerja"."id"');
      return tx
        .select({
          unit: unitKerja,
          jumlahJabatan: sql<number>`(SELECT count(*)::int FROM jabatan j WHERE j.unit_kerja_id = ${uk})`,
          jumlahPegawai: sql<number>`(SELECT count(DISTINCT pj.pegawai_id)::int FROM pegawai_jabatan pj
            JOIN jabatan j ON j.id = pj.jabatan_id
            WHERE j.unit_kerja_id = ${uk} AND pj.mulai <= ${tanggal}
              AND (pj.selesai IS NULL OR pj.selesai >= ${tanggal}))`,
        })
        .from(unitKerja)
        .where(eq(unitKerja.pemdaKode, pemdaKode))
        .orderBy(asc(unitKerja.jenis), asc(unitKerja.nama));
    },
    async getUnitKerja(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(unitKerja).where(eq(unitKerja.id, id)).limit(1);
      return rows[0];
    },
    async unitKerjaOfWilayah(wilayahKode: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(unitKerja).where(eq(unitKerja.wilayahKode, wilayahKode)).limit(1);
      return rows[0];
    },
    async insertUnitKerja(values: typeof unitKerja.$inferInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(unitKerja).values(values).returning();
      return rows[0] as UnitKerjaRow;
    },
    /** Undefined when someone changed it since `version` was read. */
    async updateUnitKerja(
      id: string,
      version: number,
      values: Partial<typeof unitKerja.$inferInsert>,
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .update(unitKerja)
        .set({ ...values, version: sql`${unitKerja.version} + 1` })
        .where(and(eq(unitKerja.id, id), eq(unitKerja.version, version)))
        .returning();
      return rows[0];
    },

    // ---- jabatan ----
    async listJabatan(pemdaKode: string, unitKerjaId: string | undefined, tx: DbOrTx = db) {
      const where: SQL[] = [eq(jabatan.pemdaKode, pemdaKode)];
      if (unitKerjaId) where.push(eq(jabatan.unitKerjaId, unitKerjaId));
      return tx
        .select()
        .from(jabatan)
        .where(and(...where))
        .orderBy(asc(jabatan.kelas), asc(jabatan.nama));
    },
    async getJabatan(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(jabatan).where(eq(jabatan.id, id)).limit(1);
      return rows[0];
    },
    async jabatanByIds(ids: string[], tx: DbOrTx = db) {
      if (ids.length === 0) return [];
      return tx.select().from(jabatan).where(inArray(jabatan.id, ids));
    },
    /** The positions directly under any of `atasanIds`. */
    async bawahanOf(atasanIds: string[], tx: DbOrTx = db) {
      if (atasanIds.length === 0) return [];
      return tx
        .select()
        .from(jabatan)
        .where(and(inArray(jabatan.atasanId, atasanIds), eq(jabatan.aktif, true)));
    },
    async insertJabatan(values: typeof jabatan.$inferInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(jabatan).values(values).returning();
      return rows[0] as JabatanRow;
    },
    async updateJabatan(
      id: string,
      version: number,
      values: Partial<typeof jabatan.$inferInsert>,
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .update(jabatan)
        .set({ ...values, version: sql`${jabatan.version} + 1` })
        .where(and(eq(jabatan.id, id), eq(jabatan.version, version)))
        .returning();
      return rows[0];
    },

    // ---- kegiatan (catalogue) ----
    async listKegiatan(jabatanId: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(jabatanKegiatan)
        .where(eq(jabatanKegiatan.jabatanId, jabatanId))
        .orderBy(asc(jabatanKegiatan.urutan), asc(jabatanKegiatan.nama));
    },
    async getKegiatan(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(jabatanKegiatan).where(eq(jabatanKegiatan.id, id)).limit(1);
      return rows[0];
    },
    async insertKegiatan(values: typeof jabatanKegiatan.$inferInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(jabatanKegiatan).values(values).returning();
      return rows[0] as KegiatanRow;
    },
    async updateKegiatan(id: string, values: Partial<typeof jabatanKegiatan.$inferInsert>, tx: DbOrTx = db) {
      const rows = await tx.update(jabatanKegiatan).set(values).where(eq(jabatanKegiatan.id, id)).returning();
      return rows[0];
    },

    // ---- spans ----
    /** Who holds any of the positions on a date, with the pegawai's name. */
    async pemegangOn(jabatanIds: string[], tanggal: string, tx: DbOrTx = db) {
      if (jabatanIds.length === 0) return [];
      return tx
        .select({ span: pegawaiJabatan, nama: pegawai.nama, nip: pegawai.nip, userId: pegawai.userId })
        .from(pegawaiJabatan)
        .innerJoin(pegawai, eq(pegawai.id, pegawaiJabatan.pegawaiId))
        .where(and(inArray(pegawaiJabatan.jabatanId, jabatanIds), covers(tanggal)));
    },
    /** The positions a pegawai holds on a date (definitif and acting). */
    async penugasanOn(pegawaiId: string, tanggal: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(pegawaiJabatan)
        .where(and(eq(pegawaiJabatan.pegawaiId, pegawaiId), covers(tanggal)));
    },
    /** The same for many pegawai at once. */
    async penugasanOfMany(pegawaiIds: string[], tanggal: string, tx: DbOrTx = db) {
      if (pegawaiIds.length === 0) return [];
      return tx
        .select()
        .from(pegawaiJabatan)
        .where(and(inArray(pegawaiJabatan.pegawaiId, pegawaiIds), covers(tanggal)));
    },
    async riwayat(pegawaiId: string, tx: DbOrTx = db) {
      return tx
        .select({ span: pegawaiJabatan, jabatanNama: jabatan.nama, unitKerjaNama: unitKerja.nama })
        .from(pegawaiJabatan)
        .innerJoin(jabatan, eq(jabatan.id, pegawaiJabatan.jabatanId))
        .innerJoin(unitKerja, eq(unitKerja.id, jabatan.unitKerjaId))
        .where(eq(pegawaiJabatan.pegawaiId, pegawaiId))
        .orderBy(asc(pegawaiJabatan.mulai));
    },
    /** Spans of a position overlapping [mulai, selesai] (selesai null: open). */
    async spansOverlapping(
      by: { jabatanId: string } | { pegawaiId: string },
      mulai: string,
      selesai: string | null,
      tx: DbOrTx = db,
    ) {
      const who =
        'jabatanId' in by
          ? eq(pegawaiJabatan.jabatanId, by.jabatanId)
          : eq(pegawaiJabatan.pegawaiId, by.pegawaiId);
      const ends = or(isNull(pegawaiJabatan.selesai), gte(pegawaiJabatan.selesai, mulai));
      const starts = selesai === null ? undefined : lte(pegawaiJabatan.mulai, selesai);
      return tx
        .select()
        .from(pegawaiJabatan)
        .where(and(who, ends, starts));
    },
    async getPenugasan(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(pegawaiJabatan).where(eq(pegawaiJabatan.id, id)).limit(1);
      return rows[0];
    },
    async insertPenugasan(values: typeof pegawaiJabatan.$inferInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(pegawaiJabatan).values(values).returning();
      return rows[0] as PenugasanRow;
    },
    async endPenugasan(id: string, selesai: string, tx: DbOrTx = db) {
      const rows = await tx
        .update(pegawaiJabatan)
        .set({ selesai })
        .where(eq(pegawaiJabatan.id, id))
        .returning();
      return rows[0];
    },

    // ---- pegawai ----
    async listPegawai(
      f: {
        pemdaKode: string;
        tanggal: string;
        q?: string | undefined;
        unitKerjaId?: string | undefined;
        page: number;
        pageSize: number;
      },
      tx: DbOrTx = db,
    ) {
      const where: SQL[] = [eq(pegawai.pemdaKode, f.pemdaKode)];
      if (f.q) {
        const like = `%${escapeLike(f.q)}%`;
        where.push(or(ilike(pegawai.nama, like), ilike(pegawai.nip, like)) as SQL);
      }
      if (f.unitKerjaId) {
        where.push(sql`EXISTS (SELECT 1 FROM pegawai_jabatan pj JOIN jabatan j ON j.id = pj.jabatan_id
          WHERE pj.pegawai_id = ${sql.raw('"pegawai"."id"')} AND j.unit_kerja_id = ${f.unitKerjaId}
            AND pj.mulai <= ${f.tanggal} AND (pj.selesai IS NULL OR pj.selesai >= ${f.tanggal}))`);
      }
      const cond = and(...where);
      const [rows, totals] = await Promise.all([
        tx
          .select({ p: pegawai, username: users.username })
          .from(pegawai)
          .leftJoin(users, eq(users.id, pegawai.userId))
          .where(cond)
          .orderBy(asc(pegawai.nama), asc(pegawai.nip))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        tx.select({ n: count() }).from(pegawai).where(cond),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
    async getPegawai(id: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ p: pegawai, username: users.username })
        .from(pegawai)
        .leftJoin(users, eq(users.id, pegawai.userId))
        .where(eq(pegawai.id, id))
        .limit(1);
      return rows[0];
    },
    async pegawaiByIds(ids: string[], tx: DbOrTx = db) {
      if (ids.length === 0) return [];
      return tx.select().from(pegawai).where(inArray(pegawai.id, ids));
    },
    async pegawaiOfUser(userId: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(pegawai).where(eq(pegawai.userId, userId)).limit(1);
      return rows[0];
    },
    async pegawaiByNip(nip: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(pegawai).where(eq(pegawai.nip, nip)).limit(1);
      return rows[0];
    },
    async insertPegawai(values: typeof pegawai.$inferInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(pegawai).values(values).returning();
      return rows[0] as PegawaiRow;
    },
    async updatePegawai(
      id: string,
      version: number,
      values: Partial<typeof pegawai.$inferInsert>,
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .update(pegawai)
        .set({ ...values, version: sql`${pegawai.version} + 1` })
        .where(and(eq(pegawai.id, id), eq(pegawai.version, version)))
        .returning();
      return rows[0];
    },

    /** Every span of the head positions of the pemda's kecamatan and kelurahan overlapping [dari, sampai]. */
    async kepalaUnitSpans(pemdaKode: string, dari: string, sampai: string, tx: DbOrTx = db) {
      return tx
        .select({
          wilayahKode: sql<string>`${unitKerja.wilayahKode}`,
          nama: pegawai.nama,
          jenis: pegawaiJabatan.jenis,
          mulai: pegawaiJabatan.mulai,
          selesai: pegawaiJabatan.selesai,
        })
        .from(pegawaiJabatan)
        .innerJoin(jabatan, and(eq(jabatan.id, pegawaiJabatan.jabatanId), eq(jabatan.kepalaUnit, true)))
        .innerJoin(unitKerja, eq(unitKerja.id, jabatan.unitKerjaId))
        .innerJoin(pegawai, eq(pegawai.id, pegawaiJabatan.pegawaiId))
        .where(
          and(
            eq(pegawaiJabatan.pemdaKode, pemdaKode),
            sql`${unitKerja.wilayahKode} IS NOT NULL`,
            lte(pegawaiJabatan.mulai, sampai),
            or(isNull(pegawaiJabatan.selesai), gte(pegawaiJabatan.selesai, dari)),
          ),
        );
    },

    // ---- calendar ----
    async liburBetween(pemdaKode: string, dari: string, sampai: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(hariLibur)
        .where(
          and(
            eq(hariLibur.pemdaKode, pemdaKode),
            gte(hariLibur.tanggal, dari),
            lte(hariLibur.tanggal, sampai),
          ),
        )
        .orderBy(asc(hariLibur.tanggal));
    },
    async upsertLibur(values: typeof hariLibur.$inferInsert, tx: DbOrTx = db) {
      await tx
        .insert(hariLibur)
        .values(values)
        .onConflictDoUpdate({
          target: [hariLibur.pemdaKode, hariLibur.tanggal],
          set: { jenis: values.jenis, keterangan: values.keterangan },
        });
    },
    async deleteLibur(pemdaKode: string, tanggal: string, tx: DbOrTx = db) {
      const rows = await tx
        .delete(hariLibur)
        .where(and(eq(hariLibur.pemdaKode, pemdaKode), eq(hariLibur.tanggal, tanggal)))
        .returning();
      return rows[0];
    },
    async cutiBetween(
      f: { pemdaKode: string; pegawaiIds?: string[]; dari: string; sampai: string },
      tx: DbOrTx = db,
    ) {
      const where: SQL[] = [
        eq(cuti.pemdaKode, f.pemdaKode),
        lte(cuti.mulai, f.sampai),
        gte(cuti.selesai, f.dari),
      ];
      if (f.pegawaiIds) {
        if (f.pegawaiIds.length === 0) return [];
        where.push(inArray(cuti.pegawaiId, f.pegawaiIds));
      }
      return tx
        .select({ c: cuti, nama: pegawai.nama })
        .from(cuti)
        .innerJoin(pegawai, eq(pegawai.id, cuti.pegawaiId))
        .where(and(...where))
        .orderBy(asc(cuti.mulai));
    },
    async insertCuti(values: typeof cuti.$inferInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(cuti).values(values).returning();
      return rows[0] as typeof cuti.$inferSelect;
    },
    async deleteCuti(id: string, pemdaKode: string, tx: DbOrTx = db) {
      const rows = await tx
        .delete(cuti)
        .where(and(eq(cuti.id, id), eq(cuti.pemdaKode, pemdaKode)))
        .returning();
      return rows[0];
    },

    // ---- settings ----
    async getSetting(pemdaKode: string, tahun: number, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(kinerjaSetting)
        .where(and(eq(kinerjaSetting.pemdaKode, pemdaKode), eq(kinerjaSetting.tahun, tahun)))
        .limit(1);
      return rows[0];
    },
    async saveSetting(
      pemdaKode: string,
      tahun: number,
      settings: unknown,
      expectedVersion: number,
      by: string,
      tx: DbOrTx = db,
    ) {
      if (expectedVersion === 0) {
        const rows = await tx
          .insert(kinerjaSetting)
          .values({ pemdaKode, tahun, settings, version: 1, updatedBy: by })
          .onConflictDoNothing()
          .returning();
        return rows[0];
      }
      const rows = await tx
        .update(kinerjaSetting)
        .set({ settings, version: sql`${kinerjaSetting.version} + 1`, updatedAt: new Date(), updatedBy: by })
        .where(
          and(
            eq(kinerjaSetting.pemdaKode, pemdaKode),
            eq(kinerjaSetting.tahun, tahun),
            eq(kinerjaSetting.version, expectedVersion),
          ),
        )
        .returning();
      return rows[0];
    },
  };
}
export type KepegawaianRepo = ReturnType<typeof createKepegawaianRepo>;
