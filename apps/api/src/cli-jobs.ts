import { parseArgs } from 'node:util';
import { buildApp } from './app';
import type { Config } from './config/env';
import type { Database } from './db/client';
import { createJobsRepo, waitingStates } from './modules/jobs/jobs.repo';

export const jobsUsage = `  jobs [--active] [--limit <n>]  list background jobs, newest first: state, progress, what they made
  jobs run <name> [--data <json>]
                                run a job now and follow its progress (this process works it, or a
                                running instance on PostgreSQL takes it first): notifications.reminders,
                                laporan.month-close, rapor.recompute --data '{"pemdaKode":"32.73","tahun":2026}',
                                backup.scheduled, jobs.cleanup
`;

export class JobsUsageError extends Error {}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const when = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 19) : '-');

/** `cli jobs …`: the same jobs and progress the admin page shows, for the operator's terminal. */
export async function jobsCommand(
  args: string[],
  {
    config,
    database,
    out = (line: string) => console.log(line),
  }: { config: Config; database: Database; out?: (line: string) => void },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { active: { type: 'boolean' }, limit: { type: 'string' }, data: { type: 'string' } },
  });
  const repo = createJobsRepo(database.db);

  if (positionals[0] === 'run') {
    const name = positionals[1];
    if (!name) throw new JobsUsageError('jobs run needs the name of a job.');
    let data: unknown = {};
    try {
      data = values.data ? JSON.parse(values.data) : {};
    } catch {
      throw new JobsUsageError('--data must be JSON, e.g. --data \'{"pemdaKode":"32.73","tahun":2026}\'.');
    }
    const app = await buildApp({
      config: { ...config, logLevel: 'warn' },
      database,
      jobs: { work: [name], schedules: false },
    });
    try {
      if (!app.jobs.names().includes(name))
        throw new JobsUsageError(`Unknown job "${name}". Known: ${app.jobs.names().join(', ')}.`);
      await app.ready();
      const id = await app.jobs.send(name, data);
      out(`Job ${name} ${id}`);
      let last = '';
      for (;;) {
        const found = await repo.get(id);
        const row = found?.row;
        if (!row) throw new Error(`job ${id} disappeared`);
        const line = `  ${row.state} ${row.progress}% ${row.label}`;
        if (line !== last) out(line);
        last = line;
        if (row.state === 'completed') {
          out(`Done: ${JSON.stringify((row.result as { counts?: unknown } | null)?.counts ?? {})}`);
          return 0;
        }
        if (row.state === 'failed') {
          out(`Failed: ${row.error ?? ''}`);
          return 1;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await app.close();
    }
  }
  if (positionals.length > 0) throw new JobsUsageError(`Unknown jobs command "${positionals[0]}".`);

  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new JobsUsageError('--limit needs a whole number.');
  const rows = await repo.list({ ...(values.active ? { states: waitingStates } : {}), limit });
  if (rows.length === 0) {
    out('No background jobs.');
    return 0;
  }
  out(
    `${pad('id', 36)}  ${pad('name', 24)}  ${pad('state', 9)}  ${pad('progress', 8)}  ${pad('created (UTC)', 19)}  ${pad('finished', 19)}  by / result`,
  );
  for (const { row, username } of rows) {
    const result =
      row.state === 'failed' || row.state === 'retry'
        ? (row.error ?? '')
        : JSON.stringify((row.result as { counts?: unknown } | null)?.counts ?? '');
    out(
      [
        row.id,
        pad(row.name, 24),
        pad(row.state, 9),
        pad(`${row.progress}%`, 8),
        when(row.createdAt),
        pad(when(row.finishedAt), 19),
        `${username ?? 'terjadwal'}${row.attempts > 1 ? ` (attempt ${row.attempts}/${row.maxAttempts})` : ''} ${row.label && row.state === 'active' ? row.label : result}`,
      ].join('  '),
    );
  }
  return 0;
}
