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

const hex = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[0-9a-f]*$/, 'harus heksadesimal');

/** An ALTCHA proof-of-work challenge (altcha-lib v2), as the server signed it. */
export const skmAltchaChallengeSchema = z.strictObject({
  parameters: z.strictObject({
    algorithm: z.literal('SHA-256'),
    nonce: hex(64),
    salt: hex(64),
    cost: z.number().int().min(1).max(10),
    keyLength: z.number().int().min(16).max(64),
    keyPrefix: hex(128),
    keySignature: hex(128).optional(),
    expiresAt: z.number().int().optional(),
    data: z.record(z.string().max(40), z.string().max(200)).optional(),
  }),
  signature: hex(128),
});
export type SkmAltchaChallenge = z.infer<typeof skmAltchaChallengeSchema>;

/** The browser's solution of the form's challenge (solved in a Web Worker while the person answers). */
export const skmAltchaPayloadSchema = z.strictObject({
  challenge: skmAltchaChallengeSchema,
  solution: z.strictObject({
    counter: z.number().int().min(0).max(4_294_967_295),
    derivedKey: hex(128),
    time: z.number().min(0).max(10_000_000).optional(),
  }),
});
export type SkmAltchaPayload = z.infer<typeof skmAltchaPayloadSchema>;

/** A kode layanan as printed on a slip: 8 letters/digits, usually written XXXX-XXXX. */
export const skmKodeLayananSchema = z
  .string()
  .trim()
  .max(20, 'Kode layanan terlalu panjang')
  .regex(/^[0-9A-Za-z -]+$/, 'Kode layanan hanya berisi huruf dan angka, contoh: 7KQM-3XPA');

/** One citizen's answers, as the public survey page sends them. */
export const skmSubmitBodySchema = z.strictObject({
  formToken: z.string().min(1, 'Token formulir tidak ada').max(300),
  /** Kept by the browser after its first accepted response; absent on a device's first response. */
  deviceToken: z.string().min(1, 'Token perangkat tidak ada').max(200).optional(),
  idempotencyKey: z.uuid('Kunci pengiriman harus UUID'),
  altcha: skmAltchaPayloadSchema,
  kodeLayanan: skmKodeLayananSchema.optional(),
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
  /** A device's first accepted response gets its device token here: keep it and send it back. */
  deviceToken: z.string().nullable(),
});
export type SkmSubmitResponse = z.infer<typeof skmSubmitResponseSchema>;

export const skmFormResponseSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  level: wilayahLevelSchema,
  indukNama: z.string().nullable(),
  formToken: z.string(),
  /** Proof-of-work to solve before sending (single use: bound to this form token). */
  altcha: skmAltchaChallengeSchema,
  minFillSeconds: z.number().int(),
  /** Only responses with a one-time kode layanan from the service counter count at this unit. */
  kodeLayananWajib: z.boolean(),
  /** The device that asked (its token in the request) already answered for this unit today. */
  sudahHariIni: z.boolean(),
});
export type SkmFormResponse = z.infer<typeof skmFormResponseSchema>;

/** The survey entry without a QR code: a pemda's kecamatan, each with its kelurahan/desa (public reference data). */
export const skmUnitsQuerySchema = z.object({
  pemda: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'Kode pemda tidak valid (contoh: 32.73)')
    .default('32.73'),
});
export type SkmUnitsQuery = z.infer<typeof skmUnitsQuerySchema>;

