import { z } from 'zod';
import { zonaSchema } from './pemda';

/** Rapor, rankings, analytics and publication (issue #7). Numbers are the engine's, rounded as shown. */

export const raporLevelSchema = z.enum(['kecamatan', 'kelurahan']);
export type RaporLevel = z.infer<typeof raporLevelSchema>;

export const indikatorStatusSchema = z.enum([
  'terverifikasi',
  'dikoreksi',
  'tidak_berlaku',
  'tidak_dilaporkan',
  /** Reported, but not every month counted (docs/scoring.md §4: score × R ÷ D). */
  'sebagian',
  /** Its report is not due yet: left out of the bidang until it is. */
  'belum_jatuh_tempo',
]);
export type IndikatorStatus = z.infer<typeof indikatorStatusSchema>;

export const raporIndikatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  satuan: z.string(),
  /** The yearly value the score came from (null when none). */
  value: z.number().nullable(),
  target: z.number().nullable(),
  score: z.number().nullable(),
  weight: z.number(),
  effectiveWeight: z.number(),
  status: indikatorStatusSchema,
  monthsReported: z.number().int().nullable(),
  monthsDue: z.number().int().nullable(),
  /** The pemda average of this indicator's score over the units of the same level. */
  pemdaAverage: z.number().nullable(),
});
export type RaporIndikator = z.infer<typeof raporIndikatorSchema>;

export const raporBidangSchema = z.object({
  code: z.string(),
  name: z.string(),
  weight: z.number(),
  score: z.number().nullable(),
  tidakBerlaku: z.boolean(),
  pemdaAverage: z.number().nullable(),
  indikator: z.array(raporIndikatorSchema),
});
export type RaporBidang = z.infer<typeof raporBidangSchema>;

export const raporSourceSchema = z.enum(['berjalan', 'publikasi']);

export const raporDetailSchema = z.object({
  tahun: z.number().int(),
  /** The pemda's name (the letterhead of the printed rapor). */
  pemdaNama: z.string(),
  periodeStatus: z.string(),
  /** `berjalan`: running rapor from verified data; `publikasi`: the published snapshot. */
  source: raporSourceSchema,
  revision: z.number().int().nullable(),
  kode: z.string(),
  nama: z.string(),
  level: raporLevelSchema,
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  total: z.number().nullable(),
  predikat: z.string().nullable(),
  /** Rank among kecamatan (kecamatan) or across the pemda (kelurahan). */
  rank: z.number().int().nullable(),
  rankOf: z.number().int(),
  /** Kelurahan only: rank within its kecamatan. */
  rankInKecamatan: z.number().int().nullable(),
  rankInKecamatanOf: z.number().int().nullable(),
  pemdaAverage: z.number().nullable(),
  formulaVersion: z.string(),
  monthsDue: z.number().int(),
  bidang: z.array(raporBidangSchema),
  /** Each month's own score, months 1..monthsDue (docs/scoring.md §4). */
  trend: z.array(
    z.object({ bulan: z.number().int(), total: z.number().nullable(), pemdaAverage: z.number().nullable() }),
  ),
  computedAt: z.string(),
  /**
   * The SKM figure this rapor counts: the unit's IKM of the whole year from the responses counted
   * when the rapor was computed (`computedAt`; for a published rapor, at publication). The SKM page
   * shows the live figure of the period chosen there, so the two may differ — both say what they cover.
   */
  skm: z.object({ ikm: z.number().nullable(), respondents: z.number().int().nullable() }),
});
export type RaporDetail = z.infer<typeof raporDetailSchema>;

export const rankingRowSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  level: raporLevelSchema,
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  total: z.number().nullable(),
  predikat: z.string().nullable(),
  rank: z.number().int().nullable(),
  rankInKecamatan: z.number().int().nullable(),
  bidang: z.record(z.string(), z.number().nullable()),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const rankingsQuerySchema = z.object({
  level: raporLevelSchema.default('kecamatan'),
  /** Kelurahan of one kecamatan only (ranked within it). */
  kecamatan: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Kode kecamatan tidak valid')
    .optional(),
});

export const rankingsResponseSchema = z.object({
  tahun: z.number().int(),
  periodeStatus: z.string(),
  source: raporSourceSchema,
  revision: z.number().int().nullable(),
  level: raporLevelSchema,
  /** False when the actor sees only his own units (before publication, periode not opened). */
  complete: z.boolean(),
  total: z.number().int(),
  bidang: z.array(z.object({ code: z.string(), name: z.string() })),
  rows: z.array(rankingRowSchema),
});
export type RankingsResponse = z.infer<typeof rankingsResponseSchema>;

/** A row of an award list: the unit and the camat or lurah who leads it (null: no account on record). */
export const topTenRowSchema = rankingRowSchema.extend({ pejabat: z.string().nullable() });
export type TopTenRow = z.infer<typeof topTenRowSchema>;

