import { z } from 'zod';

/** Unit levels that are assessed. */
export const levelSchema = z.enum(['kecamatan', 'kelurahan']);
export type Level = z.infer<typeof levelSchema>;

export const roundingRuleSchema = z.object({
  decimals: z.number().int().min(0).max(6),
  mode: z.enum(['half_up']),
});
export type RoundingRule = z.infer<typeof roundingRuleSchema>;

/** A predikat applies to every score >= min (the highest matching min wins). */
export const predikatBandSchema = z.object({
  min: z.number().min(0).max(100),
  label: z.string().min(1),
});
export type PredikatBand = z.infer<typeof predikatBandSchema>;

export const periodeSettingsSchema = z.object({
  rounding: roundingRuleSchema,
  predikatBands: z.array(predikatBandSchema).min(1),
  formulaVersion: z.string().min(1),
});
export type PeriodeSettings = z.infer<typeof periodeSettingsSchema>;

/** One row of a threshold table: values in [min, max) score `score`; max null = no upper bound. */
export const scoreBandSchema = z.object({
  min: z.number(),
  max: z.number().nullable(),
  score: z.number(),
});
export type ScoreBand = z.infer<typeof scoreBandSchema>;

export const rubricLevelSchema = z.object({
  level: z.number().int(),
  label: z.string().min(1),
  score: z.number(),
});
export type RubricLevel = z.infer<typeof rubricLevelSchema>;

export const ratioScoringSchema = z.object({
  type: z.literal('ratio'),
  target: z.number(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  /** Achievement (percent of target) that earns the full score; at least 100. */
  cap: z.number(),
});
export const percentageScoringSchema = z.object({
  type: z.literal('percentage'),
  /** Absent or null: the score is the value itself (clamped to 0..100). */
  bands: z.array(scoreBandSchema).nullable().optional(),
});
export const booleanScoringSchema = z.object({ type: z.literal('boolean') });
export const scaleScoringSchema = z.object({
  type: z.literal('scale'),
  /** Highest level N of the scale 1..N. */
  levels: z.number().int(),
  /** Absent or null: linear, level 1 = 0 and level N = 100. */
  rubric: z.array(rubricLevelSchema).nullable().optional(),
});
export const bandsScoringSchema = z.object({ type: z.literal('bands'), bands: z.array(scoreBandSchema) });
export const ikmScoringSchema = z.object({ type: z.literal('ikm') });
export const timelinessScoringSchema = z.object({ type: z.literal('timeliness') });
export const kelurahanAverageScoringSchema = z.object({ type: z.literal('kelurahan_average') });

export const scoringSchema = z.discriminatedUnion('type', [
  ratioScoringSchema,
  percentageScoringSchema,
  booleanScoringSchema,
  scaleScoringSchema,
  bandsScoringSchema,
  ikmScoringSchema,
  timelinessScoringSchema,
  kelurahanAverageScoringSchema,
]);
export type Scoring = z.infer<typeof scoringSchema>;
export type IndikatorType = Scoring['type'];

/**
 * What a person may type for a reported indicator (docs/scoring.md §1): the same rule in the
 * browser and the API; a value outside it is refused with the reason, never changed silently.
 * Absent: the type's default (inputRuleOf).
 */
export const inputRuleSchema = z.object({
  /** Smallest accepted value; null = no lower bound. */
  min: z.number().nullable(),
  /** Largest accepted value; null = no upper bound. */
  max: z.number().nullable(),
  /** Whole numbers only (counts: kegiatan, orang, titik). */
  integer: z.boolean(),
});
export type InputRule = z.infer<typeof inputRuleSchema>;

export const indikatorSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  definition: z.string(),
  satuan: z.string(),
  appliesTo: z.enum(['kecamatan', 'kelurahan', 'both']),
  frequency: z.enum(['monthly', 'annual']),
  /** How the monthly values of a year become one value; ignored for annual indicators. */
  aggregation: z.enum(['sum', 'average', 'last']),
  /** Weight inside the bidang, per level the indicator applies to. */
  weights: z.object({ kecamatan: z.number().optional(), kelurahan: z.number().optional() }),
  evidenceRequired: z.boolean(),
  scoring: scoringSchema,
  input: inputRuleSchema.optional(),
  /**
   * Guidance for whoever reports and reviews it, shown next to the field: the rule it rests on,
   * where the number comes from, what evidence is acceptable. Edited by the admin; never scored.
   */
  panduan: z
    .object({
      dasarHukum: z.string().max(500),
      sumberData: z.string().max(500),
      contohBukti: z.string().max(1000),
    })
    .partial()
    .optional(),
});
export type Indikator = z.infer<typeof indikatorSchema>;

export const bidangSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  weight: z.number(),
  order: z.number().int(),
  indikator: z.array(indikatorSchema),
});
export type Bidang = z.infer<typeof bidangSchema>;

export const frameworkSchema = z.object({
  settings: periodeSettingsSchema,
  bidang: z.array(bidangSchema),
});
export type Framework = z.infer<typeof frameworkSchema>;

export const entryStatusSchema = z.enum(['verified', 'unverified', 'tidak_berlaku']);
export type EntryStatus = z.infer<typeof entryStatusSchema>;

/** One reported value: month 1..12, or null/0 for the annual entry. */
export const entrySchema = z.object({
  indikatorCode: z.string().min(1),
  month: z.number().int().min(0).max(12).nullable(),
  value: z.number().nullable(),
  status: entryStatusSchema,
});
export type Entry = z.infer<typeof entrySchema>;

export const timelinessCountsSchema = z.object({
  onTime: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type TimelinessCounts = z.infer<typeof timelinessCountsSchema>;

/** Inputs computed elsewhere (SKM, submission timestamps, kelurahan rapor). */
export const raporContextSchema = z.object({
  /** Monthly indicators count months fromMonth..monthsDue (default 12, the full year). */
  monthsDue: z.number().int().min(0).max(12).optional(),
  /** The first month counted (default 1); a month's own score counts that month alone. */
  fromMonth: z.number().int().min(1).max(12).optional(),
  /**
   * Whether the annual report is due (default true). Before it is, an annual indicator without a
   * verified value is belum jatuh tempo: left out of its bidang, not scored 0.
   */
  annualDue: z.boolean().optional(),
  /** IKM converted value (25..100), rounded to 2 decimals as on the SKM report; null = no respondents. */
  ikm: z.number().nullable().optional(),
  timeliness: timelinessCountsSchema.nullable().optional(),
  /** Totals (as published, rounded) of the kelurahan of this kecamatan. */
  kelurahanTotals: z.array(z.number()).nullable().optional(),
});
export type RaporContext = z.infer<typeof raporContextSchema>;
