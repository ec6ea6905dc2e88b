import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { JobsRepo } from './jobs.repo';

/**
 * Background jobs (DESIGN.md, Operations; docs/decisions/009-background-jobs.md): exports, imports,
 * recomputations, reminders, month close and backups run here, retried, visible and resumable, once
 * across instances.
 *
 * pg-boss 10 queues them in PostgreSQL — on PGlite too, through the same `executeSql` — and keeps
 * the recurring schedules (one instance sends each cron tick). Every job also has a row in jobs.job
 * (jobs.repo.ts), which carries what people see (state, percent, label, result) and decides which
 * run may finish it: a run writes progress and its result only while it is still the job's latest
 * attempt. A run beats every few seconds; a run silent for STALL seconds (its process was killed) is
 * released by whichever instance notices first and retried by pg-boss.
 */

/** Who a job works for: its results are theirs, and it runs with their rights as they are then. */
export interface JobOwner {
  userId: string;
  pemdaKode: string;
}

export interface JobContext<D> {
  id: string;
  name: string;
  data: D;
  /** 1 for the first run. */
  attempt: number;
  owner: JobOwner | null;
  /** What an earlier run saved with `saveCheckpoint` (null on the first run). */
  checkpoint: unknown;
  /** How far the run is: 0–100 and a few words in Bahasa Indonesia ("Menyusun 1.200 baris"). */
  progress(percent: number, label: string): Promise<void>;
  /**
   * Saves what the next run may resume from; with `tx`, inside that transaction (so the work and
   * the note that it is done commit together).
   */
  saveCheckpoint(value: unknown, tx?: Parameters<JobsRepo['saveCheckpoint']>[3]): Promise<void>;
}

export interface JobDefinition<D = unknown, R = unknown> {
  /** Queue name, `<module>.<what>` (letters, digits, dots, hyphens). */
  name: string;
  /** The job's data, checked when it is sent and again when it runs. */
  data: z.ZodType<D>;
  run(ctx: JobContext<D>): Promise<R>;
  /**
   * Undoes what a run made when another run had taken the job over; `current` is the job as that
   * other run left it (what it kept must stay).
   */
  discard?(result: R, current: { checkpoint: unknown; result: unknown }): Promise<void>;
  /** Runs in all (default 3). */
  attempts?: number;
  /** Seconds before the first retry, doubling after (default 10). */
  retryDelaySeconds?: number;
  /** The longest a run may take before pg-boss gives it up (default one hour). */
  timeoutSeconds?: number;
}

export interface SendOptions {
  /** The person the job works for (their pemda, and the only one who gets its result). */
  owner?: JobOwner | null;
  /** The pemda of a job nobody started (a scheduled round for one pemda). */
  pemdaKode?: string | null;
  /** At most one waiting or running job per key: a second send returns the first job's id. */
  singletonKey?: string;
  startAfter?: Date;
}

export interface ScheduleOptions {
  /** IANA zone the cron expression is read in (default UTC). */
  tz?: string;
  data?: Record<string, unknown>;
}

/** The owner of a job a signed-in person starts. */
export const ownerOf = (actor: { userId: string; pemdaKode: string }): JobOwner => ({
  userId: actor.userId,
  pemdaKode: actor.pemdaKode,
});

/** A run that failed in a way another run would not fix (bad data, no right): failed at once. */
export class PermanentJobError extends Error {}

/** Thrown inside a run whose job another run took over: it must stop, nothing of it counts. */
class Superseded extends Error {}

/** The one interface every module uses (services take `Pick<Jobs, 'send'>`). */
export interface Jobs {
  register<D, R>(definition: JobDefinition<D, R>): void;
  /** Queues a job (data checked against its definition); returns its id. */
  send(name: string, data: unknown, options?: SendOptions): Promise<string>;
  /** Runs `name` on a cron schedule (kept in the database; one instance sends each tick). */
  schedule(name: string, cron: string, options?: ScheduleOptions): Promise<void>;
  unschedule(name: string): Promise<void>;
  /** The registered job names. */
  names(): string[];
  /**
   * Installs pg-boss's tables and the queues. `work`: work every queue (true), some, or none
   * (a CLI that only reads or sends).
   */
  start(options?: { work?: boolean | readonly string[] }): Promise<void>;
  /** Stops taking jobs; runs still going after `graceMs` are released for another instance. */
  stop(graceMs?: number): Promise<void>;
  /** Called after every run that failed (for /metrics). */
  onFailure(listener: (name: string) => void): void;
}

