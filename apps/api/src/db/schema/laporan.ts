import { type NotificationParams, notificationKinds } from '@sip/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { periode } from './periode';
import { wilayah } from './wilayah';

export const laporanStatusValues = [
  'draf',
  'diajukan',
  'dikaji_camat',
  'diverifikasi',
  'dikembalikan',
  'dibuka_kembali',
] as const;

/**
 * A report of one unit for one month (bulanan) or the year (tahunan) of a periode. The state machine
 * lives in modules/laporan/laporan.state.ts; `version` guards every transition.
 */
export const laporan = pgTable(
  'laporan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodeId: uuid('periode_id')
      .notNull()
      .references(() => periode.id),
    wilayahKode: text('wilayah_kode')
      .notNull()
      .references(() => wilayah.kode),
    /** The kecamatan of the unit (the unit itself for a kecamatan), for queue filters. */
    kecamatanKode: text('kecamatan_kode').notNull(),
    level: text('level', { enum: ['kecamatan', 'kelurahan'] }).notNull(),
    kind: text('kind', { enum: ['bulanan', 'tahunan'] }).notNull(),
    bulan: integer('bulan'),
    status: text('status', { enum: laporanStatusValues }).notNull().default('draf'),
    /** Fixed at submission: a kelurahan report with the periode's endorsement setting on. */
    endorsementRequired: boolean('endorsement_required').notNull().default(false),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The first submission decides lateness (a report returned for revision is not late again). */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    late: boolean('late').notNull().default(false),
    endorsedAt: timestamp('endorsed_at', { withTimezone: true }),
    endorsedBy: uuid('endorsed_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    reopenReason: text('reopen_reason'),
    exceptionUntil: timestamp('exception_until', { withTimezone: true }),
    exceptionReason: text('exception_reason'),
    exceptionBy: uuid('exception_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('laporan_unit_uq').on(t.periodeId, t.wilayahKode, t.kind, sql`coalesce(${t.bulan}, 0)`),
    index('laporan_queue_idx').on(t.periodeId, t.status, t.submittedAt),
    index('laporan_kecamatan_idx').on(t.periodeId, t.kecamatanKode),
    check(
      'laporan_bulan_kind',
      sql`(${t.kind} = 'bulanan' and ${t.bulan} between 1 and 12) or (${t.kind} = 'tahunan' and ${t.bulan} is null)`,
    ),
  ],
);

/** One indicator's answer in a report, with the reviewers' decision and comment. */
export const laporanEntry = pgTable(
  'laporan_entry',
  {
    laporanId: uuid('laporan_id')
      .notNull()
      .references(() => laporan.id, { onDelete: 'cascade' }),
    indikatorCode: text('indikator_code').notNull(),
    /** As the unit reported it; a verifikator's correction is kept apart in corrected_value. */
    value: numeric('value', { mode: 'number' }),
    tidakBerlaku: boolean('tidak_berlaku').notNull().default(false),
    tidakBerlakuReason: text('tidak_berlaku_reason').notNull().default(''),
    note: text('note').notNull().default(''),
    decision: text('decision', { enum: ['diterima', 'dikoreksi', 'ditolak'] }),
    correctedValue: numeric('corrected_value', { mode: 'number' }),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    reviewCommentBy: text('review_comment_by'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.laporanId, t.indikatorCode] }),
    check('laporan_entry_decision', sql`${t.decision} <> 'dikoreksi' or ${t.correctedValue} is not null`),
  ],
);

/** Bukti dukung: metadata of a stored file; the bytes live in the storage under `storage_key`. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    laporanId: uuid('laporan_id')
      .notNull()
      .references(() => laporan.id, { onDelete: 'cascade' }),
    indikatorCode: text('indikator_code').notNull(),
    storageKey: text('storage_key').notNull(),
    originalName: text('original_name').notNull(),
    /** Detected from the bytes, never from the name or the browser's claim. */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evidence_laporan_idx').on(t.laporanId, t.indikatorCode),
    uniqueIndex('evidence_storage_key_uq').on(t.storageKey),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    laporanId: uuid('laporan_id').references(() => laporan.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    /** What it is about (contracts `NotificationParams`), for wording it in the reader's language. */
    params: jsonb('params').$type<NotificationParams>(),
    /** Reminders are made once per user and report (e.g. "jatuh_tempo:<laporan-key>"). */
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

/**
 * A discussion per indicator of a report between the unit and its reviewers (camat, verifikator,
 * admin): append-only, each comment with its author and the role he wrote in.
 */
export const laporanKomentar = pgTable(
  'laporan_komentar',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    laporanId: uuid('laporan_id')
      .notNull()
      .references(() => laporan.id, { onDelete: 'cascade' }),
    indikatorCode: text('indikator_code').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    peran: text('peran', { enum: ['unit', 'camat', 'verifikator', 'admin'] }).notNull(),
    isi: text('isi').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('laporan_komentar_laporan_idx').on(t.laporanId, t.indikatorCode, t.createdAt)],
);
