import { entrySchema, frameworkSchema, type PreviewInput, timelinessCountsSchema } from '@sip/scoring';
import { z } from 'zod';
import { wilayahKodeSchema } from './wilayah';

/**
 * States of a laporan (DESIGN.md, "Yearly cycle"); the transitions are documented in
 * apps/api/src/modules/laporan/laporan.state.ts and docs/laporan.md.
 */
export const laporanStatuses = [
  'draf',
  'diajukan',
  'dikaji_camat',
  'diverifikasi',
  'dikembalikan',
  'dibuka_kembali',
] as const;
export const laporanStatusSchema = z.enum(laporanStatuses);
export type LaporanStatus = z.infer<typeof laporanStatusSchema>;

export const laporanKindSchema = z.enum(['bulanan', 'tahunan']);
export type LaporanKind = z.infer<typeof laporanKindSchema>;
/**
 * The framework's frequency of the indicators a report of this kind asks for (the scoring framework
 * keeps its own stored vocabulary: docs/conventions.md).
 */
export const frequencyOfKind = { bulanan: 'monthly', tahunan: 'annual' } as const satisfies Record<
  LaporanKind,
  'monthly' | 'annual'
>;

export const entryDecisionSchema = z.enum(['diterima', 'dikoreksi', 'ditolak']);
export type EntryDecision = z.infer<typeof entryDecisionSchema>;

const version = z.number().int().min(0);
const reason = (what: string) =>
  z.string().trim().min(3, `Isi ${what} (minimal 3 karakter)`).max(1000, `${what} maksimal 1000 karakter`);

export const openLaporanBodySchema = z
  .strictObject({
    periodeId: z.uuid().optional(),
    wilayahKode: wilayahKodeSchema,
    kind: laporanKindSchema,
    bulan: z.number().int().min(1).max(12).nullable(),
  })
  .refine((b) => (b.kind === 'bulanan') === (b.bulan !== null), {
    message: 'Laporan bulanan memerlukan bulan 1–12; laporan tahunan tanpa bulan',
    path: ['bulan'],
  });
export type OpenLaporanBody = z.infer<typeof openLaporanBodySchema>;

export const entryInputSchema = z.strictObject({
  indikatorCode: z.string().min(1).max(40),
  value: z.number().finite('Nilai harus berupa angka').nullable(),
  tidakBerlaku: z.boolean().default(false),
  tidakBerlakuReason: z.string().trim().max(1000).default(''),
  note: z.string().trim().max(2000, 'Catatan maksimal 2000 karakter').default(''),
  /** The version the writer read; 0 for an entry not saved before. */
  version,
});
export type EntryInput = z.input<typeof entryInputSchema>;

export const saveEntriesBodySchema = z.strictObject({
  entries: z.array(entryInputSchema).min(1).max(200),
});
export type SaveEntriesBody = z.input<typeof saveEntriesBodySchema>;

export const versionBodySchema = z.strictObject({ version });
/** Endorse (camat) and approve (verifikator): an optional comment, kept as the audit row's reason. */
export const endorseBodySchema = z.strictObject({
  version,
  comment: z.string().trim().max(1000, 'Komentar maksimal 1000 karakter').default(''),
});
export const approveBodySchema = endorseBodySchema;
export const returnBodySchema = z.strictObject({
  version,
  reason: reason('alasan pengembalian'),
  comments: z
    .array(
      z.strictObject({
        indikatorCode: z.string().min(1).max(40),
        comment: z.string().trim().min(1).max(1000),
      }),
    )
    .max(200)
    .default([]),
});
export type ReturnBody = z.input<typeof returnBodySchema>;

export const decisionBodySchema = z
  .strictObject({
    version,
    decision: entryDecisionSchema,
    correctedValue: z.number().finite().nullable().optional(),
    reason: z.string().trim().max(1000).default(''),
  })
  .superRefine((b, ctx) => {
    if (b.decision !== 'diterima' && b.reason.length < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message:
          b.decision === 'dikoreksi'
            ? 'Isi alasan koreksi (minimal 3 karakter)'
            : 'Isi alasan penolakan (minimal 3 karakter)',
      });
    }
    if (b.decision === 'dikoreksi' && (b.correctedValue === null || b.correctedValue === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['correctedValue'], message: 'Isi nilai koreksi' });
    }
  });