export const topTenSchema = z.object({
  tahun: z.number().int(),
  source: raporSourceSchema,
  revision: z.number().int().nullable(),
  complete: z.boolean(),
  camat: z.array(topTenRowSchema),
  lurah: z.array(topTenRowSchema),
});
export type TopTen = z.infer<typeof topTenSchema>;

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
export const rankingsExportQuerySchema = rankingsQuerySchema.extend({
  format: exportFormatSchema.default('xlsx'),
});
export const raporExportQuerySchema = z.object({ format: exportFormatSchema.default('xlsx') });
/** Starts the export of every unit's rapor of a year as a background job. */
export const raporAllExportBodySchema = z.strictObject({ format: exportFormatSchema.default('xlsx') });

export const tahunParamsSchema = z.object({ tahun: z.coerce.number().int().min(2000).max(2100) });
export const raporParamsSchema = tahunParamsSchema.extend({
  kode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'Kode unit tidak valid'),
});

export const complianceCellSchema = z.enum(['tepat', 'terlambat', 'belum', 'belum_jatuh_tempo']);
export type ComplianceCell = z.infer<typeof complianceCellSchema>;

export const analyticsResponseSchema = z.object({
  tahun: z.number().int(),
  monthsDue: z.number().int(),
  bidang: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
  kecamatan: z.array(rankingRowSchema),
  kelurahan: z.array(rankingRowSchema),
  pemdaAverage: z.object({
    kecamatan: z.record(z.string(), z.number().nullable()),
    kelurahan: z.record(z.string(), z.number().nullable()),
  }),
  /** Running totals per month for each kecamatan (index 0 = January). */
  trend: z.array(z.object({ kode: z.string(), nama: z.string(), totals: z.array(z.number().nullable()) })),
  compliance: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      level: raporLevelSchema,
      months: z.array(complianceCellSchema),
    }),
  ),
  skm: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      nrr: z.number().nullable(),
      respondents: z.number().int(),
    }),
  ),
});
export type AnalyticsResponse = z.infer<typeof analyticsResponseSchema>;

export const publishBodySchema = z.strictObject({
  reason: z.string().trim().max(500, 'Alasan maksimal 500 karakter').default(''),
  /**
   * Publishing while the checklist has open items (months not yet due, reports waiting for review,
   * annual reports not verified) needs this explicit consent and a reason of at least 10 characters.
   */
  konfirmasi: z.boolean().default(false),
});

/** A unit whose predikat depends on publishing before the year's reports are all due. */
export const earlyChangeSchema = z.object({
  kode: z.string(),
  nama: z.string(),
  level: z.enum(['kecamatan', 'kelurahan']),
  totalNow: z.number().nullable(),
  predikatNow: z.string().nullable(),
  totalYearEnd: z.number().nullable(),
  predikatYearEnd: z.string().nullable(),
});

/**
 * What publishing now would count: the months due at this instant and, when that is before the
 * whole year is due, the units whose predikat differs from counting all twelve months.
 */
export const publicationPreviewSchema = z.object({
  tahun: z.number().int(),
  monthsDue: z.number().int(),
  early: z.boolean(),
  units: z.number().int(),
  changed: z.array(earlyChangeSchema),
  /** The checklist: what is still open if the results are published now. */
  checklist: z.object({
    /** Reports submitted and waiting for the camat or a verifikator. */
    menungguKajian: z.number().int(),
    /** Units without a verified annual report. */
    tahunanBelum: z.number().int(),
    /** Objections (keberatan) not yet decided. */
    keberatanTerbuka: z.number().int(),
  }),
  /** True when anything is open: publishing then needs `konfirmasi` and a reason. */
  open: z.boolean(),
});
export type PublicationPreview = z.infer<typeof publicationPreviewSchema>;
export const reviseBodySchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, 'Tuliskan alasan revisi (minimal 10 karakter)')
    .max(500, 'Alasan maksimal 500 karakter'),
});

export const publicationSummarySchema = z.object({
  revision: z.number().int(),
  reason: z.string(),
  formulaVersion: z.string(),
  publishedAt: z.string(),
  publishedByName: z.string(),
  /**
   * Counted SKM responses of the pemda's year in this revision's IKM (quarantined and voided ones
   * are not counted); null for a revision published before the count was stored.
   */
  skmResponses: z.number().int().nullable(),
  /** Net change of that count since the previous revision; null for revision 1 or when unknown. */
  skmAdded: z.number().int().nullable(),
});
export type PublicationSummary = z.infer<typeof publicationSummarySchema>;

