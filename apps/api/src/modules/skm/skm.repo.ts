import { skmUnsurKeys } from '@sip/contracts';
import { and, count, desc, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { skmKodeLayanan, skmResponses, skmUnitSettings } from '../../db/schema/skm';
import { wilayah } from '../../db/schema/wilayah';
import { withinWilayah } from '../../lib/sql';

export type SkmResponseInsert = typeof skmResponses.$inferInsert;
export type SaranStatus = 'menunggu' | 'disetujui' | 'disembunyikan';
export type ResponseStatus = 'diterima' | 'karantina' | 'dibatalkan';
const counted = eq(skmResponses.status, 'diterima');

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
    counted,
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
  'status',
  'sumber',
  'formNonce',
  'kodeLayanan',
  'enteredBy',
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
  const burstPrepared = db
    .select({
      recent: sql<number>`(count(*) filter (where ${skmResponses.submittedAt} > ${sql.placeholder('hourAgo')}::timestamptz and ${skmResponses.status} <> 'dibatalkan'))::int`,
      baseCount: sql<number>`(count(*) filter (where ${skmResponses.submittedAt} <= ${sql.placeholder('hourAgo')}::timestamptz and ${counted}))::int`,
      baseHours: sql<number>`(count(distinct date_trunc('hour', ${skmResponses.submittedAt})) filter (where ${skmResponses.submittedAt} <= ${sql.placeholder('hourAgo')}::timestamptz and ${counted}))::int`,
      // The unit's kode layanan mode in the same round trip (the submit's hot path).
      kodeLayananWajib: sql<boolean>`coalesce((select ${skmUnitSettings.kodeLayananWajib} from ${skmUnitSettings} where ${skmUnitSettings.wilayahKode} = ${sql.placeholder('kode')} and ${skmUnitSettings.tahun} = ${sql.placeholder('tahun')}::smallint), false)`,
    })
    .from(skmResponses)
    .where(
      and(
        eq(skmResponses.wilayahKode, sql.placeholder('kode')),
        sql`${skmResponses.submittedAt} > ${sql.placeholder('since')}::timestamptz`,
        eq(skmResponses.sumber, 'daring'),
      ),
    )
    .prepare('skm_burst_stats');

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
      const parts: SQL[] = [scoped(opts.scope), eq(skmResponses.saranStatus, opts.status), counted];
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

    async listResponses(
      f: PeriodFilter & { page: number; pageSize: number; status?: ResponseStatus | undefined },
      tx: DbOrTx = db,
    ) {
      const parts: SQL[] = [scoped({ kodes: [f.kode] }), eq(skmResponses.tahun, f.tahun)];
      if (f.semester) parts.push(eq(skmResponses.semester, f.semester));
      if (f.status) parts.push(eq(skmResponses.status, f.status));
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
        .set({ status: 'dibatalkan', voidedAt: now, voidedBy: by, voidReason: reason })
        .where(and(eq(skmResponses.id, id), ne(skmResponses.status, 'dibatalkan')))
        .returning({ id: skmResponses.id });
      return rows[0];
    },

    /** A quarantined response counts from now on. */
    async release(id: number, tx: DbOrTx = db) {
      const rows = await tx
        .update(skmResponses)
        .set({ status: 'diterima' })
        .where(and(eq(skmResponses.id, id), eq(skmResponses.status, 'karantina')))
        .returning({ id: skmResponses.id });
      return rows[0];
    },

    /**
     * The burst detector's numbers for one unit: its online responses of the last hour (any status
     * but voided), and over the `days` before that hour its counted online responses and the number
     * of distinct hours they came in (its usual busy hour is their ratio); and the unit's kode
     * layanan mode for the year.
     */
    async burstStats(kode: string, tahun: number, now: Date, days: number) {
      const hourAgo = new Date(now.getTime() - 3_600_000);
      const since = new Date(now.getTime() - days * 86_400_000);
      const rows = await burstPrepared.execute({
        kode,
        tahun,
        hourAgo: hourAgo.toISOString(),
        since: since.toISOString(),
      });
      const r = rows[0];
      return {
        recent: r?.recent ?? 0,
        baseCount: r?.baseCount ?? 0,
        baseHours: r?.baseHours ?? 0,
        kodeLayananWajib: r?.kodeLayananWajib ?? false,
      };
    },

    /** Whether a device already answered for a unit on a day (one response per device per unit per day). */
    async answeredOn(kode: string, deviceId: string, day: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ id: skmResponses.id })
        .from(skmResponses)
        .where(
          and(
            eq(skmResponses.wilayahKode, kode),
            eq(skmResponses.deviceId, deviceId),
            eq(skmResponses.day, day),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    async findByFormNonce(nonce: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ id: skmResponses.id })
        .from(skmResponses)
        .where(eq(skmResponses.formNonce, nonce))
        .limit(1);
      return rows[0];
    },

    /** Quarantined responses per unit within these wilayah. */
    async karantinaCounts(kodes: readonly string[], tx: DbOrTx = db) {
      return tx
        .select({
          wilayahKode: skmResponses.wilayahKode,
          wilayahNama: wilayah.nama,
          jumlah: sql<number>`count(*)::int`,
        })
        .from(skmResponses)
        .innerJoin(wilayah, eq(wilayah.kode, skmResponses.wilayahKode))
        .where(and(eq(skmResponses.status, 'karantina'), withinWilayah(skmResponses.wilayahKode, kodes)))
        .groupBy(skmResponses.wilayahKode, wilayah.nama)
        .orderBy(skmResponses.wilayahKode);
    },

    /** Inserts in a transaction (kode layanan, paper); undefined when a unique key is taken. */
    async insertIn(tx: DbOrTx, values: SkmNewResponse): Promise<number | undefined> {
      const rows = await tx
        .insert(skmResponses)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: skmResponses.id });
      return rows[0]?.id;
    },

    // --- kode layanan ---
    async settings(kode: string, tahun: number, tx: DbOrTx = db) {
      const rows = await tx
        .select({ kodeLayananWajib: skmUnitSettings.kodeLayananWajib })
        .from(skmUnitSettings)
        .where(and(eq(skmUnitSettings.wilayahKode, kode), eq(skmUnitSettings.tahun, tahun)))
        .limit(1);
      return { kodeLayananWajib: rows[0]?.kodeLayananWajib ?? false };
    },

    async saveSettings(
      v: { kode: string; tahun: number; kodeLayananWajib: boolean; by: string; now: Date },
      tx: DbOrTx = db,
    ) {
      await tx
        .insert(skmUnitSettings)
        .values({
          wilayahKode: v.kode,
          tahun: v.tahun,
          kodeLayananWajib: v.kodeLayananWajib,
          updatedAt: v.now,
          updatedBy: v.by,
        })
        .onConflictDoUpdate({
          target: [skmUnitSettings.wilayahKode, skmUnitSettings.tahun],
          set: { kodeLayananWajib: v.kodeLayananWajib, updatedAt: v.now, updatedBy: v.by },
        });
    },

    async insertCodes(
      rows: { kode: string; wilayahKode: string; batchId: string; createdAt: Date; createdBy: string }[],
      tx: DbOrTx = db,
    ) {
      const done = await tx
        .insert(skmKodeLayanan)
        .values(rows)
        .onConflictDoNothing()
        .returning({ kode: skmKodeLayanan.kode });
      return done.length;
    },

    /** Marks an unused code of this unit as used; false when it is unknown, foreign or used. */
    async useCode(code: string, kode: string, now: Date, tx: DbOrTx = db) {
      const rows = await tx
        .update(skmKodeLayanan)
        .set({ usedAt: now })
        .where(
          and(
            eq(skmKodeLayanan.kode, code),
            eq(skmKodeLayanan.wilayahKode, kode),
            isNull(skmKodeLayanan.usedAt),
          ),
        )
        .returning({ kode: skmKodeLayanan.kode });
      return rows.length === 1;
    },

    async linkCode(code: string, responseId: number, tx: DbOrTx = db) {
      await tx.update(skmKodeLayanan).set({ responseId }).where(eq(skmKodeLayanan.kode, code));
    },

    async codeOf(code: string, tx: DbOrTx = db) {
      const rows = await tx.select().from(skmKodeLayanan).where(eq(skmKodeLayanan.kode, code)).limit(1);
      return rows[0];
    },

    async batches(kode: string, since: Date, until: Date, tx: DbOrTx = db) {
      return tx
        .select({
          batchId: skmKodeLayanan.batchId,
          createdAt: sql<Date>`min(${skmKodeLayanan.createdAt})`.mapWith((v) => new Date(v)),
          jumlah: sql<number>`count(*)::int`,
          dipakai: sql<number>`count(${skmKodeLayanan.usedAt})::int`,
        })
        .from(skmKodeLayanan)
        .where(
          and(
            eq(skmKodeLayanan.wilayahKode, kode),
            sql`${skmKodeLayanan.createdAt} >= ${since.toISOString()}::timestamptz`,
            sql`${skmKodeLayanan.createdAt} < ${until.toISOString()}::timestamptz`,
          ),
        )
        .groupBy(skmKodeLayanan.batchId)
        .orderBy(desc(sql`min(${skmKodeLayanan.createdAt})`));
    },

    async batch(kode: string, batchId: string, tx: DbOrTx = db) {
      return tx
        .select({
          kode: skmKodeLayanan.kode,
          usedAt: skmKodeLayanan.usedAt,
          createdAt: skmKodeLayanan.createdAt,
        })
        .from(skmKodeLayanan)
        .where(and(eq(skmKodeLayanan.wilayahKode, kode), eq(skmKodeLayanan.batchId, batchId)))
        .orderBy(skmKodeLayanan.kode);
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
