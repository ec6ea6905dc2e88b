import type { Job, JobList } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import { type Actor, can } from '../authz/authz';
import { fileOf, type JobFiles, type JobResult } from './jobs.files';
import { type JobsRepo, waitingStates } from './jobs.repo';

type Listed = NonNullable<Awaited<ReturnType<JobsRepo['get']>>>;

const notFound = () => new AppError('NOT_FOUND', 'Pekerjaan tidak ditemukan.');

/** Per job name: throws (an AppError) when the actor may no longer have that job's file. */
export type JobDownloadChecks = Record<string, (actor: Actor, data: unknown) => void | Promise<void>>;

/**
 * Jobs as people read them: everyone his own (the exports and imports he started), the pemda's
 * admin every job of the pemda and the installation's own. Only the person who started a job takes
 * its file away, and only while he may still start it (the module's own check, `mayDownload`).
 */
export function createJobsService({
  repo,
  files,
  mayDownload,
}: {
  repo: JobsRepo;
  files: JobFiles;
  mayDownload: JobDownloadChecks;
}) {
  const readsAll = (actor: Actor) => can(actor, 'job:read-all', actor.pemdaKode);

  function toJob(actor: Actor, { row, username, namaLengkap }: Listed): Job {
    const result = (row.result ?? null) as JobResult | null;
    const file = row.state === 'completed' ? fileOf(result) : undefined;
    return {
      id: row.id,
      name: row.name,
      state: row.state,
      progress: row.progress,
      label: row.label,
      attempts: row.attempts,
      maxAttempts: row.maxAttempts,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      createdBy: username && namaLengkap ? { username, namaLengkap } : null,
      mine: row.createdBy === actor.userId,
      file: file ? { filename: file.filename, contentType: file.contentType, bytes: file.bytes } : null,
      counts: result?.counts ?? null,
    };
  }

  async function visible(actor: Actor, id: string) {
    const found = await repo.get(id);
    if (!found) throw notFound();
    const { row } = found;
    const own = row.createdBy === actor.userId;
    const admin = readsAll(actor) && (row.pemdaKode === null || row.pemdaKode === actor.pemdaKode);
    if (!own && !admin) throw notFound();
    return found;
  }

  return {
    async list(actor: Actor, q: { aktif: boolean; limit: number }): Promise<JobList> {
      const rows = await repo.list({
        ...(readsAll(actor) ? { pemdaKode: actor.pemdaKode } : { createdBy: actor.userId }),
        ...(q.aktif ? { states: waitingStates } : {}),
        limit: q.limit,
      });
      return { items: rows.map((r) => toJob(actor, r)) };
    },

    async get(actor: Actor, id: string): Promise<Job> {
      return toJob(actor, await visible(actor, id));
    },

    /** The file a finished job made, for the person who started it. */
    async file(actor: Actor, id: string) {
      const { row } = await visible(actor, id);
      const file = fileOf(row.result);
      if (row.createdBy !== actor.userId) {
        throw new AppError(
          'FORBIDDEN',
          'Berkas ini hanya dapat diunduh oleh orang yang memulai pekerjaannya.',
        );
      }
      if (row.state !== 'completed' || !file) {
        throw new AppError('CONFLICT', 'Pekerjaan ini belum selesai atau tidak menghasilkan berkas.');
      }
      const check = mayDownload[row.name];
      if (!check) throw new AppError('FORBIDDEN', 'Berkas pekerjaan ini tidak dapat diunduh.');
      await check(actor, row.data);
      return { file, body: await files.read(file) };
    },
  };
}
export type JobsService = ReturnType<typeof createJobsService>;
