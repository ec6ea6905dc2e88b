import { isWithin, nipSchema, passwordSchema, type Role, usernameSchema } from '@sip/contracts';
import type { Db } from '../../db/client';
import type { AuditRepo } from '../audit/audit.repo';
import { hashPassword } from '../auth/password';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { UsersRepo } from './users.repo';

export interface ProvisionInput {
  username: string;
  namaLengkap: string;
  nip?: string | null;
  pemdaKode: string;
  password: string;
  mustChangePassword: boolean;
  roles: { role: Role; wilayahKode: string }[];
}

/**
 * Creates an account with its roles in one transaction (CLI: first admin of a pemda; demo seed).
 * Returns false when the username already exists, leaving it untouched.
 */
export async function provisionUser(
  deps: {
    db: Db;
    users: UsersRepo;
    wilayah: WilayahRepo;
    audit: AuditRepo;
    /** Default: argon2id (password.ts). */
    hashPassword?: (password: string) => Promise<string>;
  },
  input: ProvisionInput,
  actor: { id: string | null; username: string } = { id: null, username: 'system' },
): Promise<{ created: boolean; userId: string }> {
  const username = usernameSchema.parse(input.username);
  passwordSchema.parse(input.password);
  const nip = input.nip ? nipSchema.parse(input.nip) : null;
  const pemda = await deps.wilayah.get(input.pemdaKode);
  if (pemda?.level !== 'kabupaten_kota') {
    throw new Error(`Pemda ${input.pemdaKode} is not an imported regency/city: import its wilayah first.`);
  }
  for (const r of input.roles) {
    if (!isWithin(r.wilayahKode, pemda.kode) || !(await deps.wilayah.get(r.wilayahKode))) {
      throw new Error(`Wilayah ${r.wilayahKode} is not inside pemda ${pemda.kode} or is not imported.`);
    }
  }
  const existing = await deps.users.findByUsername(username);
  if (existing) return { created: false, userId: existing.id };
  const passwordHash = await (deps.hashPassword ?? hashPassword)(input.password);
  const userId = await deps.db.transaction(async (tx) => {
    const user = await deps.users.insert(
      {
        username,
        namaLengkap: input.namaLengkap,
        nip,
        pemdaKode: pemda.kode,
        passwordHash,
        mustChangePassword: input.mustChangePassword,
      },
      tx,
    );
    for (const r of input.roles) {
      await deps.users.assignRole(
        { userId: user.id, role: r.role, wilayahKode: r.wilayahKode, createdBy: actor.id },
        tx,
      );
    }
    await deps.audit.record(
      { userId: actor.id, username: actor.username, pemdaKode: pemda.kode },
      {
        action: 'user.created',
        entity: 'user',
        entityId: user.id,
        after: { username, namaLengkap: input.namaLengkap, nip, roles: input.roles },
      },
      tx,
    );
    return user.id;
  });
  return { created: true, userId };
}
