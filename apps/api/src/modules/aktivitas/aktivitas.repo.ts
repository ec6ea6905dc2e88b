import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import {
  aktivitas,
  aktivitasKunci,
  aktivitasPengecualian,
  kinerjaBulanan,
  perilakuBulanan,
  verifikasiKinerja,
} from '../../db/schema/aktivitas';
import { pegawai } from '../../db/schema/kepegawaian';

export type AktivitasRow = typeof aktivitas.$inferSelect;
export type VerifikasiRow = typeof verifikasiKinerja.$inferSelect;
export type PerilakuRow = typeof perilakuBulanan.$inferSelect;
export type KinerjaBulananRow = typeof kinerjaBulanan.$inferSelect;

/** First and last day of a month as ISO dates. */
export function monthRange(tahun: number, bulan: number): { dari: string; sampai: string } {
  const last = new Date(Date.UTC(tahun, bulan, 0)).getUTCDate();
  const mm = String(bulan).padStart(2, '0');
  return { dari: `${tahun}-${mm}-01`, sampai: `${tahun}-${mm}-${String(last).padStart(2, '0')}` };
}

export function createAktivitasRepo(db: Db) {
  return {
    /**
     * Serialises one pegawai's writes (two devices, a retried offline queue): the overlap check and
     * the insert see the same rows. Held until the transaction ends.
     */
    async lockPegawai(pegawaiId: string, tx: DbOrTx) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`aktivitas:${pegawaiId}`}))`);
    },

    /**
     * Everything the daily-log rules ask about one pegawai's day, in one round trip: the jabatan he
     * works under (definitif first, then Plt, then Plh), his leave, an exception for the day, the
     * year's settings, the holidays around it, and whether his unit kerja's month is closed.
     */
    async faktaHari(pemdaKode: string, pegawaiId: string, tanggal: string, tx: DbOrTx = db) {
      const [tahun, bulan] = [Number(tanggal.slice(0, 4)), Number(tanggal.slice(5, 7))];
      const res = (await tx.execute(sql`
        WITH j AS (
          SELECT pj.jenis, jb.id, jb.nama, jb.unit_kerja_id
            FROM pegawai_jabatan pj JOIN jabatan jb ON jb.id = pj.jabatan_id
           WHERE pj.pegawai_id = ${pegawaiId} AND pj.mulai <= ${tanggal}
             AND (pj.selesai IS NULL OR pj.selesai >= ${tanggal})
           ORDER BY CASE pj.jenis WHEN 'definitif' THEN 0 WHEN 'plt' THEN 1 ELSE 2 END, pj.mulai DESC
           LIMIT 1)
        SELECT
          (SELECT row_to_json(j) FROM j) AS jabatan,
          (SELECT c.jenis FROM cuti c WHERE c.pegawai_id = ${pegawaiId}
              AND c.mulai <= ${tanggal} AND c.selesai >= ${tanggal} LIMIT 1) AS cuti,
          (SELECT (extract(epoch FROM e.berlaku_sampai) * 1000)::float8 FROM aktivitas_pengecualian e
            WHERE e.pemda_kode = ${pemdaKode} AND e.pegawai_id = ${pegawaiId} AND e.tanggal = ${tanggal}) AS pengecualian,
          (SELECT s.settings FROM kinerja_setting s WHERE s.pemda_kode = ${pemdaKode} AND s.tahun = ${tahun}) AS settings,
          (SELECT coalesce(json_agg(json_build_object('tanggal', l.tanggal, 'keterangan', l.keterangan) ORDER BY l.tanggal), '[]')
             FROM hari_libur l WHERE l.pemda_kode = ${pemdaKode}
              AND l.tanggal BETWEEN ${tanggal}::date - 7 AND ${tanggal}::date + 62) AS libur,
          (SELECT v.status FROM verifikasi_kinerja v, j WHERE v.pemda_kode = ${pemdaKode}
              AND v.unit_kerja_id = j.unit_kerja_id AND v.tahun = ${tahun} AND v.bulan = ${bulan}) AS verifikasi`)) as unknown as {
        rows: {
          jabatan: {
            jenis: 'definitif' | 'plt' | 'plh';
            id: string;
            nama: string;
            unit_kerja_id: string;
          } | null;
          cuti: string | null;
          pengecualian: number | null;
          settings: unknown;
          libur: { tanggal: string; keterangan: string }[];
          verifikasi: string | null;
        }[];
      };
      return res.rows[0] as (typeof res.rows)[number];
    },

    /** One entry by its whole key (the partition is known: one index lookup). */
    async onDay(pemdaKode: string, tanggal: string, id: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(aktivitas)
        .where(and(eq(aktivitas.pemdaKode, pemdaKode), eq(aktivitas.tanggal, tanggal), eq(aktivitas.id, id)))
        .limit(1);
      return rows[0];
    },

    async ofPegawai(pegawaiId: string, dari: string, sampai: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(aktivitas)
        .where(
          and(
            eq(aktivitas.pegawaiId, pegawaiId),
            gte(aktivitas.tanggal, dari),
            lte(aktivitas.tanggal, sampai),
          ),
        )
        .orderBy(asc(aktivitas.tanggal), asc(aktivitas.mulai));
    },

    async ofPegawaiMany(pegawaiIds: string[], dari: string, sampai: string, tx: DbOrTx = db) {
      if (pegawaiIds.length === 0) return [];
      return tx
        .select()
        .from(aktivitas)
        .where(
          and(
            inArray(aktivitas.pegawaiId, pegawaiIds),
            gte(aktivitas.tanggal, dari),
            lte(aktivitas.tanggal, sampai),
          ),
        )
        .orderBy(asc(aktivitas.tanggal), asc(aktivitas.mulai));
    },

    /** Per pegawai and state: how many entries and minutes over a range (the team board). */
    async totalsOf(pegawaiIds: string[], dari: string, sampai: string, tx: DbOrTx = db) {
      if (pegawaiIds.length === 0) return [];
      return tx
        .select({
          pegawaiId: aktivitas.pegawaiId,
          tanggal: aktivitas.tanggal,
          status: aktivitas.status,
          jumlah: sql<number>`count(*)::int`,
          menit: sql<number>`sum(${aktivitas.menit})::int`,
        })
        .from(aktivitas)
        .where(
          and(
            inArray(aktivitas.pegawaiId, pegawaiIds),
            gte(aktivitas.tanggal, dari),
            lte(aktivitas.tanggal, sampai),
          ),
        )
        .groupBy(aktivitas.pegawaiId, aktivitas.tanggal, aktivitas.status);
    },

    /** One entry of a pemda by its id (the id's day first, then its partition). */
    async byId(pemdaKode: string, id: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ a: aktivitas })
        .from(aktivitasKunci)
        .innerJoin(
          aktivitas,
          and(
            eq(aktivitas.pemdaKode, aktivitasKunci.pemdaKode),
            eq(aktivitas.tanggal, aktivitasKunci.tanggal),
            eq(aktivitas.id, aktivitasKunci.id),
          ),
        )
        .where(and(eq(aktivitasKunci.pemdaKode, pemdaKode), eq(aktivitasKunci.id, id)))
        .limit(1);
      return rows[0]?.a;
    },

    /** Entries of a pemda by id within a range of days (a week being approved). */
    async byIdsBetween(pemdaKode: string, dari: string, sampai: string, ids: string[], tx: DbOrTx = db) {
      if (ids.length === 0) return [];
      return tx
        .select()
        .from(aktivitas)
        .where(
          and(
            eq(aktivitas.pemdaKode, pemdaKode),
            gte(aktivitas.tanggal, dari),
            lte(aktivitas.tanggal, sampai),
            inArray(aktivitas.id, ids),
          ),
        );
    },

    /** Stores an entry and its id's day; undefined when the id is already taken. */
    async insert(values: typeof aktivitas.$inferInsert, tx: DbOrTx) {
      const claimed = await tx
        .insert(aktivitasKunci)
        .values({
          pemdaKode: values.pemdaKode,
          id: values.id,
          tanggal: values.tanggal,
          pegawaiId: values.pegawaiId,
        })
        .onConflictDoNothing()
        .returning({ id: aktivitasKunci.id });
      if (claimed.length === 0) return undefined;
      const rows = await tx.insert(aktivitas).values(values).returning();
      return rows[0] as AktivitasRow;
    },

    async insertMany(values: (typeof aktivitas.$inferInsert)[], tx: DbOrTx = db) {
      if (values.length === 0) return;
      await tx.insert(aktivitasKunci).values(
        values.map((v) => ({
          pemdaKode: v.pemdaKode,
          id: v.id,
          tanggal: v.tanggal,
          pegawaiId: v.pegawaiId,
        })),
      );
      await tx.insert(aktivitas).values(values);
    },

    /** Changes an entry only at the version read; undefined when stale. */
    async update(row: AktivitasRow, values: Partial<typeof aktivitas.$inferInsert>, tx: DbOrTx = db) {
      const rows = await tx
        .update(aktivitas)
        .set({ ...values, version: sql`${aktivitas.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(aktivitas.pemdaKode, row.pemdaKode),
            eq(aktivitas.tanggal, row.tanggal),
            eq(aktivitas.id, row.id),
            eq(aktivitas.version, row.version),
          ),
        )
        .returning();
      return rows[0];
    },

    async delete(row: AktivitasRow, tx: DbOrTx) {
      await tx
        .delete(aktivitasKunci)
        .where(and(eq(aktivitasKunci.pemdaKode, row.pemdaKode), eq(aktivitasKunci.id, row.id)));
      const rows = await tx
        .delete(aktivitas)
        .where(
          and(
            eq(aktivitas.pemdaKode, row.pemdaKode),
            eq(aktivitas.tanggal, row.tanggal),
            eq(aktivitas.id, row.id),
            eq(aktivitas.version, row.version),
          ),
        )
        .returning();
      return rows[0];
    },

    /**
     * Approves the listed entries in one statement (the caller holds their pegawai's locks and has
     * checked their versions); returns how many changed.
     */
    async approveMany(
      f: { pemdaKode: string; dari: string; sampai: string; ids: string[] },
      by: { pegawaiId: string; eskalasi: boolean },
      tx: DbOrTx,
    ) {
      const rows = await tx
        .update(aktivitas)
        .set({
          status: 'disetujui',
          menitDisetujui: sql`${aktivitas.menit}`,
          alasanAtasan: null,
          diputusOleh: by.pegawaiId,
          diputusAt: new Date(),
          eskalasi: by.eskalasi,
          version: sql`${aktivitas.version} + 1`,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(aktivitas.pemdaKode, f.pemdaKode),
            gte(aktivitas.tanggal, f.dari),
            lte(aktivitas.tanggal, f.sampai),
            inArray(aktivitas.id, f.ids),
            eq(aktivitas.status, 'diajukan'),
          ),
        )
        .returning({ id: aktivitas.id });
      return rows.length;
    },

    // ---- exceptions ----
    async pengecualian(pemdaKode: string, pegawaiId: string, tanggal: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(aktivitasPengecualian)
        .where(
          and(
            eq(aktivitasPengecualian.pemdaKode, pemdaKode),
            eq(aktivitasPengecualian.pegawaiId, pegawaiId),
            eq(aktivitasPengecualian.tanggal, tanggal),
          ),
        )
        .limit(1);
      return rows[0];
    },
    async savePengecualian(values: typeof aktivitasPengecualian.$inferInsert, tx: DbOrTx = db) {
      await tx
        .insert(aktivitasPengecualian)
        .values(values)
        .onConflictDoUpdate({
          target: [
            aktivitasPengecualian.pemdaKode,
            aktivitasPengecualian.pegawaiId,
            aktivitasPengecualian.tanggal,
          ],
          set: {
            berlakuSampai: values.berlakuSampai,
            alasan: values.alasan,
            diberikanOleh: values.diberikanOleh,
          },
        });
    },

    // ---- behaviour ratings ----
    async perilaku(pemdaKode: string, tahun: number, bulan: number, pegawaiIds: string[], tx: DbOrTx = db) {
      if (pegawaiIds.length === 0) return [];
      return tx
        .select()
        .from(perilakuBulanan)
        .where(
          and(
            eq(perilakuBulanan.pemdaKode, pemdaKode),
            eq(perilakuBulanan.tahun, tahun),
            eq(perilakuBulanan.bulan, bulan),
            inArray(perilakuBulanan.pegawaiId, pegawaiIds),
          ),
        );
    },
    async savePerilaku(
      values: Omit<typeof perilakuBulanan.$inferInsert, 'version'>,
      expectedVersion: number | null,
      tx: DbOrTx,
    ) {
      if (expectedVersion === null) {
        const rows = await tx
          .insert(perilakuBulanan)
          .values({ ...values, version: 1 })
          .onConflictDoNothing()
          .returning();
        return rows[0];
      }
      const rows = await tx
        .update(perilakuBulanan)
        .set({
          ratings: values.ratings,
          catatan: values.catatan,
          dinilaiOleh: values.dinilaiOleh,
          dinilaiAt: new Date(),
          version: sql`${perilakuBulanan.version} + 1`,
        })
        .where(
          and(
            eq(perilakuBulanan.pemdaKode, values.pemdaKode),
            eq(perilakuBulanan.tahun, values.tahun),
            eq(perilakuBulanan.bulan, values.bulan),
            eq(perilakuBulanan.pegawaiId, values.pegawaiId),
            eq(perilakuBulanan.version, expectedVersion),
          ),
        )
        .returning();
      return rows[0];
    },

    // ---- monthly verification ----
    async verifikasi(pemdaKode: string, unitKerjaId: string, tahun: number, bulan: number, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(verifikasiKinerja)
        .where(
          and(
            eq(verifikasiKinerja.pemdaKode, pemdaKode),
            eq(verifikasiKinerja.unitKerjaId, unitKerjaId),
            eq(verifikasiKinerja.tahun, tahun),
            eq(verifikasiKinerja.bulan, bulan),
          ),
        )
        .limit(1);
      return rows[0];
    },
    async verifikasiOfMonth(pemdaKode: string, tahun: number, bulan: number, tx: DbOrTx = db) {
      return tx
        .select()
        .from(verifikasiKinerja)
        .where(
          and(
            eq(verifikasiKinerja.pemdaKode, pemdaKode),
            eq(verifikasiKinerja.tahun, tahun),
            eq(verifikasiKinerja.bulan, bulan),
          ),
        );
    },
    async insertVerifikasi(values: typeof verifikasiKinerja.$inferInsert, tx: DbOrTx) {
      const rows = await tx.insert(verifikasiKinerja).values(values).onConflictDoNothing().returning();
      return rows[0];
    },
    async updateVerifikasi(
      row: VerifikasiRow,
      values: Partial<typeof verifikasiKinerja.$inferInsert>,
      tx: DbOrTx,
    ) {
      const rows = await tx
        .update(verifikasiKinerja)
        .set({ ...values, version: sql`${verifikasiKinerja.version} + 1` })
        .where(
          and(
            eq(verifikasiKinerja.pemdaKode, row.pemdaKode),
            eq(verifikasiKinerja.unitKerjaId, row.unitKerjaId),
            eq(verifikasiKinerja.tahun, row.tahun),
            eq(verifikasiKinerja.bulan, row.bulan),
            eq(verifikasiKinerja.version, row.version),
          ),
        )
        .returning();
      return rows[0];
    },

    /** Per unit kerja: the month's entries by state (the verifikator's queue). */
    async monthCounts(pemdaKode: string, tahun: number, bulan: number, tx: DbOrTx = db) {
      const { dari, sampai } = monthRange(tahun, bulan);
      return tx
        .select({
          unitKerjaId: aktivitas.unitKerjaId,
          pegawai: sql<number>`count(DISTINCT ${aktivitas.pegawaiId})::int`,
          aktivitas: sql<number>`count(*)::int`,
          disetujui: sql<number>`count(*) FILTER (WHERE ${aktivitas.status} = 'disetujui')::int`,
          belumDiputus: sql<number>`count(*) FILTER (WHERE ${aktivitas.status} = 'diajukan')::int`,
          diverifikasi: sql<number>`count(*) FILTER (WHERE ${aktivitas.menitDiakui} IS NOT NULL)::int`,
        })
        .from(aktivitas)
        .where(
          and(
            eq(aktivitas.pemdaKode, pemdaKode),
            gte(aktivitas.tanggal, dari),
            lte(aktivitas.tanggal, sampai),
          ),
        )
        .groupBy(aktivitas.unitKerjaId);
    },

    /** A unit kerja's month: entries to verify (all approved, or only the sample), with the pegawai's name. */
    async ofUnitMonth(
      f: { pemdaKode: string; unitKerjaId: string; tahun: number; bulan: number; hanyaSampel: boolean },
      tx: DbOrTx = db,
    ) {
      const { dari, sampai } = monthRange(f.tahun, f.bulan);
      const where: SQL[] = [
        eq(aktivitas.pemdaKode, f.pemdaKode),
        gte(aktivitas.tanggal, dari),
        lte(aktivitas.tanggal, sampai),
        eq(aktivitas.unitKerjaId, f.unitKerjaId),
        eq(aktivitas.status, 'disetujui'),
      ];
      if (f.hanyaSampel) where.push(eq(aktivitas.sampel, true));
      return tx
        .select({ a: aktivitas, nama: pegawai.nama, nip: pegawai.nip })
        .from(aktivitas)
        .innerJoin(pegawai, eq(pegawai.id, aktivitas.pegawaiId))
        .where(and(...where))
        .orderBy(asc(pegawai.nama), asc(aktivitas.tanggal), asc(aktivitas.mulai));
    },

    /** Marks a random sample of the month's approved entries (the rest count as approved at the close). */
    async drawSample(
      f: { pemdaKode: string; unitKerjaId: string; tahun: number; bulan: number; ukuran: number },
      tx: DbOrTx,
    ) {
      const { dari, sampai } = monthRange(f.tahun, f.bulan);
      await tx.execute(sql`
        UPDATE aktivitas SET sampel = true
        WHERE pemda_kode = ${f.pemdaKode} AND tanggal BETWEEN ${dari} AND ${sampai}
          AND (pemda_kode, tanggal, id) IN (
            SELECT pemda_kode, tanggal, id FROM aktivitas
            WHERE pemda_kode = ${f.pemdaKode} AND tanggal BETWEEN ${dari} AND ${sampai}
              AND unit_kerja_id = ${f.unitKerjaId} AND status = 'disetujui'
            ORDER BY random() LIMIT ${f.ukuran})`);
    },

    /**
     * Each pegawai's recognised minutes of a unit kerja's month: what the verifikator confirmed or
     * corrected, and for every other approved entry its approved minutes (one GROUP BY; the close
     * does not rewrite the entries, the closed month is what locks them).
     */
    async recognisedMinutes(
      f: { pemdaKode: string; unitKerjaIds: string[]; tahun: number; bulan: number },
      tx: DbOrTx = db,
    ) {
      const { dari, sampai } = monthRange(f.tahun, f.bulan);
      return tx
        .select({
          pegawaiId: aktivitas.pegawaiId,
          unitKerjaId: aktivitas.unitKerjaId,
          menitDiakui: sql<number>`coalesce(sum(coalesce(${aktivitas.menitDiakui}, ${aktivitas.menitDisetujui}))
            FILTER (WHERE ${aktivitas.status} = 'disetujui'), 0)::int`,
        })
        .from(aktivitas)
        .where(
          and(
            eq(aktivitas.pemdaKode, f.pemdaKode),
            gte(aktivitas.tanggal, dari),
            lte(aktivitas.tanggal, sampai),
            inArray(aktivitas.unitKerjaId, f.unitKerjaIds),
          ),
        )
        .groupBy(aktivitas.pegawaiId, aktivitas.unitKerjaId);
    },

    async countPending(
      f: { pemdaKode: string; unitKerjaId: string; tahun: number; bulan: number },
      tx: DbOrTx = db,
    ) {
      const { dari, sampai } = monthRange(f.tahun, f.bulan);
      const rows = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(aktivitas)
        .where(
          and(
            eq(aktivitas.pemdaKode, f.pemdaKode),
            gte(aktivitas.tanggal, dari),
            lte(aktivitas.tanggal, sampai),
            eq(aktivitas.unitKerjaId, f.unitKerjaId),
            eq(aktivitas.status, 'diajukan'),
          ),
        );
      return rows[0]?.n ?? 0;
    },

    // ---- scores ----
    async replaceScores(
      f: { pemdaKode: string; unitKerjaIds: string[]; tahun: number; bulan: number },
      rows: (typeof kinerjaBulanan.$inferInsert)[],
      tx: DbOrTx,
    ) {
      await tx
        .delete(kinerjaBulanan)
        .where(
          and(
            eq(kinerjaBulanan.pemdaKode, f.pemdaKode),
            inArray(kinerjaBulanan.unitKerjaId, f.unitKerjaIds),
            eq(kinerjaBulanan.tahun, f.tahun),
            eq(kinerjaBulanan.bulan, f.bulan),
          ),
        );
      // A pegawai who moved between unit kerja this month: the later close's score stands (ADR 010).
      for (let i = 0; i < rows.length; i += 1000) {
        await tx
          .insert(kinerjaBulanan)
          .values(rows.slice(i, i + 1000))
          .onConflictDoUpdate({
            target: [
              kinerjaBulanan.pemdaKode,
              kinerjaBulanan.tahun,
              kinerjaBulanan.bulan,
              kinerjaBulanan.pegawaiId,
            ],
            set: {
              unitKerjaId: sql`excluded.unit_kerja_id`,
              menitDiakui: sql`excluded.menit_diakui`,
              hariKerja: sql`excluded.hari_kerja`,
              targetMenit: sql`excluded.target_menit`,
              produktivitas: sql`excluded.produktivitas`,
              perilaku: sql`excluded.perilaku`,
              nilaiKinerja: sql`excluded.nilai_kinerja`,
              rincian: sql`excluded.rincian`,
              dihitungAt: sql`excluded.dihitung_at`,
            },
          });
      }
    },
    async scoresOfUnit(
      f: { pemdaKode: string; unitKerjaId: string; tahun: number; bulan: number },
      tx: DbOrTx = db,
    ) {
      return tx
        .select({ k: kinerjaBulanan, nama: pegawai.nama, nip: pegawai.nip })
        .from(kinerjaBulanan)
        .innerJoin(pegawai, eq(pegawai.id, kinerjaBulanan.pegawaiId))
        .where(
          and(
            eq(kinerjaBulanan.pemdaKode, f.pemdaKode),
            eq(kinerjaBulanan.unitKerjaId, f.unitKerjaId),
            eq(kinerjaBulanan.tahun, f.tahun),
            eq(kinerjaBulanan.bulan, f.bulan),
          ),
        )
        .orderBy(asc(pegawai.nama));
    },
    async scoreOf(pemdaKode: string, pegawaiId: string, tahun: number, bulan: number, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(kinerjaBulanan)
        .where(
          and(
            eq(kinerjaBulanan.pemdaKode, pemdaKode),
            eq(kinerjaBulanan.pegawaiId, pegawaiId),
            eq(kinerjaBulanan.tahun, tahun),
            eq(kinerjaBulanan.bulan, bulan),
          ),
        )
        .limit(1);
      return rows[0];
    },
  };
}
export type AktivitasRepo = ReturnType<typeof createAktivitasRepo>;
