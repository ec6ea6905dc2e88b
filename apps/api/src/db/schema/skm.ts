import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { wilayah } from './wilayah';

const unsur = (name: string) => smallint(name).notNull();

/**
 * One citizen's SKM response (PermenPANRB 14/2017). Anonymous: the device id is a random value the
 * browser keeps, never linked to a person. Unsur are columns named by key, never by position.
 */
export const skmResponses = pgTable(
  'skm_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wilayahKode: text('wilayah_kode')
      .notNull()
      .references(() => wilayah.kode),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    tahun: smallint('tahun').notNull(),
    semester: smallint('semester').notNull(),
    /** Calendar day in the pemda's zone: one response per device per unit per day. */
    day: date('day', { mode: 'string' }).notNull(),
    persyaratan: unsur('persyaratan'),
    prosedur: unsur('prosedur'),
    waktu: unsur('waktu'),
    biaya: unsur('biaya'),
    produk: unsur('produk'),
    kompetensi: unsur('kompetensi'),
    perilaku: unsur('perilaku'),
    pengaduan: unsur('pengaduan'),
    sarana: unsur('sarana'),
    jenisKelamin: text('jenis_kelamin'),
    kelompokUmur: text('kelompok_umur'),
    pendidikan: text('pendidikan'),
    pekerjaan: text('pekerjaan'),
    layanan: text('layanan'),
    saran: text('saran'),
    /** Null when there is no suggestion; shown in reports only once `disetujui`. */
    saranStatus: text('saran_status', { enum: ['menunggu', 'disetujui', 'disembunyikan'] }),
    moderatedBy: uuid('moderated_by'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    idempotencyKey: uuid('idempotency_key').notNull(),
    deviceId: text('device_id').notNull(),
    /**
     * Only `diterima` counts (IKM, rapor). `karantina`: held by the burst detector until an admin
     * releases or voids it; `dibatalkan`: voided by an admin (with a reason).
     */
    status: text('status', { enum: ['diterima', 'karantina', 'dibatalkan'] })
      .notNull()
      .default('diterima'),
    /** `daring`: the public survey; `kertas`: a paper questionnaire entered by an officer. */
    sumber: text('sumber', { enum: ['daring', 'kertas'] })
      .notNull()
      .default('daring'),
    /** The officer who entered a paper questionnaire. */
    enteredBy: uuid('entered_by'),
    /** The random part of the form token: a form is accepted once. Null for paper and demo rows. */
    formNonce: text('form_nonce'),
    /** The one-time kode layanan this response used, if any. */
    kodeLayanan: text('kode_layanan'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('skm_responses_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('skm_responses_device_day_uq').on(t.deviceId, t.wilayahKode, t.day),
    uniqueIndex('skm_responses_form_nonce_uq').on(t.formNonce),
    // Aggregation of one unit, or of every unit under a prefix (LIKE 'kode.%'), for a year.
    index('skm_responses_agg_idx')
      .on(t.wilayahKode.op('text_pattern_ops'), t.tahun)
      .where(sql`${t.status} = 'diterima'`),
    // The burst detector: a unit's recent online responses.
    index('skm_responses_recent_idx').on(t.wilayahKode, t.submittedAt),
    // The admin's quarantine list.
    index('skm_responses_karantina_idx')
      .on(t.wilayahKode.op('text_pattern_ops'))
      .where(sql`${t.status} = 'karantina'`),
    index('skm_responses_saran_idx')
      .on(t.saranStatus, t.wilayahKode.op('text_pattern_ops'))
      .where(sql`${t.saranStatus} is not null`),
    check('skm_responses_semester', sql`${t.semester} in (1, 2)`),
    check(
      'skm_responses_answers',
      sql`${t.persyaratan} between 1 and 4 and ${t.prosedur} between 1 and 4 and ${t.waktu} between 1 and 4 and ${t.biaya} between 1 and 4 and ${t.produk} between 1 and 4 and ${t.kompetensi} between 1 and 4 and ${t.perilaku} between 1 and 4 and ${t.pengaduan} between 1 and 4 and ${t.sarana} between 1 and 4`,
    ),
  ],
);

/**
 * One-time service codes ("kode layanan"): the counter hands one to each visitor (printed slip with
 * a QR code to the survey); a code counts one response. Random, never linked to the visitor.
 */
export const skmKodeLayanan = pgTable(
  'skm_kode_layanan',
  {
    kode: text('kode').primaryKey(),
    wilayahKode: text('wilayah_kode')
      .notNull()
      .references(() => wilayah.kode),
    batchId: uuid('batch_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    responseId: bigint('response_id', { mode: 'number' }),
  },
  (t) => [index('skm_kode_layanan_batch_idx').on(t.wilayahKode, t.batchId)],
);

/** Per unit and year: whether only responses with a kode layanan count (off by default). */
export const skmUnitSettings = pgTable(
  'skm_unit_settings',
  {
    wilayahKode: text('wilayah_kode')
      .notNull()
      .references(() => wilayah.kode),
    tahun: smallint('tahun').notNull(),
    kodeLayananWajib: boolean('kode_layanan_wajib').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.wilayahKode, t.tahun] })],
);