export interface JobsSettings {
  /** How often an idle queue asks for work (default 2 s; a job sent here is picked up at once). */
  pollSeconds?: number;
  /** A running job writes a heartbeat this often (default 5 s). */
  heartbeatSeconds?: number;
  /** A run silent this long is taken as dead and retried (default 30 s). */
  stallSeconds?: number;
  /** How often silent runs and lost queue entries are looked for (default 10 s). */
  superviseSeconds?: number;
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const DEFAULT_ATTEMPTS = 3;
const MAX_LABEL = 120;

const stalledMessage = 'Proses yang menjalankannya berhenti mendadak.';
const internalMessage = 'Terjadi kesalahan di server; pekerjaan dicoba lagi otomatis.';

/** What a person may read of a failure: an AppError's message, nothing internal. */
function messageOf(err: unknown): string {
  if (err instanceof AppError || err instanceof PermanentJobError) return err.message;
  return internalMessage;
}

const permanent = (err: unknown) =>
  err instanceof PermanentJobError || (err instanceof AppError && err.status < 500);

export function createJobs({
  database,
  repo,
  log,
  settings = {},
}: {
  database: Pick<Database, 'executeSql'>;
  repo: JobsRepo;
  log: Log;
  settings?: JobsSettings;
}): Jobs {
  const pollMs = (settings.pollSeconds ?? 2) * 1000;
  const heartbeatMs = (settings.heartbeatSeconds ?? 5) * 1000;
  const stallSeconds = settings.stallSeconds ?? 30;
  const superviseMs = (settings.superviseSeconds ?? 10) * 1000;
  const definitions = new Map<string, JobDefinition<unknown, unknown>>();
  const failureListeners: ((name: string) => void)[] = [];

  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: 'pgboss',
    migrate: true,
    supervise: true,
    schedule: true,
    // jobs.job holds the history people read; pg-boss keeps its own copies a week.
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => log.warn({ err }, 'pg-boss'));

  let started = false;
  let stopping = false;
  const loops: Promise<void>[] = [];
  const wakers = new Map<string, () => void>();
  const running = new Map<string, { name: string; done: Promise<void> }>();
  let supervisor: NodeJS.Timeout | undefined;

  const queueOptions = (d: JobDefinition<unknown, unknown>) => ({
    retryLimit: (d.attempts ?? DEFAULT_ATTEMPTS) - 1,
    retryDelay: d.retryDelaySeconds ?? 10,
    retryBackoff: true,
    expireInSeconds: d.timeoutSeconds ?? 3600,
  });

  const definition = (name: string) => {
    const d = definitions.get(name);
    if (!d) throw new Error(`unknown job "${name}"`);
    return d;
  };

