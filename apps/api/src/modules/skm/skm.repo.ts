import { skmUnsurKeys } from '@sip/contracts';
import { and, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { skmResponses } from '../../db/schema/skm';
import { wilayah } from '../../db/schema/wilayah';
import { withinWilayah } from '../../lib/sql';

export type SkmResponseInsert = typeof skmResponses.$inferInsert;
export type SaranStatus = 'menunggu' | 'disetujui' | 'disembunyikan';

/** Responses of these units only (`exact`), or of these wilayah and everything under them. */
export interface SkmScope {
  kodes: readonly string[];
  exact?: boolean;
}
const scoped = (s: SkmScope): SQL =>
  s.exact
    ? inArray(skmResponses.wilayahKode, [...s.kodes])
    : withinWilayah(skmResponses.wilayahKode, s.kodes);

export interface PeriodFilter {
  kode: string;
  tahun: number;
  semester?: number | undefined;
}

function periodWhere(f: PeriodFilter, onlyExact = false): SQL {
  const parts: SQL[] = [
    scoped({ kodes: [f.kode], exact: onlyExact }),
    eq(skmResponses.tahun, f.tahun),
    isNull(skmResponses.voidedAt),
  ];
  if (f.semester) parts.push(eq(skmResponses.semester, f.semester));
  return and(...parts) as SQL;
}

const sums = Object.fromEntries(
  skmUnsurKeys.map((k) => [k, sql<number>`coalesce(sum(${skmResponses[k]}), 0)::int`]),
) as Record<(typeof skmUnsurKeys)[number], SQL.Aliased<number> | SQL<number>>;

export const profilColumns = {
  jenisKelamin: skmResponses.jenisKelamin,
  kelompokUmur: skmResponses.kelompokUmur,
  pendidikan: skmResponses.pendidikan,
  pekerjaan: skmResponses.pekerjaan,
} as const;

const insertColumns = [
  'wilayahKode',
  'submittedAt',
  'tahun',
  'semester',
  'day',
  ...skmUnsurKeys,
  'jenisKelamin',
  'kelompokUmur',
  'pendidikan',
  'pekerjaan',
  'layanan',
  'saran',
  'saranStatus',
  'idempotencyKey',
  'deviceId',
] as const;
export type SkmNewResponse = Required<Pick<SkmResponseInsert, (typeof insertColumns)[number]>>;

export function createSkmRepo(db: Db) {
  // The public submission is the hot path: one prepared statement (parsed and planned once per
  // connection), one round trip, no transaction.
  const insertPrepared = db
    .insert(skmResponses)
    .values(
      Object.fromEntries(insertColumns.map((c) => [c, sql.placeholder(c)])) as unknown as SkmResponseInsert,
    )
    .onConflictDoNothing()
    .returning({ id: skmResponses.id })
    .prepare('skm_response_insert');

  return {
    /** Inserts unless the idempotency key or the device/unit/day slot is taken; returns the new id. */
    async insert(values: SkmNewResponse): Promise<number | undefined> {
      const rows = await insertPrepared.execute(values);
      return rows[0]?.id;
    },

    /** Several responses at once (demo data, paper questionnaires); rows already there are skipped. */
    async insertMany(values: SkmResponseInsert[], tx: DbOrTx = db): Promise<number> {
      if (values.length === 0) return 0;
      const rows = await tx
        .insert(skmResponses)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: skmResponses.id });
      return rows.length;
    },

    async findByIdempotencyKey(key: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ id: skmResponses.id, wilayahKode: skmResponses.wilayahKode })
        .from(skmResponses)
        .where(eq(skmResponses.idempotencyKey, key))
        .limit(1);
      return rows[0];
    },

    async get(id: number, tx: DbOrTx = db) {
      const rows = await tx.select().from(skmResponses).where(eq(skmResponses.id, id)).limit(1);
      return rows[0];
    },

    /** Per-unsur sums and respondent counts per wilayah, for the unit and everything under it. */
    async sumsByWilayah(f: PeriodFilter, onlyExact = false, tx: DbOrTx = db) {
      return tx
        .select({ wilayahKode: skmResponses.wilayahKode, n: sql<number>`count(*)::int`, ...sums })
        .from(skmResponses)
        .where(periodWhere(f, onlyExact))
        .groupBy(skmResponses.wilayahKode);
    },

    async profilCounts(f: PeriodFilter, onlyExact: boolean, tx: DbOrTx = db) {
      const where = periodWhere(f, onlyExact);
      const entries = await Promise.all(
        Object.entries(profilColumns).map(async ([field, col]) => {
          const rows = await tx
            .select({ value: col, n: sql<number>`count(*)::int` })
            .from(skmResponses)
            .where(where)
            .groupBy(col);
          return [field, rows] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<
        keyof typeof profilColumns,
        { value: string | null; n: number }[]
      >;
    },

    async saran(
      opts: {
        scope: SkmScope;
        status: SaranStatus;
        tahun?: number | undefined;
        semester?: number | undefined;
        page: number;
        pageSize: number;
      },
      tx: DbOrTx = db,
    ) {
      const parts: SQL[] = [
        scoped(opts.scope),
        eq(skmResponses.saranStatus, opts.status),
        isNull(skmResponses.voidedAt),
      ];
      if (opts.tahun) parts.push(eq(skmResponses.tahun, opts.tahun));
      if (opts.semester) parts.push(eq(skmResponses.semester, opts.semester));
      const where = and(...parts);
      const [rows, totals] = await Promise.all([
        tx
          .select({
            id: skmResponses.id,
            wilayahKode: skmResponses.wilayahKode,
            wilayahNama: wilayah.nama,
            submittedAt: skmResponses.submittedAt,
            layanan: skmResponses.layanan,
            saran: skmResponses.saran,
            status: skmResponses.saranStatus,
          })
          .from(skmResponses)
          .innerJoin(wilayah, eq(wilayah.kode, skmResponses.wilayahKode))
          .where(where)
          .orderBy(desc(skmResponses.submittedAt), desc(skmResponses.id))
          .limit(opts.pageSize)
          .offset((opts.page - 1) * opts.pageSize),
        tx.select({ n: count() }).from(skmResponses).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },

    async listResponses(f: PeriodFilter & { page: number; pageSize: number }, tx: DbOrTx = db) {
      const parts: SQL[] = [scoped({ kodes: [f.kode] }), eq(skmResponses.tahun, f.tahun)];
      if (f.semester) parts.push(eq(skmResponses.semester, f.semester));
      const where = and(...parts);
      const [rows, totals] = await Promise.all([
        tx
          .select()
          .from(skmResponses)
          .where(where)
          .orderBy(desc(skmResponses.submittedAt), desc(skmResponses.id))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        tx.select({ n: count() }).from(skmResponses).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },

    /** Every counted response of the unit and its sub-units, for export. */
    async exportRows(f: PeriodFilter, tx: DbOrTx = db) {
      return tx
        .select({ r: skmResponses, wilayahNama: wilayah.nama })
        .from(skmResponses)
        .innerJoin(wilayah, eq(wilayah.kode, skmResponses.wilayahKode))
        .where(periodWhere(f))
        .orderBy(skmResponses.wilayahKode, skmResponses.submittedAt, skmResponses.id);
    },

    async void(id: number, by: string, reason: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(skmResponses)
        .set({ voidedAt: now, voidedBy: by, voidReason: reason })
        .where(and(eq(skmResponses.id, id), isNull(skmResponses.voidedAt)))
        .returning({ id: skmResponses.id });
      return rows[0];
    },

    async moderate(id: number, status: SaranStatus, by: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(skmResponses)
        .set({ saranStatus: status, moderatedBy: by, moderatedAt: now })
        .where(and(eq(skmResponses.id, id), isNotNull(skmResponses.saranStatus)))
        .returning({ id: skmResponses.id });
      return rows[0];
    },
  };
}
export type SkmRepo = ReturnType<typeof createSkmRepo>;
