import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { wilayah } from './wilayah';

/**
 * Where a pemda's people get help (its SIP helpdesk), set by the pemda's admin and shown on the
 * guide, the login page and the public survey. One row per pemda; `version` guards every write.
 */
export const pemdaBantuan = pgTable('pemda_bantuan', {
  pemdaKode: text('pemda_kode')
    .primaryKey()
    .references(() => wilayah.kode),
  nama: text('nama').notNull().default(''),
  telepon: text('telepon').notNull().default(''),
  whatsapp: text('whatsapp').notNull().default(''),
  email: text('email').notNull().default(''),
  jamLayanan: text('jam_layanan').notNull().default(''),
  alamat: text('alamat').notNull().default(''),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
  updatedBy: text('updated_by'),
});

/**
 * The pemda's settings that every date rule reads: its time zone (WIB, WITA or WIT by IANA name).
 * No row means the default of its province (contracts `defaultZonaOf`); `version` guards every write.
 */
export const pemdaSetting = pgTable('pemda_setting', {
  pemdaKode: text('pemda_kode')
    .primaryKey()
    .references(() => wilayah.kode),
  zona: text('zona').notNull(),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
  updatedBy: text('updated_by'),
});