export const publicationsResponseSchema = z.object({
  tahun: z.number().int(),
  /** The pemda's name once published (the berita acara's letterhead); null before. */
  pemdaNama: z.string().nullable(),
  periodeStatus: z.string(),
  periodeVersion: z.number().int(),
  revisions: z.array(publicationSummarySchema),
});
export type PublicationsResponse = z.infer<typeof publicationsResponseSchema>;

export const publicRankingsQuerySchema = z.object({
  pemda: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'Kode pemda tidak valid')
    .default('32.73'),
});

export const publicRankingsSchema = z.object({
  tahun: z.number().int(),
  pemdaKode: z.string(),
  pemdaNama: z.string(),
  /** The pemda's time zone: the page shows its dates in it. */
  zona: zonaSchema,
  revision: z.number().int(),
  revised: z.boolean(),
  revisions: z.array(publicationSummarySchema),
  formulaVersion: z.string(),
  /** Every kecamatan with its camat as on record at publication (null: none on record). */
  kecamatan: z.array(topTenRowSchema),
  topCamat: z.array(topTenRowSchema),
  topLurah: z.array(topTenRowSchema),
});
export type PublicRankings = z.infer<typeof publicRankingsSchema>;

/** The years a pemda has published (public), newest first: the public ranking opens on the first. */
export const publicYearsSchema = z.object({
  pemdaKode: z.string(),
  tahun: z.array(z.number().int()),
});
export type PublicYears = z.infer<typeof publicYearsSchema>;

/**
 * One unit's rapor as published (public, no login): totals and bidang scores of the snapshot, never
 * the running rapor or its indicator values; the unit's name as it stood at publication.
 */
export const publicRaporSchema = z.object({
  tahun: z.number().int(),
  pemdaKode: z.string(),
  pemdaNama: z.string(),
  zona: zonaSchema,
  revision: z.number().int(),
  /** When the revision shown was published (ISO). */
  publishedAt: z.string(),
  formulaVersion: z.string(),
  kode: z.string(),
  nama: z.string(),
  level: raporLevelSchema,
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  /** The camat or lurah on record at publication; null when none was. */
  pejabat: z.string().nullable(),
  total: z.number().nullable(),
  predikat: z.string().nullable(),
  rank: z.number().int().nullable(),
  rankOf: z.number().int(),
  rankInKecamatan: z.number().int().nullable(),
  rankInKecamatanOf: z.number().int().nullable(),
  pemdaAverage: z.number().nullable(),
  bidang: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      weight: z.number(),
      score: z.number().nullable(),
      tidakBerlaku: z.boolean(),
      pemdaAverage: z.number().nullable(),
    }),
  ),
  /** The IKM the published rapor counts (the year's responses counted at publication). */
  skm: z.object({ ikm: z.number().nullable(), respondents: z.number().int().nullable() }),
});
export type PublicRapor = z.infer<typeof publicRaporSchema>;

/** The long list (every kelurahan of the pemda), loaded when the page opens its tab. */
export const publicKelurahanSchema = z.object({
  tahun: z.number().int(),
  revision: z.number().int(),
  /** With the lurah as on record at publication (null: none on record). */
  rows: z.array(topTenRowSchema),
});
export type PublicKelurahan = z.infer<typeof publicKelurahanSchema>;

/** A unit's objection to its rapor before the final publication, and the admin's decision. */
export const keberatanSchema = z.object({
  id: z.string(),
  tahun: z.number().int(),
  wilayahKode: z.string(),
  wilayahNama: z.string(),
  isi: z.string(),
  filedByName: z.string(),
  filedAt: z.string(),
  status: z.enum(['diajukan', 'diterima', 'ditolak']),
  keputusan: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Keberatan = z.infer<typeof keberatanSchema>;

export const keberatanListSchema = z.object({
  tahun: z.number().int(),
  /** The last day to file (pemda's calendar), null when no window is set. */
  sampai: z.string().nullable(),
  /** Whether a unit may file now (window open, results not yet announced). */
  terbuka: z.boolean(),
  items: z.array(keberatanSchema),
});
export type KeberatanList = z.infer<typeof keberatanListSchema>;

export const fileKeberatanBodySchema = z.strictObject({
  wilayahKode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'Kode unit tidak valid'),
  isi: z
    .string()
    .trim()
    .min(20, 'Jelaskan keberatan Anda (minimal 20 karakter): indikator mana dan mengapa')
    .max(2000, 'Keberatan maksimal 2000 karakter'),
});

export const decideKeberatanBodySchema = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(['diterima', 'ditolak']),
  keputusan: z
    .string()
    .trim()
    .min(10, 'Tuliskan alasan keputusan (minimal 10 karakter)')
    .max(1000, 'Alasan maksimal 1000 karakter'),
});
export const keberatanParamsSchema = z.object({
  tahun: z.coerce.number().int().min(2000).max(2100),
  id: z.uuid('Keberatan tidak ditemukan'),
});
