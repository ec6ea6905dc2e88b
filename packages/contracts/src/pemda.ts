import { z } from 'zod';
import { optionalEmailSchema, phoneSchema } from './common';
import { wilayahKodeSchema } from './wilayah';

/** The pemda's helpdesk as its admin sets it (every field may stay empty but the name). */
export const bantuanBodySchema = z.strictObject({
  nama: z
    .string()
    .trim()
    .min(3, 'Nama layanan bantuan minimal 3 karakter')
    .max(120, 'Nama maksimal 120 karakter'),
  telepon: phoneSchema,
  whatsapp: phoneSchema,
  email: optionalEmailSchema,
  jamLayanan: z.string().trim().max(120, 'Jam layanan maksimal 120 karakter'),
  alamat: z.string().trim().max(300, 'Alamat maksimal 300 karakter'),
  version: z.number().int().min(0),
});
export type BantuanBody = z.infer<typeof bantuanBodySchema>;

/** Where the pemda's people get help: public (the login page and the survey show it). */
export const bantuanSchema = z.object({
  pemdaKode: z.string(),
  pemdaNama: z.string(),
  /** False until the admin has set it: the screens then say to ask the pemda's admin. */
  diisi: z.boolean(),
  nama: z.string(),
  telepon: z.string(),
  whatsapp: z.string(),
  email: z.string(),
  jamLayanan: z.string(),
  alamat: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type Bantuan = z.infer<typeof bantuanSchema>;

export const bantuanQuerySchema = z.strictObject({ pemda: wilayahKodeSchema });
