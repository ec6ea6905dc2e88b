import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { eventually } from '../../../test/helpers';
import { cloneTemplate } from '../../../test/setup/template-database';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import { createJobsRepo } from './jobs.repo';
import { createJobs, type Jobs, type JobsSettings } from './jobs.runtime';

const quiet = { info() {}, warn() {}, error() {} };

let database: Database;
let drop: () => Promise<void>;
const started: Jobs[] = [];

beforeAll(async () => {
  ({ database, drop } = await cloneTemplate(inject('templateDatabase')));
});
afterAll(async () => {
  for (const j of started) await j.stop(100);
  await drop();
});

/** One instance of the runtime on the shared database (several = several API instances). */
function instance(settings: JobsSettings = {}) {
  const jobs = createJobs({
    database,
    repo: createJobsRepo(database.db),
    log: quiet,
    settings: { pollSeconds: 0.2, superviseSeconds: 1, ...settings },
  });
  started.push(jobs);
  return jobs;
}

const repo = () => createJobsRepo(database.db);
const row = async (id: string) => (await repo().get(id))!.row;

/** A gate a test opens when it wants a run to go on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

describe('background jobs (pg-boss on this database)', () => {
  it('runs a job once, shows its progress while it runs, and keeps its result', async () => {
    const jobs = instance();
    const go = gate();
    let runs = 0;
    jobs.register({
      name: 'test.progress',
      data: z.object({ n: z.number() }),
      async run(ctx) {
        runs++;
        await ctx.progress(40, 'Menghitung');
        await go.opened;
        return { counts: { n: ctx.data.n } };
      },
    });
    await jobs.start();
    const id = await jobs.send('test.progress', { n: 7 }, { owner: null });
    await eventually(async () => expect((await row(id)).progress).toBe(40));
    expect((await row(id)).state).toBe('active');
    expect((await row(id)).label).toBe('Menghitung');
    go.open();
    await eventually(async () => expect((await row(id)).state).toBe('completed'));
    const done = await row(id);
    expect(done).toMatchObject({ progress: 100, attempts: 1, result: { counts: { n: 7 } } });
    expect(runs).toBe(1);
    await expect(jobs.send('test.progress', { n: 'x' })).rejects.toThrow(/test.progress/);
  });

  it('gives a second request with the same key the job already waiting', async () => {
    const jobs = instance();
    const go = gate();
    jobs.register({
      name: 'test.singleton',
      data: z.object({}),
      async run() {
        await go.opened;
        return {};
      },
    });
    await jobs.start();
    const a = await jobs.send('test.singleton', {}, { singletonKey: 'k' });
    const b = await jobs.send('test.singleton', {}, { singletonKey: 'k' });
    expect(b).toBe(a);
    go.open();
    await eventually(async () => expect((await row(a)).state).toBe('completed'));
    // Once finished, the key is free again.
    const c = await jobs.send('test.singleton', {}, { singletonKey: 'k' });
    expect(c).not.toBe(a);
    await eventually(async () => expect((await row(c)).state).toBe('completed'));
  });

  it('retries a failed run and fails for good a run that cannot succeed', async () => {
    const jobs = instance();
    let tries = 0;
    jobs.register({
      name: 'test.flaky',
      data: z.object({}),
      retryDelaySeconds: 1,
      async run() {
        if (++tries === 1) throw new Error('connection reset');
        return { counts: { tries } };
      },
    });
    jobs.register({
      name: 'test.refused',
      data: z.object({}),
      async run() {
        throw new AppError('VALIDATION', 'Lebih dari 50.000 baris cocok dengan filter ini.');
      },
    });
    await jobs.start();
    const flaky = await jobs.send('test.flaky', {});
    const refused = await jobs.send('test.refused', {});
    await eventually(async () => expect((await row(flaky)).state).toBe('completed'), 15_000);
    expect(await row(flaky)).toMatchObject({ attempts: 2, result: { counts: { tries: 2 } } });
    await eventually(async () => expect((await row(refused)).state).toBe('failed'));
    expect(await row(refused)).toMatchObject({
      attempts: 1,
      error: 'Lebih dari 50.000 baris cocok dengan filter ini.',
    });
  }, 30_000);

  it('retries on another instance a run whose process went silent, and only one run finishes it', async () => {
    // Instance A takes the job and then says nothing (as a process killed with -9 would).
    const a = instance({ heartbeatSeconds: 3600, stallSeconds: 1 });
    const b = instance({ stallSeconds: 1 });
    const stuck = gate();
    const made: string[] = [];
    const discarded: string[] = [];
    let runsOnA = 0;
    const definition = (who: string, hold: Promise<void> | null) => ({
      name: 'test.stall',
      data: z.object({}),
      retryDelaySeconds: 1,
      async run() {
        if (who === 'a') runsOnA++;
        if (hold) await hold;
        made.push(who);
        return { counts: { by: who === 'a' ? 1 : 2 } };
      },
      async discard(result: { counts: { by: number } }) {
        discarded.push(String(result.counts.by));
      },
    });
    a.register(definition('a', stuck.opened));
    await a.start();
    const id = await a.send('test.stall', {});
    await eventually(async () => expect(runsOnA).toBe(1));
    b.register(definition('b', null));
    await b.start();
    await eventually(async () => expect((await row(id)).state).toBe('completed'), 20_000);
    expect(await row(id)).toMatchObject({ attempts: 2, result: { counts: { by: 2 } } });
    // A wakes up late: its result is refused and what it made is undone.
    stuck.open();
    await eventually(() => expect(discarded).toEqual(['1']));
    expect(made.sort()).toEqual(['a', 'b']);
    expect(await row(id)).toMatchObject({ state: 'completed', result: { counts: { by: 2 } } });
  }, 40_000);
});
