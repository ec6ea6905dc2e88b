import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SECRET, type TestContext } from '../test/helpers';
import { JobsUsageError, jobsCommand } from './cli-jobs';
import { loadConfig } from './config/env';
import { seedDemoPeriode } from './demo/seed';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemoPeriode(ctx.database.db, '32.73', 2026);
});
afterAll(() => ctx?.close());

const config = () =>
  loadConfig(
    { AUTH_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', WEB_DIST: path.join(ctx.dataDir, 'no-web') },
    { dataDir: ctx.dataDir },
  );

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await jobsCommand(args, {
    config: config(),
    database: ctx.database,
    out: (l) => lines.push(l),
  });
  return { code, lines };
}

describe('cli jobs', () => {
  it('runs a job now, printing its progress, then lists it with its state and result', async () => {
    const run = await cli('run', 'laporan.month-close');
    expect(run.code).toBe(0);
    expect(run.lines[0]).toMatch(/^Job laporan\.month-close [0-9a-f-]{36}$/);
    expect(run.lines.at(-1)).toMatch(/^Done: \{"bulan":\d+\}$/);
    const list = await cli();
    expect(list.code).toBe(0);
    expect(list.lines[0]).toMatch(/^id\s+name\s+state\s+progress/);
    expect(list.lines.some((l) => /laporan\.month-close\s+completed\s+100%/.test(l))).toBe(true);
    // A scheduled job nobody started is shown as such.
    expect(list.lines.find((l) => l.includes('laporan.month-close'))).toContain('terjadwal');
  }, 60_000);

  it('says which job it does not know, and what it needs', async () => {
    await expect(cli('run', 'tidak.ada')).rejects.toThrow(JobsUsageError);
    await expect(cli('run')).rejects.toThrow(/needs the name/);
    await expect(cli('run', 'rapor.recompute', '--data', '{bukan json')).rejects.toThrow(
      /--data must be JSON/,
    );
    // A job whose data is wrong is refused before it is queued.
    await expect(cli('run', 'rapor.recompute')).rejects.toThrow(/rapor\.recompute/);
  });
});
