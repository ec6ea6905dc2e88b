import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgSchema,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Background jobs as people see them (docs/decisions/009-background-jobs.md): what runs, for whom,
 * how far it is, and what it made. pg-boss (schema `pgboss`) queues, locks and retries them; this
 * row is the one the UI, the CLI and the metrics read, and the one a run must win to count as done.
 * Its own schema, so backups (public tables only) leave the operational history out.
 */
export const jobsSchema = pgSchema('jobs');

export const jobStates = ['created', 'active', 'retry', 'completed', 'failed'] as const;

export const job = jobsSchema.table(
  'job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    data: jsonb('data').notNull(),
    state: text('state', { enum: jobStates }).notNull().default('created'),
    /** At most one waiting or running job per key and name (a second request gets the first one). */
    singletonKey: text('singleton_key'),
    /** The pemda the job works for; null for installation-wide work (backups, the hourly rounds). */
    pemdaKode: text('pemda_kode'),
    /** Who started it; null for scheduled work. */
    createdBy: uuid('created_by'),
    progress: smallint('progress').notNull().default(0),
    /** What it is doing now, a few words in Bahasa Indonesia. */
    label: text('label').notNull().default(''),
    /** Runs started so far; a run may only finish while it is still the latest one. */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** What a run saved to let the next one resume (e.g. the stored file it already made). */
    checkpoint: jsonb('checkpoint'),
    result: jsonb('result'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Written every few seconds by the run; a run silent for long is taken as dead and retried. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('job_singleton_uq')
      .on(t.name, t.singletonKey)
      .where(sql`${t.singletonKey} is not null and ${t.state} in ('created', 'active', 'retry')`),
    index('job_pemda_idx').on(t.pemdaKode, t.createdAt),
    index('job_state_idx').on(t.state, t.heartbeatAt),
    index('job_created_idx').on(t.createdAt),
  ],
);
export type JobRow = typeof job.$inferSelect;
