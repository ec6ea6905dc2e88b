import { z } from 'zod';
import { toCsv } from '../../lib/spreadsheet';
import { type Actor, assertCan } from '../authz/authz';
import type { JobActors } from '../jobs/jobs.actors';
import { fileOf, type JobFiles, type JobResult } from '../jobs/jobs.files';
import { type JobDefinition, PermanentJobError } from '../jobs/jobs.runtime';
import type { PreparedImport, UsersImport } from './users.import';

const importDataSchema = z.object({ csv: z.string().min(1).max(500_000), ip: z.string().nullable() });

/** The temporary passwords of the new accounts, as the admin hands them out (sealed at rest). */
function credentials(prepared: PreparedImport) {
  return {
    filename: 'kata-sandi-sementara.csv',
    contentType: 'text/csv; charset=utf-8',
    body: Buffer.from(
      toCsv([
        ['username', 'nama_lengkap', 'kata_sandi_sementara'],
        ...prepared.accounts.map((a) => [a.first.username, a.first.namaLengkap, a.password]),
      ]),
    ),
  };
}

/**
 * A large users import (users.import.ts): rows checked again when it runs, a password hashed per
 * account with progress, the temporary passwords stored as the job's file (sealed), then the accounts
 * saved and the job noted done in one transaction. A run killed before that commit saved nothing and
 * is retried; one killed after it finds the note and only finishes.
 */
export function usersImportJob({
  importer,
  files,
  actors,
}: {
  importer: Pick<UsersImport, 'prepare' | 'commit'>;
  files: JobFiles;
  actors: JobActors;
}): JobDefinition<z.infer<typeof importDataSchema>, JobResult> {
  return {
    name: 'users.import',
    data: importDataSchema,
    attempts: 3,
    timeoutSeconds: 60 * 60,
    async run(ctx) {
      const done = ctx.checkpoint as JobResult | null;
      if (fileOf(done)) return done as JobResult;
      if (!ctx.owner) throw new PermanentJobError('Impor tanpa pemilik tidak dijalankan.');
      const actor = await actors.load(ctx.owner, ctx.id);
      await ctx.progress(2, 'Memeriksa baris CSV');
      const prepared = await importer.prepare(actor, ctx.data.csv, (n, of) =>
        ctx.progress(5 + (85 * n) / of, `Menyiapkan akun ${n} dari ${of}`),
      );
      await ctx.progress(92, 'Menyimpan akun');
      const result: JobResult = {
        file: await files.store(credentials(prepared), { sealed: true }),
        counts: {
          pengguna: prepared.accounts.length,
          peran: prepared.accounts.reduce((n, a) => n + a.grants.length, 0),
        },
      };
      try {
        await importer.commit(actor, prepared, ctx.data.ip, (tx) => ctx.saveCheckpoint(result, tx));
      } catch (err) {
        await files.remove(result.file);
        throw err;
      }
      return result;
    },
    async discard(result, current) {
      if (result.file && fileOf(current.checkpoint)?.key !== result.file.key) await files.remove(result.file);
    },
  };
}

/** The passwords go only to whoever may still manage the pemda's users. */
export const usersImportAccess = (actor: Actor) =>
  assertCan(actor, 'user:manage', actor.pemdaKode, 'Pengguna');
