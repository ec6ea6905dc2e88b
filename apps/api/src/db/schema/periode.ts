import type { PeriodeConfig } from '@sip/contracts';
import type { Framework } from '@sip/scoring';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { wilayah } from './wilayah';

export const periodeStatuses = ['draf', 'aktif', 'ditutup', 'diumumkan'] as const;

/**
 * One assessment year of one pemda. `framework` is the `Framework` of @sip/scoring (its settings
 * hold rounding, predikat bands and formula version), so a published rapor can be recomputed years
 * later. `version` guards every write (optimistic concurrency).
 */
export const periode = pgTable(
  'periode',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pemdaKode: text('pemda_kode')
      .notNull()
      .references(() => wilayah.kode),
    tahun: integer('tahun').notNull(),
    /**
     * A practice periode (at most one per pemda): a copy of a real year where new staff run the
     * whole cycle in "mode latihan". It never counts: no publication, no public page, no reminders,
     * no notifications, and the real year's pages, to-dos and rankings never read it.
     */
    latihan: boolean('latihan').notNull().default(false),
    status: text('status', { enum: periodeStatuses }).notNull().default('draf'),
    settings: jsonb('settings').$type<PeriodeConfig>().notNull(),
    framework: jsonb('framework').$type<Framework>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('periode_pemda_tahun_uq').on(t.pemdaKode, t.tahun).where(sql`not ${t.latihan}`),
    uniqueIndex('periode_pemda_latihan_uq').on(t.pemdaKode).where(sql`${t.latihan}`),
    index('periode_status_idx').on(t.pemdaKode, t.status),
    check('periode_tahun_range', sql`${t.tahun} between 2000 and 2100`),
  ],
);
