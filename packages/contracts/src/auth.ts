import { z } from 'zod';

export const roles = ['admin', 'verifikator', 'analis', 'camat', 'lurah', 'operator'] as const;
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
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = z.object({ user: meSchema, csrfToken: z.string() });
export const csrfResponseSchema = z.object({ csrfToken: z.string() });
