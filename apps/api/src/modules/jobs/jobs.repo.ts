import { and, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { users } from '../../db/schema/auth';
import { type JobRow, job } from '../../db/schema/jobs';

export type JobState = JobRow['state'];
export const finalStates: readonly JobState[] = ['completed', 'failed'];
export const waitingStates: readonly JobState[] = ['created', 'active', 'retry'];

/**
 * The visible record of each job (jobs.job). Every run moves it through one path:
 *
 *   created ──begin──▶ active ──complete──▶ completed
 *   retry  ──begin──▶ active ──fail──▶ retry (attempts left) | failed
 *                      │ └──heartbeat silent (process killed)──▶ retry | failed
 *                      └──begin again (a newer run takes over)──▶ active (attempts + 1)
 *
 * A run carries its attempt number; progress, completion and failure are written only while the
 * row is still active with that number, so a run that was taken over can never finish the job.
 */
export function createJobsRepo(db: Db) {
  return {
    /** A new job, or the waiting/running one with the same singleton key (then `created` is false). */
    async insert(
      values: {
        name: string;
        data: unknown;
        singletonKey: string | null;
        pemdaKode: string | null;
        createdBy: string | null;
        maxAttempts: number;
      },
      tx: DbOrTx = db,
    ): Promise<{ id: string; created: boolean }> {
      const inserted = await tx
        .insert(job)
        .values({ ...values, data: values.data ?? {} })
        .onConflictDoNothing()
        .returning({ id: job.id });
      if (inserted[0]) return { id: inserted[0].id, created: true };
      const existing = await tx
        .select({ id: job.id })
        .from(job)
        .where(
          and(
            eq(job.name, values.name),
            eq(job.singletonKey, values.singletonKey ?? ''),
            inArray(job.state, [...waitingStates]),
          ),
        )
        .limit(1);
      if (existing[0]) return { id: existing[0].id, created: false };
      // The other one finished between the two statements: try once more.
      return this.insert(values, tx);
    },

    async remove(id: string, tx: DbOrTx = db) {
      await tx.delete(job).where(eq(job.id, id));
    },

    /**
     * Starts a run: the row becomes active with the next attempt number. A job queued by a schedule
     * has no row yet and gets one here. Returns the row as the run sees it, or the finished row
     * (completed or failed: nothing to run).
     */
    async begin(
      id: string,
      fallback: { name: string; data: unknown; maxAttempts: number },
      tx: DbOrTx = db,
    ): Promise<JobRow | undefined> {
      const now = sql`now()`;
      const started = await tx
        .insert(job)
        .values({
          id,
          name: fallback.name,
          data: fallback.data ?? {},
          maxAttempts: fallback.maxAttempts,
          state: 'active',
          attempts: 1,
          startedAt: now,
          heartbeatAt: now,
        })
        .onConflictDoUpdate({
          target: job.id,
          set: {
            state: 'active',
            attempts: sql`${job.attempts} + 1`,
            startedAt: now,
            heartbeatAt: now,
            error: null,
          },
          setWhere: inArray(job.state, [...waitingStates]),
        })
        .returning();
      if (started[0]) return started[0];
      return (await tx.select().from(job).where(eq(job.id, id)).limit(1))[0];
    },

    /** Progress of the run `attempt`; false once another run owns the job (this one must stop). */
    async progress(id: string, attempt: number, percent: number, label: string, tx: DbOrTx = db) {
      const rows = await tx
        .update(job)
        .set({ progress: percent, label, heartbeatAt: sql`now()` })
        .where(and(eq(job.id, id), eq(job.attempts, attempt), eq(job.state, 'active')))
        .returning({ id: job.id });
      return rows.length === 1;
    },

    async heartbeat(id: string, attempt: number, tx: DbOrTx = db) {
      const rows = await tx
        .update(job)
        .set({ heartbeatAt: sql`now()` })
        .where(and(eq(job.id, id), eq(job.attempts, attempt), eq(job.state, 'active')))
        .returning({ id: job.id });
      return rows.length === 1;
    },

    async saveCheckpoint(id: string, attempt: number, checkpoint: unknown, tx: DbOrTx = db) {
      const rows = await tx
        .update(job)
        .set({ checkpoint, heartbeatAt: sql`now()` })
        .where(and(eq(job.id, id), eq(job.attempts, attempt), eq(job.state, 'active')))
        .returning({ id: job.id });
      return rows.length === 1;
    },

    /** The run `attempt` finished: true if it was still the job's run (the job is done now). */
    async complete(id: string, attempt: number, result: unknown, label: string, tx: DbOrTx = db) {
      const rows = await tx
        .update(job)
        .set({ state: 'completed', progress: 100, label, result: result ?? null, finishedAt: sql`now()` })
        .where(and(eq(job.id, id), eq(job.attempts, attempt), eq(job.state, 'active')))
        .returning({ id: job.id });
      return rows.length === 1;
    },

    /**
     * The run `attempt` failed: retry while attempts are left, else (or when `final`) failed for
     * good. Returns the new state, or undefined when the run no longer owned the job.
     */
    async fail(id: string, attempt: number, error: string, { final = false } = {}, tx: DbOrTx = db) {
      const last = final ? sql`true` : sql`${job.attempts} >= ${job.maxAttempts}`;
      const rows = await tx
        .update(job)
        .set({
          state: sql`case when ${last} then 'failed' else 'retry' end`,
          error,
          finishedAt: sql`case when ${last} then now() else null end`,
        })
        .where(and(eq(job.id, id), eq(job.attempts, attempt), eq(job.state, 'active')))
        .returning({ state: job.state });
      return rows[0]?.state;
    },

    /**
     * Active jobs whose run has been silent for `seconds` (its process was killed): set to retry
     * (or failed when no attempt is left) by exactly one caller, which then tells pg-boss.
     */
    async releaseStalled(seconds: number, error: string, tx: DbOrTx = db) {
      return tx
        .update(job)
        .set({
          state: sql`case when ${job.attempts} >= ${job.maxAttempts} then 'failed' else 'retry' end`,
          error,
          finishedAt: sql`case when ${job.attempts} >= ${job.maxAttempts} then now() else null end`,
        })
        .where(
          and(eq(job.state, 'active'), lt(job.heartbeatAt, sql`now() - make_interval(secs => ${seconds})`)),
        )
        .returning({ id: job.id, name: job.name, state: job.state });
    },

    /** Jobs still waiting for their first run after `seconds` (their queue entry may be lost). */
    async waitingSince(seconds: number, tx: DbOrTx = db) {
      return tx
        .select({ id: job.id, name: job.name })
        .from(job)
        .where(
          and(eq(job.state, 'created'), lt(job.createdAt, sql`now() - make_interval(secs => ${seconds})`)),
        )
        .limit(100);
    },

    async get(id: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ row: job, username: users.username, namaLengkap: users.namaLengkap })
        .from(job)
        .leftJoin(users, eq(users.id, job.createdBy))
        .where(eq(job.id, id))
        .limit(1);
      return rows[0];
    },

    /**
     * Newest first. `pemdaKode`: that pemda's jobs and the installation's own (no pemda);
     * `createdBy`: one person's jobs.
     */
    async list(
      f: {
        pemdaKode?: string | undefined;
        createdBy?: string | undefined;
        names?: readonly string[] | undefined;
        states?: readonly JobState[] | undefined;
        limit: number;
      },
      tx: DbOrTx = db,
    ) {
      const where: (SQL | undefined)[] = [];
      if (f.pemdaKode) where.push(or(eq(job.pemdaKode, f.pemdaKode), isNull(job.pemdaKode)));
      if (f.createdBy) where.push(eq(job.createdBy, f.createdBy));
      if (f.names?.length) where.push(inArray(job.name, [...f.names]));
      if (f.states?.length) where.push(inArray(job.state, [...f.states]));
      return tx
        .select({ row: job, username: users.username, namaLengkap: users.namaLengkap })
        .from(job)
        .leftJoin(users, eq(users.id, job.createdBy))
        .where(and(...where))
        .orderBy(desc(job.createdAt), desc(job.id))
        .limit(f.limit);
    },

    /** Jobs per name and state (for /metrics). */
    async counts(tx: DbOrTx = db) {
      return tx
        .select({ name: job.name, state: job.state, n: count() })
        .from(job)
        .groupBy(job.name, job.state);
    },

    /** Finished jobs older than `days`, with what they made (to remove their files first). */
    async finishedBefore(days: number, limit: number, tx: DbOrTx = db) {
      return tx
        .select({ id: job.id, name: job.name, result: job.result, checkpoint: job.checkpoint })
        .from(job)
        .where(
          and(
            inArray(job.state, [...finalStates]),
            lt(job.finishedAt, sql`now() - make_interval(days => ${days})`),
          ),
        )
        .orderBy(job.finishedAt)
        .limit(limit);
    },
  };
}
export type JobsRepo = ReturnType<typeof createJobsRepo>;
