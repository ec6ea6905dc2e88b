import type { TimelineItem } from '@sip/contracts';
import type { AuditRepo } from '../audit/audit.repo';

type HistoryRow = Awaited<ReturnType<AuditRepo['history']>>[number];

/** A report's audit row as its timeline shows it (the web app words it in the UI language). */
export const timelineItem = ({ row, actorNama }: HistoryRow): TimelineItem => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actorUsername: row.actorUsername,
  actorNama,
  action: row.action,
  reason: row.reason,
  before: row.before,
  after: row.after,
});
