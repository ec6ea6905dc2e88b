import { z } from 'zod';
import { nipSchema, roleAssignmentSchema, roleSchema, usernameSchema } from './auth';
import { jobSchema } from './jobs';
import { wilayahKodeSchema } from './wilayah';

/**
 * Wrong passwords (or codes) lock an account per address, progressively (issue 15, finding 8):
 * until when the longest lock lasts and from how many addresses. Null when no address waits.
 */
export const userLockSchema = z.object({ until: z.string(), addresses: z.number().int().min(1) });
export type UserLock = z.infer<typeof userLockSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  namaLengkap: z.string(),
  nip: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lock: userLockSchema.nullable(),
  roles: z.array(roleAssignmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userSortFields = ['username', 'namaLengkap', 'nip', 'createdAt'] as const;

export const userListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Matches username, nama lengkap or NIP. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(userSortFields).default('username'),
  order: z.enum(['asc', 'desc']).default('asc'),
  status: z.enum(['semua', 'aktif', 'nonaktif', 'terkunci']).default('semua'),
  role: roleSchema.optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userPageSchema = z.object({
  items: z.array(userSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserPage = z.infer<typeof userPageSchema>;

export const roleGrantInputSchema = z.strictObject({ role: roleSchema, wilayahKode: wilayahKodeSchema });
export type RoleGrantInput = z.infer<typeof roleGrantInputSchema>;

const namaLengkapSchema = z
  .string()
  .trim()
  .min(3, 'Nama lengkap minimal 3 karakter')
  .max(120, 'Nama lengkap maksimal 120 karakter')
  // A name is shown everywhere (rapor, award lists, audit): it must read as what it is.
  .refine(
    (s) => !/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s),
    'Nama lengkap memuat karakter pengatur arah teks (mis. U+202E). Ketik ulang namanya.',
  );
/** Empty means "no NIP" (non-ASN staff). */
const optionalNipSchema = z.union([z.literal(''), nipSchema]).nullable();
const rolesSchema = z
  .array(roleGrantInputSchema)
  .min(1, 'Tetapkan minimal satu peran')
  .max(30, 'Paling banyak 30 peran');

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  namaLengkap: namaLengkapSchema,
  nip: optionalNipSchema,
  roles: rolesSchema,
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z.strictObject({
  version: z.number().int().min(0),
  namaLengkap: namaLengkapSchema,
  nip: optionalNipSchema,
  roles: rolesSchema,
  active: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** The temporary password is shown once, to the admin; the user must change it at next login. */
export const userWithPasswordSchema = z.object({ user: userSchema, temporaryPassword: z.string() });
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;

export const resetPasswordBodySchema = z.strictObject({ version: z.number().int().min(0) });

/** Columns of the users CSV, import and export alike (one role per row). */
export const userCsvColumns = ['username', 'nama_lengkap', 'nip', 'peran', 'kode_wilayah'] as const;

export const importUsersBodySchema = z.strictObject({
  csv: z.string().min(1, 'Berkas CSV kosong').max(500_000, 'Berkas CSV terlalu besar'),
  /** Check only: report the problems or what would be created, save nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportUsersBody = z.infer<typeof importUsersBodySchema>;

/** One wrong row of an import: `baris` counts like a spreadsheet does (the header is row 1). */
export const csvRowErrorSchema = z.object({ baris: z.number().int(), pesan: z.string() });
export type CsvRowError = z.infer<typeof csvRowErrorSchema>;

export const importUsersResultSchema = z.object({
  dryRun: z.boolean(),
  users: z.array(
    z.object({
      username: z.string(),
      namaLengkap: z.string(),
      roles: z.number().int(),
      temporaryPassword: z.string().nullable(),
    }),
  ),
  rows: z.number().int(),
  /**
   * A large import runs as a background job (202): the accounts are made there, and the temporary
   * passwords come as the job's file; `users` then lists what will be created (no passwords).
   */
  job: jobSchema.nullable().default(null),
});
export type ImportUsersResult = z.infer<typeof importUsersResultSchema>;
