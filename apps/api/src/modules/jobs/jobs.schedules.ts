import type { Config } from '../../config/env';
import type { Jobs } from './jobs.runtime';

/**
 * The recurring jobs (kept in pg-boss's schedule table, so every instance agrees and one sends each
 * tick). pg-boss 10 keeps one schedule per queue while the pemda of one installation may be in
 * different zones: the reminder and month-close rounds run every hour and decide per pemda on its own
 * calendar (docs/decisions/009-background-jobs.md); what they make has a unique key, so a round that
 * finds nothing new changes nothing.
 */
export async function scheduleJobs(
  jobs: Pick<Jobs, 'schedule' | 'unschedule' | 'names'>,
  config: Pick<Config, 'backup'>,
) {
  const names = new Set(jobs.names());
  const hourly: [string, string][] = [
    ['notifications.reminders', '5 * * * *'],
    ['laporan.month-close', '15 * * * *'],
  ];
  for (const [name, cron] of hourly) if (names.has(name)) await jobs.schedule(name, cron);
  // The e-mail outbox: at once for those who chose so; digests decide per pemda on its own hour.
  if (names.has('email.kirim')) await jobs.schedule('email.kirim', '* * * * *');
  if (names.has('jobs.cleanup')) await jobs.schedule('jobs.cleanup', '40 2 * * *', { tz: 'Asia/Jakarta' });
  if (names.has('aktivitas.partisi'))
    await jobs.schedule('aktivitas.partisi', '20 1 * * *', { tz: 'Asia/Jakarta' });
  if (names.has('backup.scheduled')) {
    if (config.backup) await jobs.schedule('backup.scheduled', config.backup.cron, { tz: config.backup.tz });
    else await jobs.unschedule('backup.scheduled');
  }
}
