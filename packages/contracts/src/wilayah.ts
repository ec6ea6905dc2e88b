import { z } from 'zod';

export const wilayahLevels = ['provinsi', 'kabupaten_kota', 'kecamatan', 'kelurahan_desa'] as const;
export const wilayahLevelSchema = z.enum(wilayahLevels);
export type WilayahLevel = z.infer<typeof wilayahLevelSchema>;

/** Kemendagri code: 32, 32.73, 32.73.02, 32.73.02.1004. */
export const wilayahKodeSchema = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah tidak valid (contoh: 32.73.02.1004)');

export const wilayahSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  level: wilayahLevelSchema,
  indukKode: z.string().nullable(),
  jumlahAnak: z.number().int(),
});
export type Wilayah = z.infer<typeof wilayahSchema>;

export const wilayahWithPathSchema = wilayahSchema.extend({
  /** From the province down to the parent, for breadcrumbs. */
  jalur: z.array(z.object({ kode: z.string(), nama: z.string(), level: wilayahLevelSchema })),
});
export type WilayahWithPath = z.infer<typeof wilayahWithPathSchema>;

export const wilayahListSchema = z.object({ items: z.array(wilayahSchema) });

export const wilayahSearchQuerySchema = z.object({
  q: z.string().trim().min(2, 'Ketik minimal 2 huruf').max(100),
  dalam: wilayahKodeSchema.optional(),
  level: wilayahLevelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const wilayahSearchResultSchema = z.object({
  items: z.array(wilayahSchema.extend({ indukNama: z.string().nullable() })),
});
export type WilayahSearchResult = z.infer<typeof wilayahSearchResultSchema>;

export function levelOfKode(kode: string): WilayahLevel {
  const parts = kode.split('.').length;
  return wilayahLevels[parts - 1] ?? 'kelurahan_desa';
}

/** True when `kode` equals `scope` or lies beneath it in the wilayah tree. */
export function isWithin(kode: string, scope: string): boolean {
  return kode === scope || kode.startsWith(`${scope}.`);
}

/** The assessed level of a unit code: a kecamatan (32.73.02) or a kelurahan/desa (32.73.02.1004); null otherwise. */
export function unitLevelOf(kode: string): 'kecamatan' | 'kelurahan' | null {
  const parts = kode.split('.').length;
  return parts === 3 ? 'kecamatan' : parts === 4 ? 'kelurahan' : null;
}

/** The kecamatan a unit lies in (a kecamatan is its own). */
export const kecamatanOf = (kode: string) => kode.split('.').slice(0, 3).join('.');

/** The pemda (regency/city, 32.73) a wilayah lies in. */
export const pemdaOf = (kode: string) => kode.split('.').slice(0, 2).join('.');
