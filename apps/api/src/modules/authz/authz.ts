import { isWithin, type Role } from '@sip/contracts';
import { AppError } from '../../lib/errors';

export interface RoleGrant {
  role: Role;
  wilayahKode: string;
}

/** Who is asking: the session behind the token is looked up on every request (through the session cache, which every change of a user, session or role empties), never trusted from the token alone. */
export interface Actor {
  userId: string;
  username: string;
  namaLengkap: string;
  pemdaKode: string;
  sessionId: string;
  roles: RoleGrant[];
  /** A temporary password (new account, reset by an admin) that must be changed before anything else. */
  mustChangePassword: boolean;
  /** The role requires a second factor and none is active: only enrolment, password change and logout answer. */
  mustEnrolTotp?: boolean;
  /** Mode latihan: this request reads and writes the pemda's practice periode, not the real years. */
  latihan?: boolean;
}

/**
 * Roles that manage a whole pemda (users, periodes, publication): their sessions end sooner when
 * idle (SESSION_IDLE_MINUTES_ADMIN) than those of the units.
 */
export const adminRoles: ReadonlySet<Role> = new Set<Role>(['admin']);
export const holdsAdminRole = (roles: readonly { role: Role }[]) => roles.some((r) => adminRoles.has(r.role));

/**
 * The authorization policy of the whole API (DESIGN.md, "Who uses it"). Every check goes through
 * here; handlers and services never compare roles themselves.
 *  - `within`: the target lies in (or is) the wilayah of the role assignment
 *  - `exact`: the target is exactly the wilayah of the role assignment
 */
type Reach = 'within' | 'exact';

/** Who may read a unit's data: the pemda's staff within it, the camat within his kecamatan, the unit's own lurah and operator. */
const unitReaders = [
  ['admin', 'within'],
  ['verifikator', 'within'],
  ['analis', 'within'],
  ['camat', 'within'],
  ['lurah', 'exact'],
  ['operator', 'exact'],
] as const;

