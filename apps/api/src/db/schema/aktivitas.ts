import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { wilayah } from './wilayah';

/**
 * One logged activity of a pegawai (aktivitas harian). The table is partitioned by month on
 * `tanggal` (migration 0022; 2–3 million rows a month in a city the size of Bandung) and keyed by
 * (`pemda_kode`, `tanggal`, `id`) so it can later be sharded by pemda. The id comes from the device
 * that logged it, so a draft sent twice after a lost connection is stored once.
 *
 * Minutes: `menit` is what the pegawai logged (end − start); `menit_disetujui` what his atasan
 * approved (possibly shortened); `menit_diakui` what the verifikator kinerja confirmed or corrected.
 * The monthly score counts `menit_diakui`, or the approved minutes of an entry outside the sample.
 */
export const aktivitas = pgTable(
  'aktivitas',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    tanggal: date('tanggal').notNull(),
    id: uuid('id').notNull(),
    pegawaiId: uuid('pegawai_id').notNull(),
    /** The jabatan held when it was done, and its unit kerja (the month is verified per unit kerja). */
    jabatanId: uuid('jabatan_id').notNull(),
    unitKerjaId: uuid('unit_kerja_id').notNull(),
    kegiatanId: uuid('kegiatan_id'),
    uraian: text('uraian').notNull(),
    /** Minutes after midnight in the pemda's zone. */
    mulai: integer('mulai').notNull(),
    selesai: integer('selesai').notNull(),
    menit: integer('menit').notNull(),
    volume: integer('volume').notNull(),
    satuan: text('satuan').notNull(),
    lembur: boolean('lembur').notNull().default(false),
    catatan: text('catatan').notNull().default(''),
    buktiKey: text('bukti_key'),
    buktiNama: text('bukti_nama'),
    buktiMime: text('bukti_mime'),
    buktiUkuran: integer('bukti_ukuran'),
    status: text('status', { enum: ['diajukan', 'disetujui', 'ditolak'] })
      .notNull()
      .default('diajukan'),
    menitDisetujui: integer('menit_disetujui'),
    alasanAtasan: text('alasan_atasan'),
    /** The pegawai who decided (the atasan, or his atasan once the week escalated). */
    diputusOleh: uuid('diputus_oleh'),
    diputusAt: timestamp('diputus_at', { withTimezone: true }),
    eskalasi: boolean('eskalasi').notNull().default(false),
    sampel: boolean('sampel').notNull().default(false),
    menitDiakui: integer('menit_diakui'),
    alasanVerifikasi: text('alasan_verifikasi'),
    diverifikasiOleh: uuid('diverifikasi_oleh'),
    diverifikasiAt: timestamp('diverifikasi_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pemdaKode, t.tanggal, t.id] }),
    index('aktivitas_pegawai_idx').on(t.pegawaiId, t.tanggal),
    index('aktivitas_unit_idx').on(t.unitKerjaId, t.tanggal),
    check(
      'aktivitas_waktu_check',
      sql`${t.mulai} >= 0 AND ${t.selesai} <= 1440 AND ${t.selesai} > ${t.mulai}`,
    ),
    check('aktivitas_menit_check', sql`${t.menit} = ${t.selesai} - ${t.mulai}`),
  ],
);

/**
 * Which day an activity id is on, one row per id: ids stay unique (the partitioned table's key
 * includes the day, so it cannot say so itself), a taken id is refused by this key, and a lookup by
 * id finds its partition at once. Sharded by pemda, this table would be distributed by `id`.
 */
export const aktivitasKunci = pgTable(
  'aktivitas_kunci',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    id: uuid('id').notNull(),
    tanggal: date('tanggal').notNull(),
    pegawaiId: uuid('pegawai_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id] })],
);

/** A day outside the grace period that a pegawai may still log, granted with a reason until a time. */
export const aktivitasPengecualian = pgTable(
  'aktivitas_pengecualian',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    pegawaiId: uuid('pegawai_id').notNull(),
    tanggal: date('tanggal').notNull(),
    berlakuSampai: timestamp('berlaku_sampai', { withTimezone: true }).notNull(),
    alasan: text('alasan').notNull(),
    diberikanOleh: uuid('diberikan_oleh').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pemdaKode, t.pegawaiId, t.tanggal] })],
);

/** The atasan's monthly rating of a pegawai on the seven BerAKHLAK values (1–5 each). */
export const perilakuBulanan = pgTable(
  'perilaku_bulanan',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    tahun: integer('tahun').notNull(),
    bulan: integer('bulan').notNull(),
    pegawaiId: uuid('pegawai_id').notNull(),
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    catatan: text('catatan').notNull().default(''),
    dinilaiOleh: uuid('dinilai_oleh').notNull(),
    dinilaiAt: timestamp('dinilai_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pemdaKode, t.tahun, t.bulan, t.pegawaiId] })],
);

/**
 * The monthly verification of a unit kerja by the verifikator kinerja: all approved entries or a
 * random sample, then the close, which locks the month's entries and stores the scores.
 */
export const verifikasiKinerja = pgTable(
  'verifikasi_kinerja',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    unitKerjaId: uuid('unit_kerja_id').notNull(),
    tahun: integer('tahun').notNull(),
    bulan: integer('bulan').notNull(),
    cara: text('cara', { enum: ['semua', 'sampel'] }).notNull(),
    ukuranSampel: integer('ukuran_sampel'),
    status: text('status', { enum: ['berjalan', 'ditutup'] })
      .notNull()
      .default('berjalan'),
    dimulaiOleh: uuid('dimulai_oleh').notNull(),
    dimulaiAt: timestamp('dimulai_at', { withTimezone: true }).notNull().defaultNow(),
    ditutupOleh: uuid('ditutup_oleh'),
    ditutupAt: timestamp('ditutup_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pemdaKode, t.unitKerjaId, t.tahun, t.bulan] })],
);

/** A pegawai's score of a closed month, as computed by packages/scoring `nilaiKinerjaBulanan`. */
export const kinerjaBulanan = pgTable(
  'kinerja_bulanan',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    tahun: integer('tahun').notNull(),
    bulan: integer('bulan').notNull(),
    pegawaiId: uuid('pegawai_id').notNull(),
    unitKerjaId: uuid('unit_kerja_id').notNull(),
    menitDiakui: integer('menit_diakui').notNull(),
    hariKerja: integer('hari_kerja').notNull(),
    targetMenit: integer('target_menit').notNull(),
    produktivitas: numeric('produktivitas', { mode: 'number' }).notNull(),
    perilaku: numeric('perilaku', { mode: 'number' }),
    nilaiKinerja: numeric('nilai_kinerja', { mode: 'number' }),
    rincian: jsonb('rincian').notNull(),
    dihitungAt: timestamp('dihitung_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pemdaKode, t.tahun, t.bulan, t.pegawaiId] }),
    index('kinerja_bulanan_unit_idx').on(t.unitKerjaId, t.tahun, t.bulan),
  ],
);
