import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { notifications } from './laporan';

/**
 * A person's e-mail: the address (used only once confirmed from a link sent to it), which kinds of
 * notification he wants by e-mail, and whether they come at once or as one daily digest.
 */
export const userEmail = pgTable('user_email', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  alamat: text('alamat'),
  /** Set when the person opened the confirmation link sent to `alamat`. */
  terverifikasiAt: timestamp('terverifikasi_at', { withTimezone: true }),
  /** Notification kinds sent by e-mail (contracts `notificationKinds`). */
  jenis: jsonb('jenis').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** 'harian': one digest a day (the default); 'segera': within a minute. */
  frekuensi: text('frekuensi', { enum: ['harian', 'segera'] })
    .notNull()
    .default('harian'),
  /** The last digest or message sent (a digest waits a day after it). */
  terakhirDikirimAt: timestamp('terakhir_dikirim_at', { withTimezone: true }),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Notifications waiting to go out by e-mail, written with the notification itself (migration 0020's
 * trigger) for people who want that kind: nothing to send is lost when the mail server is down,
 * and the request that caused it never waits for it.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * A round that is sending it holds it until then (another instance's round, or the next one while
     * this is slow, leaves it alone); a round that died lets go by itself.
     */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Failed sending attempts (the mail server refused or was down). */
    attempts: integer('attempts').notNull().default(0),
    /** Set when the address stopped being valid or the kind was turned off before sending. */
    skipped: boolean('skipped').notNull().default(false),
  },
  (t) => [
    index('email_outbox_pending_idx').on(t.userId).where(sql`${t.sentAt} is null and not ${t.skipped}`),
  ],
);
