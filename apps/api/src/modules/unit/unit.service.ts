import type { Unit, UnitProfileBody } from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can } from '../authz/authz';
import type { UsersRepo } from '../users/users.repo';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { UnitRepo } from './unit.repo';

export interface UnitServiceDeps {
  db: Db;
  repo: UnitRepo;
  wilayah: WilayahRepo;
  users: Pick<UsersRepo, 'officials'>;
  audit: AuditRepo;
  clock: Clock;
}

const unitLevels = new Set(['kecamatan', 'kelurahan_desa']);

export function createUnitService({ db, repo, wilayah, users, audit, clock }: UnitServiceDeps) {
  async function load(actor: Actor, kode: string): Promise<Unit> {
    const w = await wilayah.get(kode);
    if (!w || !unitLevels.has(w.level)) throw new AppError('NOT_FOUND', 'Unit tidak ditemukan.');
    const [profile, induk, pejabat] = await Promise.all([
      repo.getProfile(kode),
      w.indukKode ? wilayah.get(w.indukKode) : undefined,
      users.officials(kode),
    ]);
    return {
      kode: w.kode,
      nama: w.nama,
      level: w.level,
      indukKode: w.indukKode,
      indukNama: induk?.nama ?? null,
      alamatKantor: profile?.alamatKantor ?? '',
      telepon: profile?.telepon ?? '',
      email: profile?.email ?? '',
      jamPelayanan: profile?.jamPelayanan ?? '',
      version: profile?.version ?? 0,
      updatedAt: profile?.updatedAt?.toISOString() ?? null,
      // Its own heads only (a kecamatan's scope also holds its lurah), by name.
      pejabat: pejabat
        .filter((o) => o.kode === kode)
        .map((o) => ({ namaLengkap: o.nama, role: o.role }))
        .sort((a, b) => a.namaLengkap.localeCompare(b.namaLengkap)),
      canEdit: can(actor, 'unit:edit-profile', kode),
    };
  }

  return {
    async get(actor: Actor, kode: string): Promise<Unit> {
      assertCan(actor, 'unit:read', kode, 'Unit');
      return load(actor, kode);
    },

    async updateProfile(actor: Actor, kode: string, body: UnitProfileBody, ip: string | null): Promise<Unit> {
      assertCan(actor, 'unit:edit-profile', kode, 'Unit');
      const before = await load(actor, kode);
      const { version, ...values } = body;
      await db.transaction(async (tx) => {
        const saved = await repo.saveProfile(kode, values, version, actor.userId, clock.now(), tx);
        if (!saved) {
          throw new AppError(
            'STALE',
            'Profil unit ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.',
          );
        }
        await audit.record(
          actor,
          {
            action: 'unit.profile_updated',
            entity: 'unit',
            entityId: kode,
            before: {
              alamatKantor: before.alamatKantor,
              telepon: before.telepon,
              email: before.email,
              jamPelayanan: before.jamPelayanan,
            },
            after: values,
            ip,
          },
          tx,
        );
      });
      return load(actor, kode);
    },
  };
}
export type UnitService = ReturnType<typeof createUnitService>;
