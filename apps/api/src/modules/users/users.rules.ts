import { isWithin, type Role, type WilayahLevel } from '@sip/contracts';

/** Where each role may be assigned (DESIGN.md, "Who uses it"). */
export const roleLevels: Record<Role, readonly WilayahLevel[]> = {
  admin: ['kabupaten_kota'],
  analis: ['kabupaten_kota'],
  verifikator: ['kabupaten_kota', 'kecamatan'],
  camat: ['kecamatan'],
  lurah: ['kelurahan_desa'],
  operator: ['kecamatan', 'kelurahan_desa'],
  // Kinerja pegawai: whose log, which unit kerja, comes from the pegawai record and the positions.
  pegawai: ['kabupaten_kota'],
  verifikator_kinerja: ['kabupaten_kota'],
  admin_kepegawaian: ['kabupaten_kota'],
  bendahara: ['kabupaten_kota'],
};

const levelNames: Record<WilayahLevel, string> = {
  provinsi: 'provinsi',
  kabupaten_kota: 'pemda (kabupaten/kota)',
  kecamatan: 'kecamatan',
  kelurahan_desa: 'kelurahan/desa',
};

export interface KnownWilayah {
  kode: string;
  nama: string;
  level: WilayahLevel;
}

/** Why a role cannot be given at this wilayah, in Indonesian; null when it can. */
export function grantProblem(
  pemdaKode: string,
  role: Role,
  wilayahKode: string,
  w: KnownWilayah | undefined,
): string | null {
  if (!isWithin(wilayahKode, pemdaKode))
    return `kode wilayah ${wilayahKode} berada di luar pemda Anda (${pemdaKode})`;
  if (!w) return `kode wilayah ${wilayahKode} tidak dikenal`;
  const allowed = roleLevels[role];
  if (!allowed.includes(w.level)) {
    return `peran ${role} hanya dapat diberikan pada ${allowed.map((l) => levelNames[l]).join(' atau ')}, bukan ${levelNames[w.level]} ${w.nama} (${w.kode})`;
  }
  return null;
}

/** Roles that review a report before verification (endorse) and that verify it. */
const endorsing: ReadonlySet<Role> = new Set(['camat']);
const verifying: ReadonlySet<Role> = new Set(['verifikator']);

/**
 * Separation of duties (DESIGN.md "Yearly cycle" step 3): one person may not both endorse and verify
 * the reports of the same area. The pairs of grants that would let him, as [endorsing, verifying].
 */
export function dutyConflicts<G extends { role: Role; wilayahKode: string }>(grants: readonly G[]): [G, G][] {
  const out: [G, G][] = [];
  for (const e of grants.filter((g) => endorsing.has(g.role)))
    for (const v of grants.filter((g) => verifying.has(g.role)))
      if (isWithin(e.wilayahKode, v.wilayahKode) || isWithin(v.wilayahKode, e.wilayahKode)) out.push([e, v]);
  return out;
}

/** Readable temporary password (no 0/O, 1/l/I), 14 characters from a CSPRNG. */
export function temporaryPassword(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(24);
  let out = '';
  for (const b of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (b >= 256 - (256 % alphabet.length)) continue;
    out += alphabet[b % alphabet.length];
    if (out.length === 12) break;
  }
  while (out.length < 12) out += alphabet[(randomBytes(1)[0] ?? 0) % alphabet.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}
