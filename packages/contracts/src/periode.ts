import { frameworkSchema } from '@sip/scoring';
import { z } from 'zod';

export const periodeStatuses = ['draf', 'aktif', 'ditutup', 'diumumkan'] as const;
export const periodeStatusSchema = z.enum(periodeStatuses);
export type PeriodeStatus = z.infer<typeof periodeStatusSchema>;

/** The only moves a periode makes, each by an admin: draf -> aktif -> ditutup -> diumumkan. */
export const nextPeriodeStatus: Record<PeriodeStatus, PeriodeStatus | null> = {
  draf: 'aktif',
  aktif: 'ditutup',
  ditutup: 'diumumkan',
  diumumkan: null,
};

/**
 * How a year runs (not how it is scored: rounding, predikat bands and formula version live in the
 * framework's own `settings`, so a rapor is recomputed from the framework alone).
 */
export const periodeConfigSchema = z.strictObject({
  /** Monthly reports are due on this day of the next month (DESIGN.md: the 10th). */
  monthlyDueDay: z.number().int().min(1, 'Tanggal jatuh tempo 1–28').max(28, 'Tanggal jatuh tempo 1–28'),
  /** The annual report is due on this date (default 31 January of the next year). */
  annualDueDate: z.iso.date('Tanggal tidak valid (YYYY-MM-DD)'),
  /** Kelurahan reports go to their camat for endorsement before verification. */
  camatEndorsement: z.boolean(),
  /** Units see other units' results before publication. */
  resultsVisibleBeforePublication: z.boolean(),
  /**
   * The last day (pemda's calendar) a unit may file a keberatan on its rapor before the final
   * publication; null: no window open. Absent in settings saved before it existed: null.
   */
  keberatanSampai: z.iso.date('Tanggal tidak valid (YYYY-MM-DD)').nullable().optional(),
  /**
   * Days before a monthly report's due date that its unit is reminded (in the app and by e-mail);
   * 0: no reminder before, only once it is late. Absent in settings saved before it existed: 3.
   */
  pengingatHari: z
    .number()
    .int('Jumlah hari bilangan bulat')
    .min(0, 'Pengingat 0–14 hari')
    .max(14, 'Pengingat 0–14 hari')
    .optional(),
});
export type PeriodeConfig = z.infer<typeof periodeConfigSchema>;

export function defaultPeriodeConfig(tahun: number): PeriodeConfig {
  return {
    monthlyDueDay: 10,
    annualDueDate: `${tahun + 1}-01-31`,
    camatEndorsement: true,
    resultsVisibleBeforePublication: false,
    keberatanSampai: null,
    pengingatHari: DEFAULT_PENGINGAT_HARI,
  };
}

/** Reminders of a monthly report come this many days before its due date unless the periode says otherwise. */
export const DEFAULT_PENGINGAT_HARI = 3;

/** One problem of a framework as the scoring engine reports it (validateFramework). */
export const frameworkIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
});
export type FrameworkIssueDto = z.infer<typeof frameworkIssueSchema>;

export const tahunSchema = z.number().int().min(2000, 'Tahun 2000–2100').max(2100, 'Tahun 2000–2100');

export const periodeSummarySchema = z.object({
  id: z.string(),
  pemdaKode: z.string(),
  tahun: z.number().int(),
  status: periodeStatusSchema,
  /** The pemda's practice periode (mode latihan): never counts, never published. */
  latihan: z.boolean(),
  version: z.number().int(),
  bidangCount: z.number().int(),
  indikatorCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  activatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  announcedAt: z.string().nullable(),
});
export type PeriodeSummary = z.infer<typeof periodeSummarySchema>;

export const periodeListSchema = z.object({ items: z.array(periodeSummarySchema) });

export const periodeSchema = periodeSummarySchema.extend({
  settings: periodeConfigSchema,
  framework: frameworkSchema,
  /** What the engine finds wrong with the stored framework (an aktif one never has any). */
  issues: z.array(frameworkIssueSchema),
  /** Weights, types, targets, bands and rounding can no longer change (aktif and later). */
  scoringLocked: z.boolean(),
  /** Nothing of the framework can change any more (diumumkan). */
  frameworkLocked: z.boolean(),
  nextStatus: periodeStatusSchema.nullable(),
});
export type Periode = z.infer<typeof periodeSchema>;

export const periodeSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('empty') }),
  z.strictObject({ kind: z.literal('template') }),
  z.strictObject({ kind: z.literal('copy'), periodeId: z.uuid('Periode sumber tidak valid') }),
  /** A framework exported by SIP (or its bare `framework`), validated before anything is saved. */
  z.strictObject({ kind: z.literal('import'), framework: z.unknown() }),
]);
export type PeriodeSource = z.infer<typeof periodeSourceSchema>;

