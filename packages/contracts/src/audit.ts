import { z } from 'zod';

/** Every action the audit log records (rows keep the name they were written with). */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.login_refused',
  'auth.logout',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset_by_email',
  'auth.email_changed',
  'auth.refresh_reuse',
  'auth.session_idle',
  'auth.totp_enrolled',
  'auth.totp_disabled',
  'auth.totp_failed',
  'auth.totp_recovery_used',
  'laporan.created',
  'laporan.entries_saved',
  'laporan.submitted',
  'laporan.endorsed',
  'laporan.returned',
  'laporan.entry_decided',
  'laporan.approved',
  'laporan.reopened',
  'laporan.exception_granted',
  'laporan.commented',
  'evidence.uploaded',
  'evidence.deleted',
  'evidence.downloaded',
  'evidence.viewed',
  'export.downloaded',
  'pemda.bantuan_updated',
  'pemda.zona_updated',
  'periode.created',
  'periode.framework_updated',
  'periode.settings_updated',
  'periode.status_changed',
  'periode.latihan_reset',
  'rapor.published',
  'rapor.revised',
  'rapor.keberatan_filed',
  'rapor.keberatan_decided',
  'skm.response_voided',
  'skm.response_released',
  'skm.paper_entered',
  'skm.kode_layanan_created',
  'skm.settings_updated',
  'skm.saran_moderated',
  'unit.profile_updated',
  'user.created',
  'user.imported',
  'user.updated',
  'user.roles_changed',
  'user.enabled',
  'user.disabled',
  'user.password_reset',
  'user.unlocked',
  'kepegawaian.unit_kerja_saved',
  'kepegawaian.jabatan_saved',
  'kepegawaian.kegiatan_saved',
  'kepegawaian.pegawai_created',
  'kepegawaian.pegawai_updated',
  'kepegawaian.penugasan_saved',
  'kepegawaian.libur_saved',
  'kepegawaian.cuti_saved',
  'kepegawaian.pengaturan_updated',
  'kepegawaian.imported',
  'aktivitas.diputus',
  'aktivitas.minggu_disetujui',
  'aktivitas.pengecualian',
  'kinerja.perilaku_dinilai',
  'kinerja.verifikasi_dimulai',
  'kinerja.diverifikasi',
  'kinerja.bulan_ditutup',
  'kinerja.bulan_dibuka',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(60).optional(),
  entity: z.string().max(60).optional(),
  actor: z.string().max(50).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The same filters as the viewer, for the whole selection as a file. */
export const auditExportQuerySchema = auditQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;
/** The same, as the body that starts an export job (POST /api/audit/export): nothing else accepted. */
export const auditExportBodySchema = z.strictObject(auditExportQuerySchema.shape);

/**
 * The fields that differ between before and after (top level), for reading a change at a glance:
 * the audit viewer and the audit export show the same list.
 */
export function changedFields(
  before: unknown,
  after: unknown,
): { field: string; before: unknown; after: unknown }[] {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    Boolean(v) && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(before) && !isObj(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: '', before, after }];
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: b[k], after: a[k] }));
}

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The values the audit viewer's filters offer (what occurs in this pemda's log). */
export const auditFacetsSchema = z.object({
  actions: z.array(z.string()),
  entities: z.array(z.string()),
  actors: z.array(z.string()),
});
export type AuditFacets = z.infer<typeof auditFacetsSchema>;
