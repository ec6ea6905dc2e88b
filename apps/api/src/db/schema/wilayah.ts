import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Administrative areas with their Kemendagri codes, imported from idn-area-data. */
export const wilayah = pgTable(
  'wilayah',
  {
    kode: text('kode').primaryKey(),
    nama: text('nama').notNull(),
    level: text('level', { enum: ['provinsi', 'kabupaten_kota', 'kecamatan', 'kelurahan_desa'] }).notNull(),
    indukKode: text('induk_kode').references((): AnyPgColumn => wilayah.kode),
    jumlahAnak: integer('jumlah_anak').notNull().default(0),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wilayah_induk_idx').on(t.indukKode, t.nama),
    index('wilayah_nama_lower_idx').on(sql`lower(${t.nama})`),
    check('wilayah_kode_format', sql`${t.kode} ~ '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$'`),
  ],
);

/** Office details of a unit (kecamatan or kelurahan), kept by its camat or lurah. */
export const unitProfiles = pgTable('unit_profiles', {
  wilayahKode: text('wilayah_kode')
    .primaryKey()
    .references(() => wilayah.kode),
  alamatKantor: text('alamat_kantor').notNull().default(''),
  telepon: text('telepon').notNull().default(''),
  email: text('email').notNull().default(''),
  jamPelayanan: text('jam_pelayanan').notNull().default(''),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
  updatedBy: text('updated_by'),
});
