import { isWithin, type Role } from '@sip/contracts';
import { AppError } from '../../lib/errors';

export interface RoleGrant {
  role: Role;
  wilayahKode: string;
}

/** Who is asking: loaded from the database on every request, never trusted from the token alone. */
export interface Actor {
  userId: string;
  username: string;
  namaLengkap: string;
  pemdaKode: string;
  sessionId: string;
  roles: RoleGrant[];
}

/**
 * The authorization policy of the whole API (DESIGN.md, "Who uses it"). Every check goes through
 * here; handlers and services never compare roles themselves.
 *  - `within`: the target lies in (or is) the wilayah of the role assignment
 *  - `exact`: the target is exactly the wilayah of the role assignment
 */
type Reach = 'within' | 'exact';
const policy = {
  /** See a unit's protected details (office profile, officials; later its reports and rapor). */
  'unit:read': [
    ['admin', 'within'],
    ['verifikator', 'within'],
    ['analis', 'within'],
    ['camat', 'within'],
    ['lurah', 'exact'],
    ['operator', 'exact'],
  ],
  /** Change a unit's office profile: its head (camat, lurah) or an admin of its pemda. */
  'unit:edit-profile': [
    ['admin', 'within'],
    ['camat', 'exact'],
    ['lurah', 'exact'],
  ],
  /** Read the audit log of a pemda. */
  'audit:read': [['admin', 'within']],
} as const satisfies Record<string, ReadonlyArray<readonly [Role, Reach]>>;

export type Action = keyof typeof policy;

/** The read action that decides 404 (may not know it exists) versus 403 (may see, may not act). */
const visibility: Record<Action, Action> = {
  'unit:read': 'unit:read',
  'unit:edit-profile': 'unit:read',
  'audit:read': 'audit:read',
};

export function can(actor: Actor, action: Action, targetKode: string): boolean {
  const rules = policy[action] as ReadonlyArray<readonly [Role, Reach]>;
  return actor.roles.some((grant) =>
    rules.some(
      ([role, reach]) =>
        grant.role === role &&
        (reach === 'exact' ? grant.wilayahKode === targetKode : isWithin(targetKode, grant.wilayahKode)),
    ),
  );
}

/** Throws 404 when the actor may not know the target exists, 403 when he may see it but not act. */
export function assertCan(actor: Actor, action: Action, targetKode: string, what = 'Data'): void {
  if (can(actor, action, targetKode)) return;
  if (!can(actor, visibility[action], targetKode)) {
    throw new AppError('NOT_FOUND', `${what} tidak ditemukan.`);
  }
  throw new AppError('FORBIDDEN', 'Peran Anda tidak berwenang melakukan tindakan ini.');
}

/** The wilayah codes under which the actor may perform `action` (for filtering lists). */
export function scopesFor(actor: Actor, action: Action): { within: string[]; exact: string[] } {
  const rules = policy[action] as ReadonlyArray<readonly [Role, Reach]>;
  const within: string[] = [];
  const exact: string[] = [];
  for (const grant of actor.roles) {
    for (const [role, reach] of rules) {
      if (grant.role !== role) continue;
      (reach === 'within' ? within : exact).push(grant.wilayahKode);
    }
  }
  return { within, exact };
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.some((g) => g.role === role);
}
