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

/**
 * Indonesia's three time zones by their IANA names (Keppres 41/1987: WIB, WITA, WIT). Every
 * deadline, "today" and date of a pemda is read in its zone.
 */
export const zonaSchema = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'], {
  error: 'Pilih zona waktu WIB, WITA atau WIT',
});
export type Zona = z.infer<typeof zonaSchema>;

/** The abbreviation people write after a time ("16.00 WITA"). */
export const zonaSingkatan: Record<Zona, 'WIB' | 'WITA' | 'WIT'> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** Province codes (Kemendagri) in WITA: Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi. */
const provinsiWita = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
/** Province codes in WIT: Maluku, Maluku Utara and the Papua provinces. */
const provinsiWit = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The zone of a pemda's province (Keppres 41/1987), the default until its admin sets another. */
export function defaultZonaOf(pemdaKode: string): Zona {
  const provinsi = pemdaKode.slice(0, 2);
  if (provinsiWita.has(provinsi)) return 'Asia/Makassar';
  if (provinsiWit.has(provinsi)) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}

/** A pemda's time zone as its admin sees it. */
export const pemdaZonaSchema = z.object({
  pemdaKode: z.string(),
  zona: zonaSchema,
  /** The zone of its province (used while `diatur` is false). */
  bawaan: zonaSchema,
  /** The admin has set the zone (else the province's default applies). */
  diatur: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type PemdaZona = z.infer<typeof pemdaZonaSchema>;

export const pemdaZonaBodySchema = z.strictObject({
  zona: zonaSchema,
  version: z.number().int().min(0),
});
export type PemdaZonaBody = z.infer<typeof pemdaZonaBodySchema>;
