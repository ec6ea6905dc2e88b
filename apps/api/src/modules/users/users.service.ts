import { randomBytes } from 'node:crypto';
import {
  type CreateUserBody,
  type RoleGrantInput,
  type UpdateUserBody,
  type User,
  type UserListQuery,
  type UserLock,
  type UserPage,
  type UserWithPassword,
  userCsvColumns,
} from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { uniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { toCsv } from '../../lib/spreadsheet';
import type { AuditRepo } from '../audit/audit.repo';
import type { AuthRepo } from '../auth/auth.repo';
import { hashPassword } from '../auth/password';
import { type Actor, assertCan } from '../authz/authz';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { UsersRepo } from './users.repo';
import { dutyConflicts, grantProblem, temporaryPassword } from './users.rules';

export interface UsersServiceDeps {
  db: Db;
  users: UsersRepo;
  auth: Pick<AuthRepo, 'revokeAllSessions' | 'locksOf' | 'lockedUserIds' | 'clearThrottlesOf'>;
  wilayah: WilayahRepo;
  audit: AuditRepo;
  events: Pick<Events, 'emit'>;
  clock: Clock;
}

type UserRow = NonNullable<Awaited<ReturnType<UsersRepo['findById']>>>;

export const newTemporaryPassword = () => temporaryPassword((n) => randomBytes(n));
export const grantKey = (g: { role: string; wilayahKode: string }) => `${g.role}@${g.wilayahKode}`;

function conflictFromUnique(constraint: string): AppError {
  if (constraint.includes('nip'))
    return new AppError('CONFLICT', 'NIP ini sudah terdaftar untuk pengguna lain.');
  return new AppError('CONFLICT', 'Nama pengguna ini sudah dipakai. Pilih nama pengguna lain.');
}

export function createUsersService({ db, users, auth, wilayah, audit, events, clock }: UsersServiceDeps) {
  /** Each account's live lock: the longest wait and from how many addresses. */
  async function locksOf(rows: readonly { id: string; username: string }[]) {
    const locks = await auth.locksOf(rows, clock.now());
    const byUser = new Map<string, UserLock>();
    for (const u of rows) {
      const mine = locks.filter((l) =>
        l.kind === 'login' ? l.subject === u.username.toLowerCase() : l.subject === u.id,
      );
      const until = Math.max(...mine.map((l) => l.lockedUntil?.getTime() ?? 0));
      if (mine.length === 0 || until <= 0) continue;
      byUser.set(u.id, {
        until: new Date(until).toISOString(),
        addresses: new Set(mine.map((l) => l.ip)).size,
      });
    }
    return byUser;
  }

  async function toUsers(rows: UserRow[]): Promise<User[]> {
    const [roles, locks] = await Promise.all([users.rolesOf(rows.map((r) => r.id)), locksOf(rows)]);
    return rows.map((u) => ({
      id: u.id,
      username: u.username,
      namaLengkap: u.namaLengkap,
      nip: u.nip,
      active: u.active,
      mustChangePassword: u.mustChangePassword,
      lock: locks.get(u.id) ?? null,
      roles: roles
        .filter((r) => r.userId === u.id)
        .map(({ id, role, wilayahKode, wilayahNama }) => ({ id, role, wilayahKode, wilayahNama })),
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
      version: u.version,
    }));
  }
  const toUser = async (row: UserRow) => (await toUsers([row]))[0] as User;

  async function loadFor(actor: Actor, id: string): Promise<UserRow> {
    const row = await users.findById(id);
    if (!row) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    assertCan(actor, 'user:manage', row.pemdaKode, 'Pengguna');
    return row;
  }

  /** Every role must sit at a known wilayah of the actor's pemda, at a level the role fits. */
  async function checkGrants(actor: Actor, grants: RoleGrantInput[]) {
    const known = new Map(
      (await wilayah.getMany([...new Set(grants.map((g) => g.wilayahKode))])).map((w) => [w.kode, w]),
    );
    const details: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    grants.forEach((g, i) => {
      const problem = grantProblem(actor.pemdaKode, g.role, g.wilayahKode, known.get(g.wilayahKode));
      if (problem)
        details.push({
          path: `roles.${i}.wilayahKode`,
          message: problem.charAt(0).toUpperCase() + problem.slice(1),
        });
      if (seen.has(grantKey(g)))
        details.push({
          path: `roles.${i}`,
          message: `Peran ${g.role} di ${g.wilayahKode} tercantum dua kali`,
        });
      seen.add(grantKey(g));
    });
    for (const [e, v] of dutyConflicts(grants)) {
      details.push({
        path: `roles.${grants.indexOf(v)}`,
        message: `Peran ${e.role} di ${e.wilayahKode} dan ${v.role} di ${v.wilayahKode} tidak boleh dipegang satu orang: laporan yang ia sahkan sebagai camat akan ia verifikasi sendiri`,
      });
    }
    if (details.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Peran tidak valid — ${details.map((d) => d.message).join('; ')}`,
        details,
      );
    }
  }

  const base = (userId: string, ip: string | null) => ({ entity: 'user', entityId: userId, ip });
  const grantsOf = (u: User) => u.roles.map((r) => ({ role: r.role, wilayahKode: r.wilayahKode }));

  return {
    async list(actor: Actor, q: UserListQuery): Promise<UserPage> {
      assertCan(actor, 'user:manage', actor.pemdaKode, 'Pengguna');
      const lockedIds =
        q.status === 'terkunci' ? await auth.lockedUserIds(actor.pemdaKode, clock.now()) : undefined;
      const { rows, total } = await users.list({ ...q, pemdaKode: actor.pemdaKode, lockedIds });
      return { items: await toUsers(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<User> {
      return toUser(await loadFor(actor, id));
    },

    async create(actor: Actor, body: CreateUserBody, ip: string | null): Promise<UserWithPassword> {
      assertCan(actor, 'user:manage', actor.pemdaKode, 'Pengguna');
      await checkGrants(actor, body.roles);
      const nip = body.nip || null;
      if (await users.findByUsername(body.username)) {
        throw new AppError(
          'CONFLICT',
          `Nama pengguna "${body.username}" sudah dipakai. Pilih nama pengguna lain.`,
          [{ path: 'username', message: 'Nama pengguna sudah dipakai' }],
        );
      }
      if (nip && (await users.findByNip(nip))) {
        throw new AppError('CONFLICT', 'NIP ini sudah terdaftar untuk pengguna lain.', [
          { path: 'nip', message: 'NIP sudah terdaftar' },
        ]);
      }
      const password = newTemporaryPassword();
      const passwordHash = await hashPassword(password);
      try {
        const row = await db.transaction(async (tx) => {
          const user = await users.insert(
            {
              username: body.username,
              namaLengkap: body.namaLengkap,
              nip,
              pemdaKode: actor.pemdaKode,
              passwordHash,
              mustChangePassword: true,
            },
            tx,
          );
          for (const g of body.roles)
            await users.assignRole({ userId: user.id, ...g, createdBy: actor.userId }, tx);
          await audit.record(
            actor,
            {
              ...base(user.id, ip),
              action: 'user.created',
              after: { username: user.username, namaLengkap: user.namaLengkap, nip, roles: body.roles },
            },
            tx,
          );
          return user;
        });
        return { user: await toUser(row), temporaryPassword: password };
      } catch (err) {
        const c = uniqueViolation(err);
        if (c) throw conflictFromUnique(c);
        throw err;
      }
    },

    /** Edits the profile, the roles and the active flag; disabling ends every session at once. */
    async update(actor: Actor, id: string, body: UpdateUserBody, ip: string | null): Promise<User> {
      const row = await loadFor(actor, id);
      const before = await toUser(row);
      if (row.version !== body.version) throw staleUser(row.username);
      await checkGrants(actor, body.roles);
      const self = row.id === actor.userId;
      if (self && !body.active) {
        throw new AppError('CONFLICT', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
      }
      if (self && !body.roles.some((g) => g.role === 'admin' && g.wilayahKode === actor.pemdaKode)) {
        throw new AppError(
          'CONFLICT',
          'Anda tidak dapat mencabut peran admin Anda sendiri; minta admin lain melakukannya.',
        );
      }
      const nip = body.nip || null;
      if (nip && nip !== row.nip) {
        const other = await users.findByNip(nip);
        if (other && other.id !== row.id) {
          throw new AppError('CONFLICT', 'NIP ini sudah terdaftar untuk pengguna lain.', [
            { path: 'nip', message: 'NIP sudah terdaftar' },
          ]);
        }
      }
      const oldKeys = new Set(grantsOf(before).map(grantKey));
      const newKeys = new Set(body.roles.map(grantKey));
      const removed = grantsOf(before).filter((g) => !newKeys.has(grantKey(g)));
      const added = body.roles.filter((g) => !oldKeys.has(grantKey(g)));
      const now = clock.now();
      const reason = body.reason || null;
      try {
        await db.transaction(async (tx) => {
          const updated = await users.update(
            id,
            body.version,
            { namaLengkap: body.namaLengkap, nip, active: body.active },
            now,
            tx,
          );
          if (!updated) throw staleUser(row.username);
          for (const g of removed) await users.removeRole(id, g.role, g.wilayahKode, tx);
          for (const g of added) await users.assignRole({ userId: id, ...g, createdBy: actor.userId }, tx);
          if (before.namaLengkap !== body.namaLengkap || before.nip !== nip) {
            await audit.record(
              actor,
              {
                ...base(id, ip),
                action: 'user.updated',
                before: { namaLengkap: before.namaLengkap, nip: before.nip },
                after: { namaLengkap: body.namaLengkap, nip },
                reason,
              },
              tx,
            );
          }
          if (removed.length > 0 || added.length > 0) {
            await audit.record(
              actor,
              {
                ...base(id, ip),
                action: 'user.roles_changed',
                before: { roles: grantsOf(before) },
                after: { roles: body.roles },
                reason,
              },
              tx,
            );
          }
          if (before.active !== body.active) {
            if (!body.active) await auth.revokeAllSessions(id, 'disabled_by_admin', now, tx);
            await audit.record(
              actor,
              {
                ...base(id, ip),
                action: body.active ? 'user.enabled' : 'user.disabled',
                before: { active: before.active },
                after: { active: body.active },
                reason,
              },
              tx,
            );
          }
        });
      } catch (err) {
        const c = uniqueViolation(err);
        if (c) throw conflictFromUnique(c);
        throw err;
      }
      // Roles, name or state changed: his sessions are looked up again (or end, when disabled).
      events.emit('user.revoked', { userId: id });
      return toUser((await users.findById(id)) as UserRow);
    },

    /** A new temporary password, shown once to the admin; the user must change it and is signed out. */
    async resetPassword(
      actor: Actor,
      id: string,
      version: number,
      ip: string | null,
    ): Promise<UserWithPassword> {
      const row = await loadFor(actor, id);
      if (row.version !== version) throw staleUser(row.username);
      const password = newTemporaryPassword();
      const passwordHash = await hashPassword(password);
      const now = clock.now();
      const lock = (await locksOf([row])).get(id) ?? null;
      await db.transaction(async (tx) => {
        const updated = await users.update(id, version, { passwordHash, mustChangePassword: true }, now, tx);
        if (!updated) throw staleUser(row.username);
        await auth.revokeAllSessions(id, 'password_reset', now, tx);
        // A new password is a fresh start: the wrong guesses at the old one no longer lock anyone out.
        await auth.clearThrottlesOf(row, tx);
        await audit.record(
          actor,
          {
            ...base(id, ip),
            action: 'user.password_reset',
            ...(lock ? { before: { lock } } : {}),
            after: { mustChangePassword: true, ...(lock ? { lock: null } : {}) },
          },
          tx,
        );
      });
      events.emit('user.revoked', { userId: id });
      return { user: await toUser((await users.findById(id)) as UserRow), temporaryPassword: password };
    },

    /**
     * Lifts the lock of every address and forgets the wrong attempts (login, password change,
     * second factor): the admin has made sure the person is who they say.
     */
    async unlock(actor: Actor, id: string, ip: string | null): Promise<User> {
      const row = await loadFor(actor, id);
      const lock = (await locksOf([row])).get(id);
      if (!lock) throw new AppError('CONFLICT', `Akun ${row.username} tidak sedang terkunci.`);
      await db.transaction(async (tx) => {
        await auth.clearThrottlesOf(row, tx);
        await audit.record(
          actor,
          { ...base(id, ip), action: 'user.unlocked', before: { lock }, after: { lock: null } },
          tx,
        );
      });
      return toUser(row);
    },

    /** One row per role, `;`-separated with a BOM so spreadsheets open it as Indonesian Excel does. */
    async exportCsv(actor: Actor): Promise<string> {
      assertCan(actor, 'user:manage', actor.pemdaKode, 'Pengguna');
      const all = await toUsers(await users.allOfPemda(actor.pemdaKode));
      const data: string[][] = [];
      for (const u of all) {
        const cells = (role: string, kode: string, nama: string) => [
          u.username,
          u.namaLengkap,
          u.nip ?? '',
          role,
          kode,
          nama,
          u.active ? 'aktif' : 'nonaktif',
        ];
        if (u.roles.length === 0) data.push(cells('', '', ''));
        for (const r of u.roles) data.push(cells(r.role, r.wilayahKode, r.wilayahNama));
      }
      return `${toCsv([[...userCsvColumns, 'nama_wilayah', 'status'], ...data])}\r\n`;
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;

function staleUser(username: string) {
  return new AppError(
    'STALE',
    `Data pengguna ${username} sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.`,
  );
}