export type DecisionBody = z.input<typeof decisionBodySchema>;

/** Accept every undecided entry at once: the entries the verifikator saw undecided, with their versions. */
export const acceptUndecidedBodySchema = z.strictObject({
  entries: z
    .array(z.strictObject({ indikatorCode: z.string().min(1).max(40), version }))
    .min(1, 'Tidak ada isian yang belum diputuskan')
    .max(200),
});
export type AcceptUndecidedBody = z.input<typeof acceptUndecidedBodySchema>;

/** The discussion of an indicator of a report (the unit and its reviewers). */
export const komentarPeranSchema = z.enum(['unit', 'camat', 'verifikator', 'admin']);
export const komentarSchema = z.object({
  id: z.string(),
  indikatorCode: z.string(),
  peran: komentarPeranSchema,
  authorNama: z.string().nullable(),
  isi: z.string(),
  createdAt: z.string(),
});
export type Komentar = z.infer<typeof komentarSchema>;
export const komentarListSchema = z.object({
  items: z.array(komentarSchema),
  /** Whether the person asking may write in the discussion. */
  canComment: z.boolean(),
});
export type KomentarList = z.infer<typeof komentarListSchema>;
export const komentarBodySchema = z.strictObject({
  isi: z.string().trim().min(1, 'Tulis komentar').max(2000, 'Komentar maksimal 2000 karakter'),
});
export type KomentarBody = z.input<typeof komentarBodySchema>;

export const reopenBodySchema = z.strictObject({ version, reason: reason('alasan pembukaan kembali') });
export const exceptionBodySchema = z.strictObject({
  version,
  until: z.iso.datetime({ offset: true, message: 'Isi batas waktu izin (tanggal dan jam)' }),
  reason: reason('alasan izin'),
});
export type ExceptionBody = z.input<typeof exceptionBodySchema>;

