import { integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { periode } from './periode';

/**
 * A month of a periode closed (laporan/laporan-penutupan.ts): once the monthly report's due day has
 * ended in the pemda's zone, the month's figures are recorded once — how many units reported on
 * time, late, or not at all — as they stood at that moment. The primary key makes the close happen
 * once, however many instances or retries try.
 */
export const penutupanBulan = pgTable(
  'penutupan_bulan',
  {
    periodeId: uuid('periode_id')
      .notNull()
      .references(() => periode.id, { onDelete: 'cascade' }),
    bulan: integer('bulan').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The due date that closed the month. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    units: integer('units').notNull(),
    tepatWaktu: integer('tepat_waktu').notNull(),
    terlambat: integer('terlambat').notNull(),
    belum: integer('belum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodeId, t.bulan] })],
);
