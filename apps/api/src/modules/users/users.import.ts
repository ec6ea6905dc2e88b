import { createHash } from 'node:crypto';
import type { CsvRowError, ImportUsersBody, ImportUsersResult } from '@sip/contracts';
import type { Db, DbOrTx } from '../../db/client';
import { uniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { hashPassword } from '../auth/password';
import { type Actor, assertCan } from '../authz/authz';
import { type Jobs, ownerOf } from '../jobs/jobs.runtime';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import { type CsvUserRow, parseUsersCsv } from './users.csv';
import type { UsersRepo } from './users.repo';
import { grantProblem } from './users.rules';
import { grantKey, newTemporaryPassword } from './users.service';

/**
 * Up to this many new accounts are made while the admin waits (each needs an argon2id hash: about a
 * second for twenty on two cores); more become a background job with progress (users.jobs.ts).
 */
export const SYNC_IMPORT_MAX_USERS = 20;

/** An import checked against the database: what will be created, one entry per new account. */
export interface CheckedImport {
  rows: number;
  /** Each new account's first row, and all its rows (one role each). */
  planned: { first: CsvUserRow; grants: CsvUserRow[] }[];
}

/** A checked import with a temporary password (and its hash) per account, ready to save. */
export interface PreparedImport extends CheckedImport {
  accounts: { first: CsvUserRow; grants: CsvUserRow[]; password: string; passwordHash: string }[];
}

export interface UsersImportDeps {
  db: Db;
  users: Pick<UsersRepo, 'existingUsernames' | 'existingNips' | 'insert' | 'assignRole'>;
  wilayah: Pick<WilayahRepo, 'getMany'>;
  audit: AuditRepo;
  jobs: Pick<Jobs, 'send'>;
}

/**
 * The users CSV import: every row is checked first, and any wrong row means nothing is imported.
 * Small files are saved at once; large ones (argon2id for each account) as the job `users.import`,
 * which saves the accounts and notes itself done in one transaction (never twice).
 */
export function createUsersImport({ db, users, wilayah, audit, jobs }: UsersImportDeps) {
  const base = (userId: string, ip: string | null) => ({ entity: 'user', entityId: userId, ip });

  /** All rows checked against each other and the database; throws 400 listing every wrong row. */
  async function check(actor: Actor, csv: string): Promise<CheckedImport> {
    assertCan(actor, 'user:manage', actor.pemdaKode, 'Pengguna');
    const { rows, errors } = parseUsersCsv(csv);
    const errorAt = (baris: number, pesan: string) =>
      errors.push({ baris, pesan: `Baris ${baris}: ${pesan}` });

    const known = new Map(
      (await wilayah.getMany([...new Set(rows.map((r) => r.wilayahKode))])).map((w) => [w.kode, w]),
    );
    const taken = new Set(await users.existingUsernames([...new Set(rows.map((r) => r.username))]));
    const takenNips = new Set(
      await users.existingNips([...new Set(rows.flatMap((r) => (r.nip ? [r.nip] : [])))]),
    );
    const byUsername = new Map<string, CsvUserRow[]>();
    const nipOwner = new Map<string, string>();
    const seen = new Map<string, number>();
    for (const r of rows) {
      const problems: string[] = [];
      const g = grantProblem(actor.pemdaKode, r.role, r.wilayahKode, known.get(r.wilayahKode));
      if (g) problems.push(g);
      if (taken.has(r.username)) problems.push(`username "${r.username}" sudah terdaftar`);
      if (r.nip && takenNips.has(r.nip)) problems.push(`NIP ${r.nip} sudah terdaftar untuk pengguna lain`);
      const key = `${r.username}|${grantKey(r)}`;
      const dup = seen.get(key);
      if (dup !== undefined) problems.push(`sama dengan baris ${dup}`);
      else seen.set(key, r.baris);
      const first = byUsername.get(r.username)?.[0];
      if (first && (first.namaLengkap !== r.namaLengkap || first.nip !== r.nip)) {
        problems.push(`nama_lengkap atau nip berbeda dengan baris ${first.baris} untuk username yang sama`);
      }
      if (r.nip) {
        const owner = nipOwner.get(r.nip);
        if (owner && owner !== r.username) problems.push(`NIP ${r.nip} juga dipakai username "${owner}"`);
        else nipOwner.set(r.nip, r.username);
      }
      if (problems.length > 0) errorAt(r.baris, problems.join('; '));
      byUsername.set(r.username, [...(byUsername.get(r.username) ?? []), r]);
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.baris - b.baris);
      throw new AppError(
        'VALIDATION',
        `CSV tidak diimpor: ${errors.length} baris salah. Tidak ada pengguna yang disimpan; perbaiki baris berikut lalu unggah lagi. ${errors
          .slice(0, 5)
          .map((e) => e.pesan)
          .join(' ')}`,
        errors satisfies CsvRowError[],
      );
    }
    const planned = [...byUsername.values()].map((grants) => ({ first: grants[0] as CsvUserRow, grants }));
    return { rows: rows.length, planned };
  }

  /** Checks again and makes a temporary password and its hash per account (the slow part). */
  async function prepare(
    actor: Actor,
    csv: string,
    progress: (done: number, of: number) => Promise<void> = async () => {},
  ): Promise<PreparedImport> {
    const checked = await check(actor, csv);
    const accounts: PreparedImport['accounts'] = [];
    // A few at a time: argon2id runs on libuv's threads, and progress is told as they finish.
    for (let i = 0; i < checked.planned.length; i += 4) {
      const batch = checked.planned.slice(i, i + 4);
      accounts.push(
        ...(await Promise.all(
          batch.map(async (p) => {
            const password = newTemporaryPassword();
            return { ...p, password, passwordHash: await hashPassword(password) };
          }),
        )),
      );
      await progress(accounts.length, checked.planned.length);
    }
    return { ...checked, accounts };
  }

  /**
   * Saves every account, its roles and the audit rows in one transaction; `inTx` runs inside it
   * (the job notes itself done there, so a retry never creates the accounts twice).
   */
  async function commit(
    actor: Actor,
    prepared: PreparedImport,
    ip: string | null,
    inTx: (tx: DbOrTx) => Promise<void> = async () => {},
  ) {
    try {
      await db.transaction(async (tx) => {
        for (const { first: p, grants: rows, passwordHash } of prepared.accounts) {
          const user = await users.insert(
            {
              username: p.username,
              namaLengkap: p.namaLengkap,
              nip: p.nip,
              pemdaKode: actor.pemdaKode,
              passwordHash,
              mustChangePassword: true,
            },
            tx,
          );
          const grants = rows.map((r) => ({ role: r.role, wilayahKode: r.wilayahKode }));
          for (const g of grants)
            await users.assignRole({ userId: user.id, ...g, createdBy: actor.userId }, tx);
          await audit.record(
            actor,
            {
              ...base(user.id, ip),
              action: 'user.created',
              after: {
                username: p.username,
                namaLengkap: p.namaLengkap,
                nip: p.nip,
                roles: grants,
                sumber: 'impor CSV',
              },
            },
            tx,
          );
        }
        await audit.record(
          actor,
          {
            ...base(actor.pemdaKode, ip),
            entity: 'user_import',
            action: 'user.imported',
            after: { rows: prepared.rows, users: prepared.accounts.map((a) => a.first.username) },
          },
          tx,
        );
        await inTx(tx);
      });
    } catch (err) {
      if (uniqueViolation(err))
        throw new AppError(
          'CONFLICT',
          'Sebagian pengguna baru saja dibuat orang lain. Tidak ada yang diimpor; periksa lalu unggah lagi.',
        );
      throw err;
    }
  }

  const listed = (c: CheckedImport, passwords?: string[]) =>
    c.planned.map((p, i) => ({
      username: p.first.username,
      namaLengkap: p.first.namaLengkap,
      roles: p.grants.length,
      temporaryPassword: passwords?.[i] ?? null,
    }));

  return {
    check,
    prepare,
    commit,

    /** The route: check, then save now (small) or start the job (large). */
    async importCsv(
      actor: Actor,
      body: ImportUsersBody,
      ip: string | null,
    ): Promise<ImportUsersResult & { jobId?: string }> {
      const checked = await check(actor, body.csv);
      if (body.dryRun) return { dryRun: true, rows: checked.rows, users: listed(checked), job: null };
      if (checked.planned.length > SYNC_IMPORT_MAX_USERS) {
        const jobId = await jobs.send(
          'users.import',
          { csv: body.csv, ip },
          // The same file sent twice is one job; another file is another job.
          {
            owner: ownerOf(actor),
            singletonKey: `${actor.userId}:${createHash('sha256').update(body.csv).digest('hex')}`,
          },
        );
        return { dryRun: false, rows: checked.rows, users: listed(checked), job: null, jobId };
      }
      const prepared = await prepare(actor, body.csv);
      await commit(actor, prepared, ip);
      return {
        dryRun: false,
        rows: prepared.rows,
        users: listed(
          prepared,
          prepared.accounts.map((a) => a.password),
        ),
        job: null,
      };
    },
  };
}
export type UsersImport = ReturnType<typeof createUsersImport>;
