import type { LaporanStatus } from '@sip/contracts';
import {
  and,
  asc,
  count,
  eq,
  inArray,
  isNotNull,
  isNull,
  ne,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client';
import { users } from '../../db/schema/auth';
import { laporan, laporanEntry } from '../../db/schema/laporan';
import { periode } from '../../db/schema/periode';
import { wilayah } from '../../db/schema/wilayah';
import { withinWilayah } from '../../lib/sql';

export type LaporanRow = typeof laporan.$inferSelect;
export type LaporanInsert = typeof laporan.$inferInsert;
export type EntryRow = typeof laporanEntry.$inferSelect;
export type EntryInsert = typeof laporanEntry.$inferInsert;
export type LaporanChanges = Partial<
  Omit<LaporanRow, 'id' | 'periodeId' | 'wilayahKode' | 'version' | 'createdAt'>
>;

/** Which reports a list shows: those waiting for a reviewer, or those of a status in the reader's scope. */
export type QueueFilter = {
  periodeId: string;
  kecamatan?: string | undefined;
  /** 0: the annual report. */
  bulan?: number | undefined;
  late?: boolean | undefined;
} & (
  | {
      /**
       * Reports waiting for this reviewer: verification within `verify`, endorsement within
       * `endorse`; never of the units in `exclude` (he reports for them), never one he endorsed.
       */
      waiting: { reviewer: string; verify: string[]; endorse: string[]; exclude: string[] };
    }
  | { status: LaporanStatus; readable: string[] }
);

function waitingCondition(w: {
  reviewer: string;
  verify: string[];
  endorse: string[];
  exclude: string[];
}): SQL {
  const parts: SQL[] = [];
  if (w.verify.length) {
    parts.push(
      and(
        withinWilayah(laporan.wilayahKode, w.verify),
        or(
          and(eq(laporan.status, 'diajukan'), eq(laporan.endorsementRequired, false)),
          eq(laporan.status, 'dikaji_camat'),
        ),
        or(isNull(laporan.endorsedBy), ne(laporan.endorsedBy, w.reviewer)),
      ) as SQL,
    );
  }
  if (w.endorse.length) {
    parts.push(
      and(
        withinWilayah(laporan.wilayahKode, w.endorse),
        eq(laporan.status, 'diajukan'),
        eq(laporan.endorsementRequired, true),
      ) as SQL,
    );
  }
  if (parts.length === 0) return sql`false`;
  const cond = or(...parts) as SQL;
  return w.exclude.length ? (and(cond, notInArray(laporan.wilayahKode, w.exclude)) as SQL) : cond;
}

function queueCondition(f: QueueFilter): SQL {
  const where: SQL[] = [eq(laporan.periodeId, f.periodeId)];
  if ('waiting' in f) where.push(waitingCondition(f.waiting));
  else where.push(withinWilayah(laporan.wilayahKode, f.readable), eq(laporan.status, f.status));
  if (f.kecamatan) where.push(eq(laporan.kecamatanKode, f.kecamatan));
  if (f.bulan !== undefined)
    where.push(f.bulan === 0 ? eq(laporan.kind, 'tahunan') : eq(laporan.bulan, f.bulan));
  if (f.late !== undefined) where.push(eq(laporan.late, f.late));
  return and(...where) as SQL;
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
    /** The due instant of a periode's reports of one kind and month (the pemda's zone changed). */
    async setDueAt(
      periodeId: string,
      kind: 'bulanan' | 'tahunan',
      bulan: number | null,
      dueAt: Date,
      tx: DbOrTx = db,
    ) {
      await tx
        .update(laporan)
        .set({ dueAt })
        .where(
          and(
            eq(laporan.periodeId, periodeId),
            eq(laporan.kind, kind),
            bulan === null ? isNull(laporan.bulan) : eq(laporan.bulan, bulan),
          ),
        );
    },

    async insert(values: LaporanInsert, tx: DbOrTx = db) {
      const rows = await tx.insert(laporan).values(values).onConflictDoNothing().returning();
      return rows[0];
    },

    /** Several reports at once; those whose key exists already are skipped (not returned). */
    async insertMany(values: LaporanInsert[], tx: DbOrTx = db) {
      if (values.length === 0) return [];
      return tx
        .insert(laporan)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: laporan.id, kind: laporan.kind, bulan: laporan.bulan });
    },

    async listForUnit(periodeId: string, kode: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(laporan)
        .where(and(eq(laporan.periodeId, periodeId), eq(laporan.wilayahKode, kode)));
    },

    /** The monthly reports of a periode (of these units, or all), for timeliness and compliance. */
    async monthlyReports(periodeId: string, kodes?: readonly string[], tx: DbOrTx = db) {
      return tx
        .select({
          kode: laporan.wilayahKode,
          bulan: laporan.bulan,
          dueAt: laporan.dueAt,
          firstSubmittedAt: laporan.firstSubmittedAt,
        })
        .from(laporan)
        .where(
          and(
            eq(laporan.periodeId, periodeId),
            eq(laporan.kind, 'bulanan'),
            kodes ? inArray(laporan.wilayahKode, [...kodes]) : undefined,
          ),
        );
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

    /** The entry needs a fresh decision (its evidence changed); true when it had one. */
    async clearDecision(laporanId: string, code: string, tx: DbOrTx = db) {
      const rows = await tx
        .update(laporanEntry)
        .set({ decision: null, correctedValue: null, decisionReason: null, decidedBy: null, decidedAt: null })
        .where(
          and(
            eq(laporanEntry.laporanId, laporanId),
            eq(laporanEntry.indikatorCode, code),
            isNotNull(laporanEntry.decision),
          ),
        )
        .returning({ code: laporanEntry.indikatorCode });
      return rows.length > 0;
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

    /** Every entry of these units in a periode, with its report's state (for scoring and the preview). */
    async unitEntries(periodeId: string, kodes: readonly string[], tx: DbOrTx = db) {
      if (kodes.length === 0) return [];
      return tx
        .select({
          wilayahKode: laporan.wilayahKode,
          laporanId: laporan.id,
          kind: laporan.kind,
          bulan: laporan.bulan,
          status: laporan.status,
          entry: laporanEntry,
        })
        .from(laporanEntry)
        .innerJoin(laporan, eq(laporan.id, laporanEntry.laporanId))
        .where(and(eq(laporan.periodeId, periodeId), inArray(laporan.wilayahKode, [...kodes])))
        .orderBy(asc(laporan.wilayahKode), asc(laporanEntry.indikatorCode), asc(laporan.bulan));
    },

    /** Indicators whose verified value is a verifikator's correction, per unit (the rapor shows "dikoreksi"). */
    async correctedCodes(periodeId: string, tx: DbOrTx = db) {
      return tx
        .selectDistinct({ kode: laporan.wilayahKode, code: laporanEntry.indikatorCode })
        .from(laporanEntry)
        .innerJoin(laporan, eq(laporan.id, laporanEntry.laporanId))
        .where(
          and(
            eq(laporan.periodeId, periodeId),
            eq(laporan.status, 'diverifikasi'),
            eq(laporanEntry.decision, 'dikoreksi'),
          ),
        );
    },

    /** One page of the review queue, with the names a list shows, and how many match. */
    async queue(f: QueueFilter, page: { limit: number; offset: number }, tx: DbOrTx = db) {
      const where = queueCondition(f);
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

    /** What is still open in a periode before its results are published (the publication checklist). */
    async openWork(periodeId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({
          menungguKajian: sql<number>`count(*) filter (where ${laporan.status} in ('diajukan', 'dikaji_camat'))::int`,
          tahunanTerverifikasi: sql<number>`count(*) filter (where ${laporan.kind} = 'tahunan' and ${laporan.status} = 'diverifikasi')::int`,
        })
        .from(laporan)
        .where(eq(laporan.periodeId, periodeId));
      return {
        menungguKajian: row?.menungguKajian ?? 0,
        tahunanTerverifikasi: row?.tahunanTerverifikasi ?? 0,
      };
    },

    /** Reports per status (and how many of them late) of a periode within the reader's scope. */
    async countByStatus(periodeId: string, readable: string[], tx: DbOrTx = db) {
      return tx
        .select({
          status: laporan.status,
          n: count(),
          late: sql<number>`count(*) filter (where ${laporan.late})`,
        })
        .from(laporan)
        .where(and(eq(laporan.periodeId, periodeId), withinWilayah(laporan.wilayahKode, readable)))
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

    /** Names and NIP of the people who signed a report off (submitter, camat, verifikator). */
    async people(ids: readonly string[], tx: DbOrTx = db) {
      if (ids.length === 0) return [];
      return tx
        .select({ id: users.id, nama: users.namaLengkap, nip: users.nip })
        .from(users)
        .where(inArray(users.id, [...ids]));
    },

    /** The name of a wilayah (the pemda, for a letterhead). */
    async wilayahNama(kode: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ nama: wilayah.nama })
        .from(wilayah)
        .where(eq(wilayah.kode, kode))
        .limit(1);
      return rows[0]?.nama;
    },
  };
}
export type LaporanRepo = ReturnType<typeof createLaporanRepo>;