const policy = {
  /** See a unit's protected details (office profile, officials; later its reports and rapor). */
  'unit:read': unitReaders,
  /** Change a unit's office profile: its head (camat, lurah) or an admin of its pemda. */
  'unit:edit-profile': [
    ['admin', 'within'],
    ['camat', 'exact'],
    ['lurah', 'exact'],
  ],
  /** Read the audit log of a pemda. */
  'audit:read': [['admin', 'within']],
  /** SKM: a unit's IKM report, its approved suggestions and exports (a pemda: its pooled IKM). */
  'skm:read': unitReaders,
  /** SKM: list single responses and void one (with a reason). */
  'skm:void': [['admin', 'within']],
  /** SKM: type in a paper questionnaire collected at the office (audited, marked `kertas`). */
  'skm:enter-paper': [
    ['admin', 'within'],
    ['operator', 'exact'],
  ],
  /** SKM: make and print one-time kode layanan for the service counter; see the unit's code mode. */
  'skm:kode-layanan': [
    ['admin', 'within'],
    ['camat', 'exact'],
    ['lurah', 'exact'],
    ['operator', 'exact'],
  ],
  /** SKM: switch a unit's kode layanan mode on or off for a year. */
  'skm:settings': [['admin', 'within']],
  /** SKM: approve or hide citizens' suggestions before they appear in reports. */
  'skm:moderate': [
    ['admin', 'within'],
    ['verifikator', 'within'],
  ],
  /** See a pemda's periodes and their frameworks. */
  'periode:read': [
    ['admin', 'within'],
    ['verifikator', 'within'],
    ['analis', 'within'],
  ],
  /** Create periodes, edit frameworks and settings, move a periode through its states. */
  'periode:manage': [['admin', 'within']],
  /** Manage a pemda's accounts and their role assignments. */
  'user:manage': [['admin', 'within']],
  /** The pemda's own settings (where its people get help). */
  'pemda:settings': [['admin', 'within']],
  /** See a unit's laporan (reports), their entries, evidence and timeline. */
  'laporan:read': unitReaders,
  /** Fill a unit's report drafts and upload evidence (the operator too). */
  'laporan:edit': [
    ['camat', 'exact'],
    ['lurah', 'exact'],
    ['operator', 'exact'],
  ],
  /** Submit a unit's report (never the operator). */
  'laporan:submit': [
    ['camat', 'exact'],
    ['lurah', 'exact'],
  ],
  /** Endorse or return the kelurahan reports under a kecamatan. */
  'laporan:endorse': [['camat', 'within']],
  /** Decide entries, approve or return reports. */
  'laporan:verify': [['verifikator', 'within']],
  /** Reopen an approved report, grant a late-entry exception (with reasons). */
  'laporan:manage': [['admin', 'within']],
  /** Write in the discussion of an indicator of a report: its unit and its reviewers. */
  'laporan:comment': [
    ['camat', 'within'],
    ['lurah', 'exact'],
    ['operator', 'exact'],
    ['verifikator', 'within'],
    ['admin', 'within'],
  ],
  /** See a unit's rapor and rank (before publication a unit sees only its own; DESIGN.md). */
  'rapor:read': unitReaders,
  /** See every unit's rapor and the full rankings before publication; analytics and exports. */
  'rapor:read-all': [
    ['admin', 'within'],
    ['verifikator', 'within'],
    ['analis', 'within'],
  ],
  /** Publish a periode's results (an immutable snapshot) and publish revisions. */
  'rapor:publish': [['admin', 'within']],
  /** See every background job of a pemda (and the installation's own: backups, the hourly rounds). */
  'job:read-all': [['admin', 'within']],

  // Kinerja pegawai (DESIGN.md). Atasan rights are not a role: `assertAtasan` below decides them
  // from the positions held on the date concerned.
  /** See the organisation: unit kerja, jabatan and who holds them, pegawai, the working calendar. */
  'kepegawaian:read': [
    ['admin_kepegawaian', 'within'],
    ['verifikator_kinerja', 'within'],
    ['bendahara', 'within'],
    ['admin', 'within'],
    ['analis', 'within'],
  ],
  /** Manage unit kerja, jabatan, pegawai and their spans, the calendar, leave and the kinerja settings. */
  'kepegawaian:manage': [['admin_kepegawaian', 'within']],
  /** Keep one's own daily log and see one's own week, month and score (the pegawai record decides whose). */
  'aktivitas:own': [['pegawai', 'within']],
  /** Verify a unit kerja's month and close it (never his own unit kerja: `assertNotOwnUnitKerja`). */
  'kinerja:verify': [['verifikator_kinerja', 'within']],
  /** Reopen a closed month (with a reason), grant a late-entry exception. */
  'kinerja:manage': [['admin_kepegawaian', 'within']],
  /** See every pegawai's monthly scores of the pemda. */
  'kinerja:read': [
    ['admin_kepegawaian', 'within'],
    ['verifikator_kinerja', 'within'],
    ['bendahara', 'within'],
    ['admin', 'within'],
    ['analis', 'within'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [Role, Reach]>>;

export type Action = keyof typeof policy;

/** The read action that decides 404 (may not know it exists) versus 403 (may see, may not act). */
const visibility: Record<Action, Action> = {
  'laporan:read': 'laporan:read',
  'laporan:edit': 'laporan:read',
  'laporan:submit': 'laporan:read',
  'laporan:endorse': 'laporan:read',
  'laporan:verify': 'laporan:read',
  'laporan:manage': 'laporan:read',
  'laporan:comment': 'laporan:read',
  'periode:read': 'periode:read',
  'periode:manage': 'periode:read',
  'user:manage': 'user:manage',
  'pemda:settings': 'pemda:settings',
  'unit:read': 'unit:read',
  'unit:edit-profile': 'unit:read',
  'audit:read': 'audit:read',
  'skm:read': 'skm:read',
  'skm:void': 'skm:read',
  'skm:moderate': 'skm:read',
  'skm:enter-paper': 'skm:read',
  'skm:kode-layanan': 'skm:read',
  'skm:settings': 'skm:read',
  'rapor:read': 'rapor:read',
  'rapor:read-all': 'rapor:read',
  'rapor:publish': 'rapor:read',
  'job:read-all': 'job:read-all',
  'kepegawaian:read': 'kepegawaian:read',
  'kepegawaian:manage': 'kepegawaian:read',
  'aktivitas:own': 'aktivitas:own',
  'kinerja:verify': 'kinerja:read',
  'kinerja:manage': 'kinerja:read',
  'kinerja:read': 'kinerja:read',
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

/**
 * The years of his pemda a person may know of: every role sees the periodes that are or were in use
 * (aktif, ditutup, diumumkan); drafts only who may manage periodes. No role: nothing.
 */
export function visiblePeriodeStatuses(actor: Actor): ReadonlySet<string> {
  if (actor.roles.length === 0) return new Set();
  if (can(actor, 'periode:manage', actor.pemdaKode))
    return new Set(['draf', 'aktif', 'ditutup', 'diumumkan']);
  return new Set(['aktif', 'ditutup', 'diumumkan']);
}

/** Roles by which a person reports for a unit (and so may never review that unit's reports). */
const reportingRoles: ReadonlySet<Role> = new Set(['camat', 'lurah', 'operator']);

/** True when the actor reports for the unit `kode` (DESIGN.md: nobody reviews a report of a unit he reports for). */
export function reportsFor(actor: Actor, kode: string): boolean {
  return actor.roles.some((g) => reportingRoles.has(g.role) && g.wilayahKode === kode);
}

/** The units the actor reports for. */
export function reportingUnits(actor: Actor): string[] {
  return actor.roles.filter((g) => reportingRoles.has(g.role)).map((g) => g.wilayahKode);
}

/**
 * Atasan rights over one pegawai's entries on a date (DESIGN.md, "Kinerja pegawai" step 3): the
 * actor holds, that day, the position his atasan langsung is (a Plt or Plh counts), or his atasan's
 * atasan once the week escalated. Nobody decides his own entries. Anyone else may not know the
 * entries exist (404).
 */
export interface AtasanRelation {
  /** The actor's own pegawai record, if he has one. */
  actorPegawaiId: string | undefined;
  subjectPegawaiId: string;
  atasanPegawaiId: string | null;
  atasanAtasanPegawaiId: string | null;
  /** The approval deadline has passed: the atasan's atasan may act too. */
  lewatBatas: boolean;
}

export function atasanRight(actor: Actor, r: AtasanRelation): 'atasan' | 'eskalasi' | null {
  if (!actor.roles.some((g) => g.role === 'pegawai') || !r.actorPegawaiId) return null;
  if (r.actorPegawaiId === r.subjectPegawaiId) return null;
  if (r.atasanPegawaiId === r.actorPegawaiId) return 'atasan';
  if (r.lewatBatas && r.atasanAtasanPegawaiId === r.actorPegawaiId) return 'eskalasi';
  return null;
}

export function assertAtasan(actor: Actor, r: AtasanRelation, what = 'Aktivitas'): 'atasan' | 'eskalasi' {
  if (r.actorPegawaiId && r.actorPegawaiId === r.subjectPegawaiId) {
    throw new AppError(
      'FORBIDDEN',
      'Anda tidak dapat memutus aktivitas Anda sendiri; itu tugas atasan Anda.',
    );
  }
  const right = atasanRight(actor, r);
  if (!right) throw new AppError('NOT_FOUND', `${what} tidak ditemukan.`);
  return right;
}

/** A verifikator kinerja never verifies the unit kerja he works in himself (DESIGN.md step 4). */
export function assertNotOwnUnitKerja(ownUnitKerjaIds: readonly string[], unitKerjaId: string): void {
  if (ownUnitKerjaIds.includes(unitKerjaId)) {
    throw new AppError('FORBIDDEN', 'Verifikator kinerja tidak boleh memverifikasi unit kerjanya sendiri.');
  }
}
