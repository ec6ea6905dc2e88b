import { z } from 'zod';

/**
 * Background jobs (docs/decisions/009-background-jobs.md): exports, imports, reminders, month close,
 * recomputed rapor and backups, as the person who started them and the admin see them.
 */
export const jobStates = ['created', 'active', 'retry', 'completed', 'failed'] as const;
export const jobStateSchema = z.enum(jobStates);
export type JobState = z.infer<typeof jobStateSchema>;

/** Every job the API runs (the web app words each name in the UI language). */
export const jobNames = [
  'audit.export',
  'skm.export',
  'rapor.export',
  'rapor.recompute',
  'users.import',
  'notifications.reminders',
  'laporan.month-close',
  'backup.scheduled',
  'jobs.cleanup',
] as const;
export type JobName = (typeof jobNames)[number];

/** The file a job made (an export, the temporary passwords of an import), kept for a few days. */
export const jobFileSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  bytes: z.number().int().min(0),
});
export type JobFile = z.infer<typeof jobFileSchema>;

export const jobSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: jobStateSchema,
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /** What it is doing now, a few words in Bahasa Indonesia. */
  label: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** Why the last run failed (a message a person can act on). */
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Who started it; null for scheduled work. */
  createdBy: z.object({ username: z.string(), namaLengkap: z.string() }).nullable(),
  /** The viewer started it: only he may download its file. */
  mine: z.boolean(),
  file: jobFileSchema.nullable(),
  /** What it did, by name (e.g. `{ rows: 1200 }`, `{ pengingat: 40 }`); the web app words the names. */
  counts: z.record(z.string(), z.number()).nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListQuerySchema = z.object({
  /** Only waiting and running jobs. */
  aktif: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobListQuery = z.input<typeof jobListQuerySchema>;

export const jobListSchema = z.object({ items: z.array(jobSchema) });
export type JobList = z.infer<typeof jobListSchema>;

export const jobParamsSchema = z.strictObject({ id: z.uuid('Pekerjaan tidak ditemukan') });

/** The answer of an endpoint that started a job (202): the job to follow. */
export const jobStartedSchema = z.object({ job: jobSchema });
export type JobStarted = z.infer<typeof jobStartedSchema>;

/** A job is still waiting or running. */
export const jobIsOpen = (state: JobState) => state === 'created' || state === 'active' || state === 'retry';