export const skmUnitsSchema = z.object({
  pemdaKode: z.string(),
  pemdaNama: z.string(),
  kecamatan: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      kelurahan: z.array(z.object({ kode: z.string(), nama: z.string() })),
    }),
  ),
});
export type SkmUnits = z.infer<typeof skmUnitsSchema>;

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
/** The body that starts an SKM export job (POST /api/skm/:kode/export): nothing else accepted. */
export const skmExportBodySchema = z.strictObject({
  tahun: z.number().int().min(2000).max(2100),
  semester: z.number().int().min(1).max(2).optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type SkmExportBody = z.input<typeof skmExportBodySchema>;

export const skmResponseStatusSchema = z.enum(['diterima', 'karantina', 'dibatalkan']);
export type SkmResponseStatus = z.infer<typeof skmResponseStatusSchema>;
export const skmSumberSchema = z.enum(['daring', 'kertas']);

export const skmResponsesQuerySchema = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100),
  semester: z.coerce.number().int().min(1).max(2).optional(),
  status: skmResponseStatusSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const skmResponseRowSchema = z.object({
  id: z.string(),
  wilayahKode: z.string(),
  submittedAt: z.string(),
  jawaban: z.record(z.string(), z.number().int()),
  layanan: z.string().nullable(),
  status: skmResponseStatusSchema,
  sumber: skmSumberSchema,
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

/** Quarantined responses waiting for an admin, per unit (the admin's SKM page). */
export const skmKarantinaSummarySchema = z.object({
  items: z.array(z.object({ wilayahKode: z.string(), wilayahNama: z.string(), jumlah: z.number().int() })),
  total: z.number().int(),
});
export type SkmKarantinaSummary = z.infer<typeof skmKarantinaSummarySchema>;

export const skmKarantinaQuerySchema = z.object({ kode: wilayahKodeSchema });

export const skmReleaseBodySchema = z.strictObject({
  alasan: z.string().trim().min(5, 'Tulis alasan pelepasan (minimal 5 karakter)').max(500),
});

/** A paper questionnaire typed in by an officer (audited; marked `kertas`). */
export const skmPaperBodySchema = z.strictObject({
  idempotencyKey: z.uuid('Kunci pengiriman harus UUID'),
  /** The day the citizen filled in the paper (YYYY-MM-DD), not in the future. */
  tanggal: z.iso.date('Tanggal pengisian harus berformat YYYY-MM-DD'),
  jawaban: skmJawabanSchema,
  profil: skmProfilSchema.optional(),
  layanan: z
    .string()
    .trim()
    .max(SKM_LAYANAN_MAX, `Jenis layanan maksimal ${SKM_LAYANAN_MAX} karakter`)
    .optional(),
  saran: z.string().trim().max(SKM_SARAN_MAX, `Saran maksimal ${SKM_SARAN_MAX} karakter`).optional(),
});
export type SkmPaperBody = z.infer<typeof skmPaperBodySchema>;
export const skmPaperResponseSchema = z.object({ id: z.string(), ulang: z.boolean() });

/** The kode layanan mode of a unit for a year, and its codes so far. */
export const skmSettingsQuerySchema = z.object({ tahun: z.coerce.number().int().min(2000).max(2100) });
export const skmSettingsSchema = z.object({
  kode: z.string(),
  tahun: z.number().int(),
  kodeLayananWajib: z.boolean(),
  kodeLayanan: z.object({ dibuat: z.number().int(), dipakai: z.number().int() }),
  batches: z.array(
    z.object({
      batchId: z.string(),
      createdAt: z.string(),
      jumlah: z.number().int(),
      dipakai: z.number().int(),
    }),
  ),
});
export type SkmSettings = z.infer<typeof skmSettingsSchema>;
export const skmSettingsBodySchema = z.strictObject({
  tahun: z.number().int().min(2000).max(2100),
  kodeLayananWajib: z.boolean(),
});

export const SKM_KODE_BATCH_MAX = 500;
export const skmKodeBatchBodySchema = z.strictObject({
  jumlah: z
    .number()
    .int()
    .min(1, 'Paling sedikit 1 kode')
    .max(SKM_KODE_BATCH_MAX, `Paling banyak ${SKM_KODE_BATCH_MAX} kode sekali buat`),
});
export const skmKodeBatchSchema = z.object({
  batchId: z.string(),
  kode: z.string(),
  nama: z.string(),
  level: wilayahLevelSchema,
  createdAt: z.string(),
  items: z.array(z.object({ kode: z.string(), dipakai: z.boolean() })),
});
export type SkmKodeBatch = z.infer<typeof skmKodeBatchSchema>;
export const skmBatchParamsSchema = z.strictObject({
  kode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'Kode unit tidak valid'),
  batchId: z.uuid('ID batch tidak valid'),
});
