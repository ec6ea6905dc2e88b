import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  pgTable,
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
    /** Calendar day in Asia/Jakarta: one response per device per unit per day. */
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
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('skm_responses_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('skm_responses_device_day_uq').on(t.deviceId, t.wilayahKode, t.day),
    // Aggregation of one unit, or of every unit under a prefix (LIKE 'kode.%'), for a year.
    index('skm_responses_agg_idx')
      .on(t.wilayahKode.op('text_pattern_ops'), t.tahun)
      .where(sql`${t.voidedAt} is null`),
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