export const evidenceSchema = z.object({
  id: z.string(),
  indikatorCode: z.string(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const laporanEntrySchema = z.object({
  indikatorCode: z.string(),
  value: z.number().nullable(),
  tidakBerlaku: z.boolean(),
  tidakBerlakuReason: z.string(),
  note: z.string(),
  decision: entryDecisionSchema.nullable(),
  correctedValue: z.number().nullable(),
  decisionReason: z.string().nullable(),
  /** A reviewer's comment when the report was returned (camat or verifikator). */
  reviewComment: z.string().nullable(),
  reviewCommentBy: z.string().nullable(),
  version,
  updatedAt: z.string().nullable(),
});
export type LaporanEntry = z.infer<typeof laporanEntrySchema>;

export const laporanPermissionsSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  endorse: z.boolean(),
  verify: z.boolean(),
  /** Return to the unit for changes: only while the periode is active (the unit can act on it). */
  kembalikan: z.boolean(),
  reopen: z.boolean(),
  grantException: z.boolean(),
});
export type LaporanPermissions = z.infer<typeof laporanPermissionsSchema>;

/** Why a report's form cannot be edited (docs/laporan.md, "States" and "Deadlines"). */
export const laporanLockCodes = [
  'periode_draf',
  'periode_ditutup',
  'diverifikasi',
  'menunggu_camat',
  'menunggu_verifikator',
  'belum_dibuka',
  'hanya_baca',
  'batas_lewat',
] as const;
export const laporanLockSchema = z.object({
  code: z.enum(laporanLockCodes),
  tahun: z.number().int(),
  /** belum_dibuka: when filling opens; batas_lewat: when it closed. */
  at: z.string().nullable(),
});
export type LaporanLock = z.infer<typeof laporanLockSchema>;

export const laporanSummarySchema = z.object({
  id: z.string(),
  periodeId: z.string(),
  tahun: z.number().int(),
  wilayahKode: z.string(),
  wilayahNama: z.string(),
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  level: z.enum(['kecamatan', 'kelurahan']),
  kind: laporanKindSchema,
  bulan: z.number().int().nullable(),
  status: laporanStatusSchema,
  /** Who acts next: the unit, its camat, a verifikator, or nobody (locked). */
  waitingFor: z.enum(['unit', 'camat', 'verifikator', 'none']),
  dueAt: z.string(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  version,
});
export type LaporanSummary = z.infer<typeof laporanSummarySchema>;

/** Who signed a report off, for its printed form (name and NIP as on record). */
export const penandatanganSchema = z.object({
  peran: z.enum(['pelapor', 'camat', 'verifikator']),
  /** "Lurah Dago", "Camat Coblong", "Verifikator". */
  jabatan: z.string(),
  nama: z.string(),
  nip: z.string().nullable(),
  at: z.string(),
});
export type Penandatangan = z.infer<typeof penandatanganSchema>;

export const laporanDetailSchema = laporanSummarySchema.extend({
  /** The pemda's name, for the letterhead of the printed report. */
  pemdaNama: z.string(),
  /** Submitted, endorsed, verified: by whom and when, in that order. */
  penandatangan: z.array(penandatanganSchema),
  periodeStatus: z.string(),
  endorsementRequired: z.boolean(),
  firstSubmittedAt: z.string().nullable(),
  endorsedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  reopenReason: z.string().nullable(),
  exception: z.object({ until: z.string(), reason: z.string(), by: z.string().nullable() }).nullable(),
  /** Null when the form may be edited; otherwise why not (in Bahasa Indonesia). */
  lockReason: z.string().nullable(),
  /** The same as data, for the web app to word it in the UI language. */
  lock: laporanLockSchema.nullable(),
  /** A notice that does not lock the form ("batas waktu lewat: akan ditandai terlambat"). */
  warning: z.string().nullable(),
  /** When `warning` is set: the due date that has passed. */
  lateDueAt: z.string().nullable(),
  permissions: laporanPermissionsSchema,
  /** Codes of the indicators this report asks for, in form order. */
  indikatorCodes: z.array(z.string()),
  /**
   * For the reviewer the report waits for, after he returned it: when he did, and the indicators
   * whose value, tidak berlaku, note or evidence changed since. Null for anyone else.
   */
  sinceReturn: z.object({ returnedAt: z.string(), changed: z.array(z.string()) }).nullable(),
  /** The largest evidence file the server accepts (MAX_UPLOAD_BYTES): the form refuses bigger ones before sending. */
  buktiMaxBytes: z.number().int(),
  /** The periode's framework. */
  framework: frameworkSchema,
  entries: z.array(laporanEntrySchema),
  evidence: z.array(evidenceSchema),
  /**
   * Everything the live preview (previewRapor of @sip/scoring) needs besides the values typed: the
   * unit's other entries of the periode and the rapor context the server uses.
   */
  preview: z.object({
    otherEntries: z.array(entrySchema),
    /** The report's month (monthly report) or null (annual report). */
    month: z.number().int().nullable(),
    /** While the report is reviewed and once verified, the reviewer's decisions count. */
    decisionsApply: z.boolean(),
    monthsDue: z.number().int(),
    /** Whether the annual report is due: before, annual indicators without a value are left out. */
    annualDue: z.boolean(),
    timeliness: timelinessCountsSchema.nullable(),
    /** The unit's IKM of the year (converted, rounded); null without respondents. */
    ikm: z.number().nullable(),
    /** A kecamatan: the running totals of its kelurahan. */
    kelurahanTotals: z.array(z.number()).nullable(),
  }),
});
export type LaporanDetail = z.infer<typeof laporanDetailSchema>;

/**
 * The input of previewRapor (@sip/scoring) for a report as its detail describes it, with the form's
 * entries as they stand: the same on the server (GET /api/laporan/:id/preview) and in the browser.
 */
export function previewInputOf(
  detail: Pick<LaporanDetail, 'level' | 'preview'>,
  entries: PreviewInput['entries'],
): Omit<PreviewInput, 'scorer'> {
  const p = detail.preview;
  return {
    level: detail.level,
    month: p.month,
    decisionsApply: p.decisionsApply,
    entries,
    otherEntries: p.otherEntries,
    context: {
      monthsDue: p.monthsDue,
      annualDue: p.annualDue,
      timeliness: p.timeliness,
      ikm: p.ikm,
      ...(p.kelurahanTotals ? { kelurahanTotals: p.kelurahanTotals } : {}),
    },
  };
}

export const saveEntriesResponseSchema = z.object({
  entries: z.array(laporanEntrySchema),
  savedAt: z.string(),
});
export type SaveEntriesResponse = z.infer<typeof saveEntriesResponseSchema>;

export const unitLaporanOverviewSchema = z.object({
  periode: z.object({ id: z.string(), tahun: z.number().int(), status: z.string() }).nullable(),
  unit: z.object({ kode: z.string(), nama: z.string(), level: z.enum(['kecamatan', 'kelurahan']) }),
  canCreate: z.boolean(),
  reports: z.array(
    z.object({
      kind: laporanKindSchema,
      bulan: z.number().int().nullable(),
      id: z.string().nullable(),
      status: laporanStatusSchema.nullable(),
      dueAt: z.string(),
      submittedAt: z.string().nullable(),
      late: z.boolean(),
      /** The month has started (a report for a future month cannot be opened yet). */
      open: z.boolean(),
    }),
  ),
});
export type UnitLaporanOverview = z.infer<typeof unitLaporanOverviewSchema>;

export const unitOverviewQuerySchema = z.object({ periodeId: z.uuid().optional() });

export const queueQuerySchema = z.object({
  /** Default: the reports waiting for the person asking. */
  status: z.union([laporanStatusSchema, z.literal('menunggu')]).default('menunggu'),
  kecamatan: wilayahKodeSchema.optional(),
  bulan: z.coerce.number().int().min(0).max(12).optional(),
  late: z.enum(['true', 'false']).optional(),
  periodeId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type QueueQuery = z.input<typeof queueQuerySchema>;

export const queuePageSchema = z.object({
  items: z.array(laporanSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export const queueCountsSchema = z.object({
  periode: z.object({ id: z.string(), tahun: z.number().int() }).nullable(),
  /** Reports waiting for the person asking. */
  menunggu: z.number().int(),
  byStatus: z.record(laporanStatusSchema, z.number().int()),
  late: z.number().int(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const timelineItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorNama: z.string().nullable(),
  /** The audit action; with `before` and `after` the web app writes its line in the UI language. */
  action: z.string(),
  reason: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export const timelineSchema = z.object({ items: z.array(timelineItemSchema) });

export const previewResponseSchema = z.object({
  total: z.number().nullable(),
  predikat: z.string().nullable(),
  bidang: z.array(
    z.object({
      code: z.string(),
      score: z.number().nullable(),
      indikator: z.array(z.object({ code: z.string(), score: z.number().nullable() })),
    }),
  ),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

export const notificationKinds = [
  'dikembalikan',
  'disahkan',
  'diverifikasi',
  'jatuh_tempo',
  'terlambat',
  /** A report waits for the person's review (camat: endorsement; verifikator: verification). */
  'menunggu_kajian',
  /** Kinerja pegawai: the atasan decided entries of the person's week. */
  'aktivitas_diputus',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
/**
 * What a notification is about, so the web app words it in the UI language (`message` is the same
 * in Bahasa Indonesia, for API readers and for notifications stored before this existed).
 */
export const notificationParamsSchema = z.object({
  /** Absent on notifications about the daily log (`aktivitas`). */
  laporan: z.optional(
    z.object({
      kind: laporanKindSchema,
      bulan: z.number().int().nullable(),
      tahun: z.number().int(),
      /** The unit's name. */
      unit: z.string(),
    }),
  ),
  /** aktivitas_diputus: the week (its Monday) and how its entries were decided. */
  aktivitas: z
    .object({
      senin: z.string(),
      disetujui: z.number().int(),
      dikurangi: z.number().int(),
      ditolak: z.number().int(),
    })
    .optional(),
  /** jatuh_tempo and terlambat: the due date. */
  dueAt: z.string().optional(),
  /** dikembalikan: who returned it, and why. */
  by: z.enum(['camat', 'verifikator']).optional(),
  reason: z.string().optional(),
  /** menunggu_kajian: whose review it waits for. */
  reviewer: z.enum(['camat', 'verifikator']).optional(),
  /** A report of the practice periode (mode latihan). */
  latihan: z.boolean().optional(),
});
export type NotificationParams = z.infer<typeof notificationParamsSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  laporanId: z.string().nullable(),
  message: z.string(),
  params: notificationParamsSchema.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
export const unreadCountSchema = z.object({ unread: z.number().int() });

/** "Januari" … "Desember". */
export const namaBulan = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
