import { z } from 'zod';
import { zonaSchema } from './pemda';

export const roles = [
  'admin',
  'verifikator',
  'analis',
  'camat',
  'lurah',
  'operator',
  // Kinerja pegawai (DESIGN.md): the pegawai himself, the independent verification unit, the
  // personnel office (BKPSDM) and a unit kerja's treasurer. Atasan rights come from positions.
  'pegawai',
  'verifikator_kinerja',
  'admin_kepegawaian',
  'bendahara',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** NIP (Nomor Induk Pegawai) ASN: 18 digits — birth date, TMT, sex, serial (PP 11/2017 on ASN management). */
export const nipSchema = z
  .string()
  .trim()
  .regex(/^\d{18}$/, 'NIP harus 18 digit angka')
  .refine((nip) => isValidNip(nip), 'NIP tidak valid: tanggal lahir, TMT atau kode jenis kelamin salah');

export function isValidNip(nip: string): boolean {
  if (!/^\d{18}$/.test(nip)) return false;
  const year = Number(nip.slice(0, 4));
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  const sex = nip[14];
  if (year < 1940 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (tmtYear < year + 15 || tmtMonth < 1 || tmtMonth > 12) return false;
  return sex === '1' || sex === '2';
}

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(50, 'Nama pengguna maksimal 50 karakter')
  .regex(/^[a-z0-9._-]+$/, 'Nama pengguna hanya huruf kecil, angka, titik, garis bawah atau tanda hubung');

export const passwordSchema = z
  .string()
  .min(10, 'Kata sandi minimal 10 karakter')
  .max(200, 'Kata sandi maksimal 200 karakter');

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1, 'Isi nama pengguna').max(50),
  password: z.string().min(1, 'Isi kata sandi').max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'Isi kata sandi lama').max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const roleAssignmentSchema = z.object({
  id: z.string(),
  role: roleSchema,
  wilayahKode: z.string(),
  wilayahNama: z.string(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  namaLengkap: z.string(),
  nip: z.string().nullable(),
  mustChangePassword: z.boolean(),
  roles: z.array(roleAssignmentSchema),
  /** A second factor (TOTP) is active on this account. */
  totpEnabled: z.boolean(),
  /** The account's role requires TOTP and none is active: only enrolment, password change and logout answer. */
  mustEnrolTotp: z.boolean(),
  /** Minutes without a request after which the session ends (the web app signs out too). */
  sessionIdleMinutes: z.number().int(),
  /** The least strength (0–4) the server accepts for a new password. */
  passwordMinScore: z.number().int(),
  /** The pemda's time zone: the web app shows every date and time in it. */
  zona: zonaSchema,
});
export type Me = z.infer<typeof meSchema>;

/** A signed-in session (login without a second factor, the second step, refresh). */
export const loginResponseSchema = z.object({ user: meSchema, csrfToken: z.string() });

/** Password right and a second factor is on: send a code with this short-lived challenge. */
export const totpChallengeResponseSchema = z.object({
  totpRequired: z.literal(true),
  challenge: z.string(),
  csrfToken: z.string(),
});
export const loginStepResponseSchema = z.union([loginResponseSchema, totpChallengeResponseSchema]);
export type LoginStepResponse = z.infer<typeof loginStepResponseSchema>;

const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Kode verifikasi terdiri atas 6 angka');

export const loginTotpBodySchema = z.strictObject({
  challenge: z.string().min(1).max(2000),
  /** The 6-digit code of the authenticator app, or a recovery code (xxxxx-xxxxx). */
  code: z.string().trim().min(1, 'Isi kode verifikasi').max(20),
});
export type LoginTotpBody = z.infer<typeof loginTotpBodySchema>;

export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatus = z.infer<typeof totpStatusSchema>;

/** A new secret to scan; it becomes active only when a code from it is confirmed. */
export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const totpConfirmBodySchema = z.strictObject({ code: totpCodeSchema });
export type TotpConfirmBody = z.infer<typeof totpConfirmBodySchema>;

/** Shown once: only their hashes are kept. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const totpDisableBodySchema = z.strictObject({
  password: z.string().min(1, 'Isi kata sandi').max(200),
  code: z.string().trim().min(1, 'Isi kode verifikasi').max(20),
});
export type TotpDisableBody = z.infer<typeof totpDisableBodySchema>;
export const csrfResponseSchema = z.object({ csrfToken: z.string() });

/**
 * Sent (value `1`) by requests nobody asked for — the web app's polling. The server does not count
 * them as activity, so a tab left open still reaches the idle timeout (issue 15, finding 16).
 */
export const BACKGROUND_REQUEST_HEADER = 'x-sip-latar';
