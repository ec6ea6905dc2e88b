import { z } from 'zod';
import { roleSchema } from './auth';
import { optionalEmailSchema, phoneSchema } from './common';
import { wilayahLevelSchema } from './wilayah';

/** Contact details of a unit's office, kept by its camat or lurah. */
export const unitProfileBodySchema = z.strictObject({
  alamatKantor: z.string().trim().max(300, 'Alamat maksimal 300 karakter'),
  telepon: phoneSchema,
  email: optionalEmailSchema,
  jamPelayanan: z.string().trim().max(120, 'Jam pelayanan maksimal 120 karakter'),
  version: z.number().int().min(0),
});
export type UnitProfileBody = z.infer<typeof unitProfileBodySchema>;

export const unitSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  level: wilayahLevelSchema,
  indukKode: z.string().nullable(),
  indukNama: z.string().nullable(),
  alamatKantor: z.string(),
  telepon: z.string(),
  email: z.string(),
  jamPelayanan: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  pejabat: z.array(z.object({ namaLengkap: z.string(), role: roleSchema })),
  canEdit: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;
