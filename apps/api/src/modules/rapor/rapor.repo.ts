import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { roleAssignments, users } from '../../db/schema/auth';
import { laporan, laporanEntry } from '../../db/schema/laporan';
import { raporPublikasi } from '../../db/schema/rapor';
import { wilayah } from '../../db/schema/wilayah';

export type PublikasiRow = typeof raporPublikasi.$inferSelect;
export type PublikasiInsert = typeof raporPublikasi.$inferInsert;

/** Read-only queries on wilayah and laporan (owned by their modules) plus the snapshots this module owns. */
export function createRaporRepo(db: Db) {
  return {
    /** The kecamatan and kelurahan/desa of a pemda, by code. */
    async units(pemdaKode: string, tx: DbOrTx = db) {
      return tx
        .select({
          kode: wilayah.kode,
          nama: wilayah.nama,
          level: wilayah.level,
          indukKode: wilayah.indukKode,
        })
        .from(wilayah)
        .where(like(wilayah.kode, `${pemdaKode}.%`))
        .orderBy(asc(wilayah.kode));
    },

    /**
     * The camat and lurah on record (active accounts with that role) of a pemda's units, by unit
     * code; when a unit has two, the most recently assigned one.
     */
    async officials(pemdaKode: string, tx: DbOrTx = db): Promise<Map<string, string>> {
      const rows = await tx
        .select({ kode: roleAssignments.wilayahKode, nama: users.namaLengkap })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(users.active, true),
            inArray(roleAssignments.role, ['camat', 'lurah']),
            like(roleAssignments.wilayahKode, `${pemdaKode}.%`),
          ),
        )
        .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id));
      return new Map(rows.map((r) => [r.kode, r.nama]));
    },

    async wilayahNama(kode: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ nama: wilayah.nama })
        .from(wilayah)
        .where(eq(wilayah.kode, kode))
        .limit(1);
      return rows[0]?.nama;
    },

    /** Indicators whose verified value is a verifikator's correction, per unit (the rapor shows "dikoreksi"). */
    async correctedCodes(periodeId: string, kode?: string, tx: DbOrTx = db) {
      return tx
        .selectDistinct({ kode: laporan.wilayahKode, code: laporanEntry.indikatorCode })
        .from(laporanEntry)
        .innerJoin(laporan, eq(laporan.id, laporanEntry.laporanId))
        .where(
          and(
            eq(laporan.periodeId, periodeId),
            eq(laporan.status, 'diverifikasi'),
            eq(laporanEntry.decision, 'corrected'),
            kode ? eq(laporan.wilayahKode, kode) : undefined,
          ),
        );
    },

    /**
     * Units whose reports changed since transaction id `sinceXid` (any instance, any writer), and the
     * newest transaction id seen. PostgreSQL stamps every row version with its transaction (xmin).
     */
    async changedUnits(periodeId: string, sinceXid: number, tx: DbOrTx = db) {
      const res = (await tx.execute(
        sql`select wilayah_kode as kode, max(xmin::text::bigint) as xid from laporan
            where periode_id = ${periodeId} and xmin::text::bigint > ${sinceXid} group by wilayah_kode`,
      )) as unknown as { rows: { kode: string; xid: string | number }[] };
      let max = sinceXid;
      for (const r of res.rows) max = Math.max(max, Number(r.xid));
      return { kodes: res.rows.map((r) => r.kode), maxXid: max };
    },

    /** Monthly reports of a periode for the compliance heatmap. */
    async monthlySubmissions(periodeId: string, tx: DbOrTx = db) {
      return tx
        .select({
          kode: laporan.wilayahKode,
          bulan: laporan.bulan,
          dueAt: laporan.dueAt,
          firstSubmittedAt: laporan.firstSubmittedAt,
        })
        .from(laporan)
        .where(and(eq(laporan.periodeId, periodeId), eq(laporan.kind, 'bulanan')));
    },

    async publications(periodeId: string, tx: DbOrTx = db) {
      return tx
        .select({
          revision: raporPublikasi.revision,
          reason: raporPublikasi.reason,
          formulaVersion: raporPublikasi.formulaVersion,
          publishedAt: raporPublikasi.publishedAt,
          publishedByName: raporPublikasi.publishedByName,
        })
        .from(raporPublikasi)
        .where(eq(raporPublikasi.periodeId, periodeId))
        .orderBy(asc(raporPublikasi.revision));
    },

    async latestPublication(periodeId: string, tx: DbOrTx = db): Promise<PublikasiRow | undefined> {
      const rows = await tx
        .select()
        .from(raporPublikasi)
        .where(eq(raporPublikasi.periodeId, periodeId))
        .orderBy(desc(raporPublikasi.revision))
        .limit(1);
      return rows[0];
    },

    async latestRevision(periodeId: string, tx: DbOrTx = db): Promise<number> {
      const rows = await tx
        .select({ n: sql<number>`coalesce(max(${raporPublikasi.revision}), 0)::int` })
        .from(raporPublikasi)
        .where(eq(raporPublikasi.periodeId, periodeId));
      return Number(rows[0]?.n ?? 0);
    },

    async insertPublication(row: PublikasiInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(raporPublikasi).values(row).returning({ id: raporPublikasi.id });
      return rows[0];
    },

    /** Published snapshots of a pemda by year (for the public page). */
    async publishedByTahun(pemdaKode: string, tahun: number, tx: DbOrTx = db) {
      return tx
        .select({ periodeId: raporPublikasi.periodeId })
        .from(raporPublikasi)
        .where(and(eq(raporPublikasi.pemdaKode, pemdaKode), eq(raporPublikasi.tahun, tahun)))
        .limit(1);
    },
  };
}
export type RaporRepo = ReturnType<typeof createRaporRepo>;
