import { and, asc, count, eq, inArray, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { users } from '../../db/schema/auth';
import { evidence, laporan, laporanEntry } from '../../db/schema/laporan';
import { periode } from '../../db/schema/periode';
import { wilayah } from '../../db/schema/wilayah';

export type LaporanRow = typeof laporan.$inferSelect;
export type LaporanInsert = typeof laporan.$inferInsert;
export type EntryRow = typeof laporanEntry.$inferSelect;
export type EntryInsert = typeof laporanEntry.$inferInsert;
export type LaporanChanges = Partial<
  Omit<LaporanRow, 'id' | 'periodeId' | 'wilayahKode' | 'version' | 'createdAt'>
>;

/** `kode` lies in (or is) one of the scopes. */
export function withinAny(column: typeof laporan.wilayahKode, scopes: readonly string[]): SQL {
  if (scopes.length === 0) return sql`false`;
  return or(...scopes.flatMap((s) => [eq(column, s), like(column, `${s}.%`)])) as SQL;
}

const kecamatanW = alias(wilayah, 'kecamatan_w');

export const summaryColumns = {
  row: laporan,
  wilayahNama: wilayah.nama,
  kecamatanNama: kecamatanW.nama,
  tahun: periode.tahun,
};

export function createLaporanRepo(db: Db) {
  return {
    /** The active periode of the current year; else the nearest past one; else the nearest future one. */
    async activePeriode(pemdaKode: string, currentYear: number, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(periode)
        .where(and(eq(periode.pemdaKode, pemdaKode), eq(periode.status, 'aktif')))
        .orderBy(sql`(${periode.tahun} > ${currentYear})`, sql`abs(${periode.tahun} - ${currentYear})`)
        .limit(1);
      return rows[0];
    },

    async periode(id: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(periode).where(eq(periode.id, id)).limit(1);
      return rows[0];
    },

    async get(id: string, tx: DbOrTx = db, opts: { forUpdate?: boolean } = {}) {
      const q = tx.select().from(laporan).where(eq(laporan.id, id)).limit(1);
      const rows = opts.forUpdate ? await q.for('update') : await q;
      return rows[0];
    },

    async findByKey(
      key: { periodeId: string; wilayahKode: string; kind: 'bulanan' | 'tahunan'; bulan: number | null },
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .select()
        .from(laporan)
        .where(
          and(
            eq(laporan.periodeId, key.periodeId),
            eq(laporan.wilayahKode, key.wilayahKode),
            eq(laporan.kind, key.kind),
            key.bulan === null ? isNull(laporan.bulan) : eq(laporan.bulan, key.bulan),
          ),
        )
        .limit(1);
      return rows[0];
    },

    /** Undefined when someone else created the same report a moment earlier. */
    async insert(values: LaporanInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(laporan).values(values).onConflictDoNothing().returning();
      return rows[0];
    },

    async listForUnit(periodeId: string, kode: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(laporan)
        .where(and(eq(laporan.periodeId, periodeId), eq(laporan.wilayahKode, kode)));
    },

    /** Writes only if the report is still at `expectedVersion`; undefined when stale. */
    async update(id: string, expectedVersion: number, changes: LaporanChanges, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(laporan)
        .set({ ...changes, updatedAt: now, version: sql`${laporan.version} + 1` })
        .where(and(eq(laporan.id, id), eq(laporan.version, expectedVersion)))
        .returning();
      return rows[0];
    },

    async entries(laporanId: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(laporanEntry)
        .where(eq(laporanEntry.laporanId, laporanId))
        .orderBy(asc(laporanEntry.indikatorCode));
    },

    async upsertEntries(rows: EntryInsert[], tx: DbOrTx = db) {
      if (rows.length === 0) return;
      const ex = (c: string) => sql.raw(`excluded."${c}"`);
      await tx
        .insert(laporanEntry)
        .values(rows)
        .onConflictDoUpdate({
          target: [laporanEntry.laporanId, laporanEntry.indikatorCode],
          set: {
            value: ex('value'),
            tidakBerlaku: ex('tidak_berlaku'),
            tidakBerlakuReason: ex('tidak_berlaku_reason'),
            note: ex('note'),
            decision: ex('decision'),
            correctedValue: ex('corrected_value'),
            decisionReason: ex('decision_reason'),
            decidedBy: ex('decided_by'),
            decidedAt: ex('decided_at'),
            version: ex('version'),
            updatedAt: ex('updated_at'),
            updatedBy: ex('updated_by'),
          },
        });
    },

    async updateEntry(
      laporanId: string,
      code: string,
      expectedVersion: number,
      changes: Partial<EntryRow>,
      tx: DbOrTx = db,
    ) {
      const rows = await tx
        .update(laporanEntry)
        .set({ ...changes, version: sql`${laporanEntry.version} + 1` })
        .where(
          and(
            eq(laporanEntry.laporanId, laporanId),
            eq(laporanEntry.indikatorCode, code),
            eq(laporanEntry.version, expectedVersion),
          ),
        )
        .returning();
      return rows[0];
    },

    /** Replaces the reviewers' comments of a report with these (others are cleared). */
    async setComments(
      laporanId: string,
      comments: ReadonlyArray<{ indikatorCode: string; comment: string }>,
      by: string,
      tx: DbOrTx = db,
    ) {
      await tx
        .update(laporanEntry)
        .set({ reviewComment: null, reviewCommentBy: null })
        .where(and(eq(laporanEntry.laporanId, laporanId), isNotNull(laporanEntry.reviewComment)));
      for (const c of comments) {
        await tx
          .update(laporanEntry)
          .set({ reviewComment: c.comment, reviewCommentBy: by })
          .where(and(eq(laporanEntry.laporanId, laporanId), eq(laporanEntry.indikatorCode, c.indikatorCode)));
      }
    },

    async evidenceCounts(laporanId: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ code: evidence.indikatorCode, n: count() })
        .from(evidence)
        .where(eq(evidence.laporanId, laporanId))
        .groupBy(evidence.indikatorCode);
      return new Map(rows.map((r) => [r.code, r.n]));
    },

    async evidenceOf(laporanId: string, tx: DbOrTx = db) {
      return tx
        .select({
          id: evidence.id,
          indikatorCode: evidence.indikatorCode,
          originalName: evidence.originalName,
          mime: evidence.mime,
          size: evidence.size,
          sha256: evidence.sha256,
          uploadedBy: users.namaLengkap,
          uploadedAt: evidence.uploadedAt,
        })
        .from(evidence)
        .leftJoin(users, eq(users.id, evidence.uploadedBy))
        .where(eq(evidence.laporanId, laporanId))
        .orderBy(asc(evidence.uploadedAt));
    },

    /** Every entry of a unit in a periode, with its report's state (for scoring and the preview). */
    async unitEntries(periodeId: string, kode: string, tx: DbOrTx = db) {
      return tx
        .select({
          laporanId: laporan.id,
          kind: laporan.kind,
          bulan: laporan.bulan,
          status: laporan.status,
          entry: laporanEntry,
        })
        .from(laporanEntry)
        .innerJoin(laporan, eq(laporan.id, laporanEntry.laporanId))
        .where(and(eq(laporan.periodeId, periodeId), eq(laporan.wilayahKode, kode)));
    },

    /** The audit rows of one report, oldest first, with the actor's name. */
    async timeline(laporanId: string, tx: DbOrTx = db) {
      return tx
        .select({ a: auditLog, nama: users.namaLengkap })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(eq(auditLog.entity, 'laporan'), eq(auditLog.entityId, laporanId)))
        .orderBy(asc(auditLog.at), asc(auditLog.id));
    },

    async summaries(where: SQL | undefined, page: { limit: number; offset: number }, tx: DbOrTx = db) {
      const base = tx
        .select(summaryColumns)
        .from(laporan)
        .innerJoin(wilayah, eq(wilayah.kode, laporan.wilayahKode))
        .innerJoin(kecamatanW, eq(kecamatanW.kode, laporan.kecamatanKode))
        .innerJoin(periode, eq(periode.id, laporan.periodeId))
        .where(where)
        .orderBy(sql`${laporan.submittedAt} asc nulls last`, asc(laporan.createdAt), asc(laporan.id))
        .limit(page.limit)
        .offset(page.offset);
      const [rows, totals] = await Promise.all([base, tx.select({ n: count() }).from(laporan).where(where)]);
      return { rows, total: totals[0]?.n ?? 0 };
    },

    async countByStatus(where: SQL | undefined, tx: DbOrTx = db) {
      return tx
        .select({
          status: laporan.status,
          n: count(),
          late: sql<number>`count(*) filter (where ${laporan.late})`,
        })
        .from(laporan)
        .where(where)
        .groupBy(laporan.status);
    },

    async summaryOf(id: string, tx: DbOrTx = db) {
      const rows = await tx
        .select(summaryColumns)
        .from(laporan)
        .innerJoin(wilayah, eq(wilayah.kode, laporan.wilayahKode))
        .innerJoin(kecamatanW, eq(kecamatanW.kode, laporan.kecamatanKode))
        .innerJoin(periode, eq(periode.id, laporan.periodeId))
        .where(eq(laporan.id, id))
        .limit(1);
      return rows[0];
    },

    async wilayahNames(kodes: string[], tx: DbOrTx = db) {
      if (kodes.length === 0) return new Map<string, string>();
      const rows = await tx
        .select({ kode: wilayah.kode, nama: wilayah.nama })
        .from(wilayah)
        .where(inArray(wilayah.kode, kodes));
      return new Map(rows.map((r) => [r.kode, r.nama]));
    },
  };
}
export type LaporanRepo = ReturnType<typeof createLaporanRepo>;