  function nap(name: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakers.delete(name);
        resolve();
      }
      wakers.set(name, done);
    });
  }

  async function runOne(d: JobDefinition<unknown, unknown>, id: string, bossData: unknown) {
    const row = await repo.begin(id, {
      name: d.name,
      data: bossData,
      maxAttempts: d.attempts ?? DEFAULT_ATTEMPTS,
    });
    if (!row || row.state === 'completed') {
      // Finished by an earlier run whose process died before telling pg-boss.
      await boss.complete(d.name, id);
      return;
    }
    if (row.state !== 'active') {
      await boss.cancel(d.name, id);
      return;
    }
    const attempt = row.attempts;
    let superseded = false;
    const mine = (ok: boolean) => {
      if (!ok) {
        superseded = true;
        throw new Superseded();
      }
    };
    const beat = setInterval(() => {
      repo.heartbeat(id, attempt).then(
        (ok) => {
          if (!ok) superseded = true;
        },
        (err) => log.warn({ err, job: id }, 'job heartbeat failed'),
      );
    }, heartbeatMs);
    const failed = () => {
      for (const l of failureListeners) l(d.name);
    };
    try {
      const parsed = d.data.safeParse(row.data);
      if (!parsed.success) throw new PermanentJobError('Data pekerjaan tidak sah.');
      const owner =
        row.createdBy && row.pemdaKode ? { userId: row.createdBy, pemdaKode: row.pemdaKode } : null;
      const result = await d.run({
        id,
        name: d.name,
        data: parsed.data,
        attempt,
        owner,
        checkpoint: row.checkpoint,
        progress: async (percent, label) => {
          if (superseded) throw new Superseded();
          const p = Math.max(0, Math.min(99, Math.round(percent)));
          mine(await repo.progress(id, attempt, p, label.slice(0, MAX_LABEL)));
        },
        saveCheckpoint: async (value, tx) => {
          if (superseded) throw new Superseded();
          mine(await repo.saveCheckpoint(id, attempt, value, tx));
        },
      });
      if (!superseded && (await repo.complete(id, attempt, result, 'Selesai'))) {
        await boss.complete(d.name, id);
      } else {
        // Another run owns the job now (and its pg-boss entry): what this one made goes.
        const current = (await repo.get(id))?.row;
        await d.discard?.(result, {
          checkpoint: current?.checkpoint ?? null,
          result: current?.result ?? null,
        });
      }
    } catch (err) {
      if (err instanceof Superseded || superseded) return;
      failed();
      const message = messageOf(err);
      if (permanent(err)) {
        log.info({ job: id, name: d.name, err }, 'job failed for good');
        await repo.fail(id, attempt, message, { final: true });
        await boss.cancel(d.name, id);
        return;
      }
      log.error({ job: id, name: d.name, attempt, err }, 'job run failed');
      const state = await repo.fail(id, attempt, message);
      // pg-boss counts the same attempts: it retries after the delay, or fails the job for good.
      if (state) await boss.fail(d.name, id, { message });
    } finally {
      clearInterval(beat);
    }
  }

  async function work(d: JobDefinition<unknown, unknown>) {
    while (!stopping) {
      let fetched: PgBoss.Job<object>[] = [];
      try {
        fetched = (await boss.fetch<object>(d.name, { batchSize: 1 })) ?? [];
      } catch (err) {
        if (!stopping) log.warn({ err, queue: d.name }, 'job fetch failed');
      }
      if (fetched.length === 0) {
        if (!stopping) await nap(d.name);
        continue;
      }
      // Fetched is ours even while stopping: run it (stop() waits, then releases what still runs).
      for (const j of fetched) {
        const done = runOne(d, j.id, j.data).catch((err) =>
          log.error({ err, job: j.id, queue: d.name }, 'job bookkeeping failed'),
        );
        running.set(j.id, { name: d.name, done });
        await done;
        running.delete(j.id);
      }
    }
  }

  /** Releases runs whose process died, and queues again jobs whose queue entry never got written. */
  async function supervise() {
    try {
      for (const r of await repo.releaseStalled(stallSeconds, stalledMessage)) {
        log.warn({ job: r.id, name: r.name, state: r.state }, 'job run went silent: released');
        for (const l of failureListeners) l(r.name);
        await boss.fail(r.name, r.id, { message: stalledMessage });
      }
      for (const r of await repo.waitingSince(60)) {
        const d = definitions.get(r.name);
        // pg-boss ignores an id it already holds.
        if (d) await boss.send(r.name, {}, { id: r.id, ...queueOptions(d) });
      }
    } catch (err) {
      if (!stopping) log.warn({ err }, 'job supervision failed');
    }
  }

  return {
    register(d) {
      if (definitions.has(d.name)) throw new Error(`job "${d.name}" registered twice`);
      definitions.set(d.name, d as JobDefinition<unknown, unknown>);
    },

    async send(name, data, options = {}) {
      const d = definition(name);
      const parsed = d.data.safeParse(data);
      if (!parsed.success) throw new Error(`job "${name}": ${parsed.error.message}`);
      const { id, created } = await repo.insert({
        name,
        data: parsed.data,
        singletonKey: options.singletonKey ?? null,
        pemdaKode: options.owner?.pemdaKode ?? options.pemdaKode ?? null,
        createdBy: options.owner?.userId ?? null,
        maxAttempts: d.attempts ?? DEFAULT_ATTEMPTS,
      });
      if (!created) return id;
      try {
        await boss.send(
          name,
          {},
          {
            id,
            ...queueOptions(d),
            ...(options.startAfter ? { startAfter: options.startAfter } : {}),
          },
        );
      } catch (err) {
        await repo.remove(id).catch(() => {});
        throw err;
      }
      wakers.get(name)?.();
      return id;
    },

    async schedule(name, cron, options = {}) {
      definition(name);
      await boss.schedule(name, cron, options.data ?? {}, { tz: options.tz ?? 'UTC' });
    },

    async unschedule(name) {
      await boss.unschedule(name);
    },

    names: () => [...definitions.keys()],

    async start(options = {}) {
      if (started) return;
      started = true;
      stopping = false;
      await boss.start();
      for (const d of definitions.values()) {
        await boss.createQueue(d.name, { name: d.name, ...queueOptions(d) });
        await boss.updateQueue(d.name, { name: d.name, ...queueOptions(d) });
      }
      const work_ = options.work ?? true;
      const queues = [...definitions.values()].filter((d) =>
        work_ === true ? true : work_ === false ? false : work_.includes(d.name),
      );
      for (const d of queues) loops.push(work(d));
      if (queues.length > 0) {
        void supervise();
        supervisor = setInterval(() => void supervise(), superviseMs);
      }
    },

    async stop(graceMs = 5000) {
      if (!started || stopping) return;
      stopping = true;
      if (supervisor) clearInterval(supervisor);
      for (const wake of [...wakers.values()]) wake();
      const runs = [...running.entries()];
      const finished = Promise.all(runs.map(([, r]) => r.done));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        finished.then(() => false),
        new Promise<boolean>((r) => {
          timer = setTimeout(() => r(true), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        // Still running: hand them to another instance now rather than after the stall time.
        for (const [id] of running) {
          const row = await repo.get(id).catch(() => undefined);
          const r = running.get(id);
          if (!row || !r || row.row.state !== 'active') continue;
          const state = await repo
            .fail(id, row.row.attempts, 'Server dihentikan; pekerjaan dilanjutkan lagi.')
            .catch(() => undefined);
          if (state) await boss.fail(r.name, id).catch(() => {});
        }
      } else {
        await Promise.all(loops);
      }
      await boss.stop({ graceful: false, wait: true, close: false }).catch(() => {});
      started = false;
    },

    onFailure(listener) {
      failureListeners.push(listener);
    },
  };
}
