import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { wilayah } from './wilayah';

/**
 * The organisation of a pemda (DESIGN.md, "Kinerja pegawai"): its unit kerja, their jabatan with the
 * atasan position, and the pegawai holding them over dated spans. Every table carries `pemda_kode`
 * so the data can later be sharded by pemda; the small ones keep a uuid key of their own.
 */
export const unitKerja = pgTable(
  'unit_kerja',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    /** The pemda's own short code (e.g. `DISKOMINFO`, or the wilayah code for a kecamatan or kelurahan). */
    kode: text('kode').notNull(),
    nama: text('nama').notNull(),
    jenis: text('jenis', { enum: ['perangkat_daerah', 'kecamatan', 'kelurahan'] }).notNull(),
    /** The kecamatan or kelurahan this unit kerja runs (null for a dinas or badan). */
    wilayahKode: text('wilayah_kode').references(() => wilayah.kode),
    aktif: boolean('aktif').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_kerja_kode_uq').on(t.pemdaKode, t.kode),
    uniqueIndex('unit_kerja_wilayah_uq').on(t.wilayahKode),
  ],
);

/** A position in a unit kerja. `atasanId` is the superior position; the head of the pemda's tree has none. */
export const jabatan = pgTable(
  'jabatan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    unitKerjaId: uuid('unit_kerja_id')
      .notNull()
      .references(() => unitKerja.id),
    kode: text('kode').notNull(),
    nama: text('nama').notNull(),
    jenis: text('jenis', { enum: ['struktural', 'fungsional', 'pelaksana'] }).notNull(),
    /** Kelas jabatan 1–17 (the TPP table is keyed by it). */
    kelas: integer('kelas').notNull(),
    atasanId: uuid('atasan_id'),
    /** The head of its unit kerja (camat, lurah, kepala dinas): his rapor is the unit's. */
    kepalaUnit: boolean('kepala_unit').notNull().default(false),
    aktif: boolean('aktif').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('jabatan_kode_uq').on(t.pemdaKode, t.kode),
    index('jabatan_unit_idx').on(t.unitKerjaId),
    index('jabatan_atasan_idx').on(t.atasanId),
    check('jabatan_kelas_check', sql`${t.kelas} BETWEEN 1 AND 17`),
  ],
);

/** The catalogue of a jabatan's activities with their standard minutes; `templat` items make the day's template. */
export const jabatanKegiatan = pgTable(
  'jabatan_kegiatan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    jabatanId: uuid('jabatan_id')
      .notNull()
      .references(() => jabatan.id, { onDelete: 'cascade' }),
    nama: text('nama').notNull(),
    menitStandar: integer('menit_standar').notNull(),
    satuan: text('satuan').notNull(),
    templat: boolean('templat').notNull().default(false),
    urutan: integer('urutan').notNull().default(0),
    aktif: boolean('aktif').notNull().default(true),
  },
  (t) => [index('jabatan_kegiatan_jabatan_idx').on(t.jabatanId)],
);

export const pegawai = pgTable(
  'pegawai',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    nip: text('nip').notNull(),
    nama: text('nama').notNull(),
    status: text('status', { enum: ['PNS', 'CPNS', 'PPPK'] }).notNull(),
    /** The account this pegawai signs in with (role `pegawai`). */
    userId: uuid('user_id').references(() => users.id),
    aktif: boolean('aktif').notNull().default(true),
    version: integer('version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pegawai_nip_uq').on(t.nip),
    uniqueIndex('pegawai_user_uq').on(t.userId),
    index('pegawai_pemda_idx').on(t.pemdaKode, t.nama),
    check('pegawai_nip_check', sql`${t.nip} ~ '^[0-9]{18}$'`),
  ],
);

/**
 * Who held which jabatan when: `definitif`, or acting as `plt` (pelaksana tugas, a vacancy) or
 * `plh` (pelaksana harian, a short absence). `selesai` is the last day held (null: still held).
 */
export const pegawaiJabatan = pgTable(
  'pegawai_jabatan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    pegawaiId: uuid('pegawai_id')
      .notNull()
      .references(() => pegawai.id),
    jabatanId: uuid('jabatan_id')
      .notNull()
      .references(() => jabatan.id),
    jenis: text('jenis', { enum: ['definitif', 'plt', 'plh'] }).notNull(),
    mulai: date('mulai').notNull(),
    selesai: date('selesai'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('pegawai_jabatan_pegawai_idx').on(t.pegawaiId, t.mulai),
    index('pegawai_jabatan_jabatan_idx').on(t.jabatanId, t.mulai),
    check('pegawai_jabatan_span_check', sql`${t.selesai} IS NULL OR ${t.selesai} >= ${t.mulai}`),
  ],
);

/** The pemda's working calendar: national holidays, cuti bersama and its own days off. */
export const hariLibur = pgTable(
  'hari_libur',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    tanggal: date('tanggal').notNull(),
    jenis: text('jenis', { enum: ['libur_nasional', 'cuti_bersama', 'libur_daerah'] }).notNull(),
    keterangan: text('keterangan').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pemdaKode, t.tanggal] })],
);

/** A pegawai's leave over dated days (both ends included): nothing is logged on those days. */
export const cuti = pgTable(
  'cuti',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    pegawaiId: uuid('pegawai_id')
      .notNull()
      .references(() => pegawai.id),
    jenis: text('jenis', {
      enum: ['tahunan', 'sakit', 'besar', 'melahirkan', 'alasan_penting', 'di_luar_tanggungan'],
    }).notNull(),
    mulai: date('mulai').notNull(),
    selesai: date('selesai').notNull(),
    keterangan: text('keterangan').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('cuti_pegawai_idx').on(t.pegawaiId, t.mulai)],
);

/** The kinerja rules of a pemda for a year (`kinerjaSettingsSchema` of packages/scoring), versioned like a framework. */
export const kinerjaSetting = pgTable(
  'kinerja_setting',
  {
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    tahun: integer('tahun').notNull(),
    settings: jsonb('settings').notNull(),
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.pemdaKode, t.tahun] })],
);
