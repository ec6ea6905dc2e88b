import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { periode } from './periode';

/**
 * A published result of a periode: an immutable snapshot (DESIGN.md, "Yearly cycle" 5). Revision 1
 * is the publication; a correction is a new row with the next revision number and a reason. A
 * database trigger (migration "rapor") refuses UPDATE, DELETE and TRUNCATE, so a published number
 * can never be rewritten, not even by SQL typed by hand.
 */
export const raporPublikasi = pgTable(
  'rapor_publikasi',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodeId: uuid('periode_id')
      .notNull()
      .references(() => periode.id),
    pemdaKode: text('pemda_kode').notNull(),
    tahun: integer('tahun').notNull(),
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    formulaVersion: text('formula_version').notNull(),
    /** The framework the results were computed with (weights, targets, rounding, predikat bands). */
    framework: jsonb('framework').notNull(),
    /** Every unit's scoring input: entries and context (ikm, timeliness, monthsDue, kelurahanTotals). */
    inputs: jsonb('inputs').notNull(),
    /** Every unit's rapor, the rankings and the top tens as published. */
    results: jsonb('results').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by'),
    publishedByName: text('published_by_name').notNull(),
  },
  (t) => [
    uniqueIndex('rapor_publikasi_revision_uq').on(t.periodeId, t.revision),
    check('rapor_publikasi_revision_positive', sql`${t.revision} >= 1`),
  ],
);

/**
 * A unit's objection (keberatan) to its rapor before the final publication (issue 16 item 5): filed
 * by the lurah or camat within the window the admin sets in the periode settings, decided by the
 * admin with a reason; both stay visible to the unit. At most one open objection per unit.
 */
export const raporKeberatan = pgTable(
  'rapor_keberatan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodeId: uuid('periode_id')
      .notNull()
      .references(() => periode.id),
    pemdaKode: text('pemda_kode').notNull(),
    wilayahKode: text('wilayah_kode').notNull(),
    isi: text('isi').notNull(),
    filedBy: uuid('filed_by').notNull(),
    filedByName: text('filed_by_name').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['diajukan', 'diterima', 'ditolak'] })
      .notNull()
      .default('diajukan'),
    keputusan: text('keputusan'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('rapor_keberatan_open_uq')
      .on(t.periodeId, t.wilayahKode)
      .where(sql`${t.status} = 'diajukan'`),
    check(
      'rapor_keberatan_decided',
      sql`(${t.status} = 'diajukan') = (${t.decidedAt} is null and ${t.keputusan} is null)`,
    ),
  ],
);
