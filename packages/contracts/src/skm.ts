import { z } from 'zod';
import {
  SKM_HONEYPOT_FIELD,
  SKM_LAYANAN_MAX,
  SKM_SARAN_MAX,
  type SkmUnsurKey,
  skmProfilOptions,
  skmUnsurKeys,
} from './skm-options';
import { wilayahKodeSchema, wilayahLevelSchema } from './wilayah';

export * from './skm-options';

/** A unit (kecamatan or kelurahan/desa) code: only those have a survey. */
export const skmUnitKodeSchema = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'Kode unit tidak valid (contoh: 32.73.02.1004)');

const answer = z
  .number({ error: 'Pilih salah satu jawaban' })
  .int('Jawaban harus bilangan bulat 1 sampai 4')
  .min(1, 'Jawaban harus 1 sampai 4')
  .max(4, 'Jawaban harus 1 sampai 4');

export const skmJawabanSchema = z.strictObject(
  Object.fromEntries(skmUnsurKeys.map((k) => [k, answer])) as Record<SkmUnsurKey, typeof answer>,
);
export type SkmJawaban = z.infer<typeof skmJawabanSchema>;

const opt = <T extends readonly { value: string }[]>(options: T) =>
  z.enum(options.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]]).nullish();

export const skmProfilSchema = z.strictObject({
  jenisKelamin: opt(skmProfilOptions.jenisKelamin),
  kelompokUmur: opt(skmProfilOptions.kelompokUmur),
  pendidikan: opt(skmProfilOptions.pendidikan),
  pekerjaan: opt(skmProfilOptions.pekerjaan),
});
export type SkmProfil = z.infer<typeof skmProfilSchema>;

/** One citizen's answers, as the public survey page sends them. */
export const skmSubmitBodySchema = z.strictObject({
  formToken: z.string().min(1, 'Token formulir tidak ada').max(300),
  deviceToken: z.string().min(1, 'Token perangkat tidak ada').max(200),
  idempotencyKey: z.uuid('Kunci pengiriman harus UUID'),
  [SKM_HONEYPOT_FIELD]: z.string().max(500).optional(),
  jawaban: skmJawabanSchema,
  profil: skmProfilSchema.optional(),
  layanan: z
    .string()
    .trim()
    .max(SKM_LAYANAN_MAX, `Jenis layanan maksimal ${SKM_LAYANAN_MAX} karakter`)
    .optional(),
  saran: z.string().trim().max(SKM_SARAN_MAX, `Saran maksimal ${SKM_SARAN_MAX} karakter`).optional(),
});
export type SkmSubmitBody = z.infer<typeof skmSubmitBodySchema>;

export const skmSubmitResponseSchema = z.object({
  id: z.string(),
  /** True when this was a retry of an earlier, already counted submission. */
  ulang: z.boolean(),
  pesan: z.string(),
});
export type SkmSubmitResponse = z.infer<typeof skmSubmitResponseSchema>;

export const skmFormResponseSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  level: wilayahLevelSchema,
  indukNama: z.string().nullable(),
  formToken: z.string(),
  /** Only when the client sent no valid device token: keep it (localStorage) and send it back. */
  deviceToken: z.string().nullable(),
  minFillSeconds: z.number().int(),
});
export type SkmFormResponse = z.infer<typeof skmFormResponseSchema>;

export const skmReportQuerySchema = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100),
  semester: z.coerce.number().int().min(1).max(2).optional(),
  /** Number of service users in the period, for the Krejcie–Morgan sample guidance. */
  populasi: z.coerce.number().int().min(1).max(100_000_000).optional(),
});
export type SkmReportQuery = z.infer<typeof skmReportQuerySchema>;

export const skmGradeSchema = z.object({ mutu: z.enum(['A', 'B', 'C', 'D']), kinerja: z.string() });

export const skmIkmSchema = z.object({
  respondents: z.number().int(),
  unsur: z.array(
    z.object({
      key: z.string(),
      nama: z.string(),
      jumlah: z.number().int(),
      /** Nilai rata-rata (NRR), full precision. */
      nrr: z.number().nullable(),
      /** NRR x 1/9 (NRR tertimbang). */
      nrrTertimbang: z.number().nullable(),
    }),
  ),
  ikm: z.number().nullable(),
  converted: z.number().nullable(),
  /** Converted value rounded half-up to 2 decimals: printed, graded and used by the rapor. */
  convertedRounded: z.number().nullable(),
  grade: skmGradeSchema.nullable(),
});
export type SkmIkm = z.infer<typeof skmIkmSchema>;

export const skmProfilCountsSchema = z.array(
  z.object({
    field: z.string(),
    label: z.string(),
    items: z.array(z.object({ value: z.string().nullable(), label: z.string(), count: z.number().int() })),
  }),
);

export const skmRincianSchema = z.array(
  z.object({
    kode: z.string(),
    nama: z.string(),
    level: wilayahLevelSchema,
    respondents: z.number().int(),
    convertedRounded: z.number().nullable(),
    grade: skmGradeSchema.nullable(),
  }),
);

export const skmSaranSchema = z.object({
  id: z.string(),
  wilayahKode: z.string(),
  wilayahNama: z.string(),
  submittedAt: z.string(),
  layanan: z.string().nullable(),
  saran: z.string(),
  status: z.enum(['menunggu', 'disetujui', 'disembunyikan']),
});
export type SkmSaran = z.infer<typeof skmSaranSchema>;

export const skmReportSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  level: wilayahLevelSchema,
  tahun: z.number().int(),
  semester: z.number().int().nullable(),
  /**
   * The unit's own IKM: for a kelurahan or kecamatan, the responses given at that office (the value
   * of its rapor); for a pemda, every response in it pooled.
   */
  hasil: skmIkmSchema,
  /** Kecamatan only: its office and all its kelurahan pooled (respondent-weighted). */
  wilayahan: skmIkmSchema.nullable(),
  /** Per unit below (kecamatan: its office and kelurahan; pemda: each kecamatan pooled). */
  rincian: skmRincianSchema,
  profil: skmProfilCountsSchema,
  saran: z.array(skmSaranSchema),
  sampel: z.object({
    populasi: z.number().int().nullable(),
    minimum: z.number().int(),
    cukup: z.boolean(),
  }),
});
export type SkmReport = z.infer<typeof skmReportSchema>;

export const skmExportQuerySchema = skmReportQuerySchema.pick({ tahun: true, semester: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const skmResponsesQuerySchema = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100),
  semester: z.coerce.number().int().min(1).max(2).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const skmResponseRowSchema = z.object({
  id: z.string(),
  wilayahKode: z.string(),
  submittedAt: z.string(),
  jawaban: z.record(z.string(), z.number().int()),
  layanan: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export const skmResponsesPageSchema = z.object({
  items: z.array(skmResponseRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SkmResponseRow = z.infer<typeof skmResponseRowSchema>;

export const skmVoidBodySchema = z.strictObject({
  alasan: z.string().trim().min(5, 'Tulis alasan pembatalan (minimal 5 karakter)').max(500),
});

export const skmIdParamsSchema = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'ID tidak valid') });

export const skmSaranQuerySchema = z.object({
  status: z.enum(['menunggu', 'disetujui', 'disembunyikan']).default('menunggu'),
  kode: wilayahKodeSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const skmSaranPageSchema = z.object({
  items: z.array(skmSaranSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const skmModerateBodySchema = z.strictObject({
  status: z.enum(['disetujui', 'disembunyikan']),
});

export const skmPosterUnitsSchema = z.object({
  items: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      level: wilayahLevelSchema,
      indukNama: z.string().nullable(),
    }),
  ),
});