export const createPeriodeBodySchema = z.strictObject({
  tahun: tahunSchema,
  source: periodeSourceSchema,
  settings: periodeConfigSchema.optional(),
});
export type CreatePeriodeBody = z.infer<typeof createPeriodeBodySchema>;

const reasonSchema = z.string().trim().max(500, 'Alasan maksimal 500 karakter');

export const updateFrameworkBodySchema = z.strictObject({
  /** The version the editor read; a stale one gets 409 STALE. */
  version: z.number().int().min(1),
  framework: z.unknown(),
  reason: reasonSchema.optional(),
});
export type UpdateFrameworkBody = z.infer<typeof updateFrameworkBodySchema>;

export const updatePeriodeSettingsBodySchema = z.strictObject({
  version: z.number().int().min(1),
  settings: periodeConfigSchema,
  reason: reasonSchema.optional(),
});
export type UpdatePeriodeSettingsBody = z.infer<typeof updatePeriodeSettingsBodySchema>;

export const periodeTransitionBodySchema = z.strictObject({
  version: z.number().int().min(1),
  to: periodeStatusSchema,
  reason: reasonSchema.optional(),
});
export type PeriodeTransitionBody = z.infer<typeof periodeTransitionBodySchema>;

export const validateFrameworkBodySchema = z.strictObject({ framework: z.unknown() });
export const frameworkIssuesSchema = z.object({ issues: z.array(frameworkIssueSchema) });

/** The file "Ekspor JSON" writes and "Impor JSON" reads: how another city starts from this one's. */
export const FRAMEWORK_EXPORT_FORMAT = 'sip-kerangka-penilaian';
export const frameworkExportSchema = z.object({
  format: z.literal(FRAMEWORK_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  sumber: z.object({ pemdaKode: z.string(), pemdaNama: z.string(), tahun: z.number().int() }),
  diekspor: z.string(),
  framework: z.unknown(),
});
export type FrameworkExport = z.infer<typeof frameworkExportSchema>;

/** The export file of a framework taken from a periode of `sumber`. */
export function toFrameworkExport(
  framework: unknown,
  sumber: { pemdaKode: string; pemdaNama: string; tahun: number },
  now: Date,
): FrameworkExport {
  return {
    format: FRAMEWORK_EXPORT_FORMAT,
    formatVersion: 1,
    sumber,
    diekspor: now.toISOString(),
    framework,
  };
}

/** Accepts what "Ekspor JSON" wrote (the envelope) or a bare framework; validation happens after. */
export function unwrapFrameworkImport(input: unknown): unknown {
  if (
    input &&
    typeof input === 'object' &&
    (input as { format?: unknown }).format === FRAMEWORK_EXPORT_FORMAT
  ) {
    return (input as { framework?: unknown }).framework;
  }
  return input;
}

/**
 * A year the signed-in person may open (GET /api/periode/tahun): aktif, ditutup and diumumkan for
 * everyone with a role in the pemda, drafts only for the admin.
 */
export const periodeTahunSchema = z.object({
  id: z.string(),
  tahun: z.number().int(),
  status: periodeStatusSchema,
  /** The person's open work in that year (reports to fill or submit, reports waiting for his review, …). */
  tugas: z.number().int().min(0),
});
export type PeriodeTahun = z.infer<typeof periodeTahunSchema>;

export const periodeTahunListSchema = z.object({
  /** Newest first. */
  items: z.array(periodeTahunSchema),
  /** The year pages open on: the latest with open work, else the latest aktif, else the latest; null without any. */
  bawaan: z.number().int().nullable(),
});
export type PeriodeTahunList = z.infer<typeof periodeTahunListSchema>;

/**
 * Mode latihan: the API sets this cookie (session-long, httpOnly, path `/api`) while a person
 * practises; every request that carries it reads and writes the pemda's practice periode instead of
 * the real years. Logout clears it.
 */
export const LATIHAN_COOKIE = 'sip_latihan';

export const latihanModeBodySchema = z.strictObject({ aktif: z.boolean() });
export type LatihanModeBody = z.infer<typeof latihanModeBodySchema>;
export const latihanModeSchema = z.object({
  /** This session is in mode latihan (its requests carry the practice cookie). */
  modeLatihan: z.boolean(),
  /** The pemda has a practice periode: mode latihan can be switched on. */
  tersedia: z.boolean(),
});
export type LatihanMode = z.infer<typeof latihanModeSchema>;

/** Create the practice periode, or start it again from nothing, as a copy of a real periode. */
export const latihanBodySchema = z.strictObject({
  periodeId: z.uuid('Pilih periode yang disalin untuk latihan'),
});
export type LatihanBody = z.infer<typeof latihanBodySchema>;

export const latihanStateSchema = z.object({ periode: periodeSummarySchema.nullable() });
export type LatihanState = z.infer<typeof latihanStateSchema>;
