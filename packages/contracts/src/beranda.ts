import { z } from 'zod';
import { laporanKindSchema, laporanStatusSchema } from './laporan';
import { periodeStatusSchema } from './periode';

/**
 * What the signed-in person should do next (GET /api/beranda/tugas), computed from the data: the
 * web app words each item (id/en) and links it to the page where the work is done.
 */
const periodeRef = { periodeId: z.string(), tahun: z.number().int() };

export const tugasSchema = z.discriminatedUnion('jenis', [
  /** A report of a unit the person reports for that is open and not yet submitted (or came back). */
  z.object({
    jenis: z.literal('laporan'),
    ...periodeRef,
    wilayahKode: z.string(),
    wilayahNama: z.string(),
    kind: laporanKindSchema,
    bulan: z.number().int().nullable(),
    /** Null: not started yet (no report was opened). */
    laporanId: z.string().nullable(),
    status: laporanStatusSchema.nullable(),
    dueAt: z.string(),
    /** Past its due date. */
    terlambat: z.boolean(),
    /** A returned report: who returned it (from the reviewers' comments), and how many comments. */
    dikembalikanOleh: z.enum(['camat', 'verifikator']).nullable(),
    catatan: z.number().int().min(0),
  }),
  /** Reports waiting for the person's endorsement (camat) or verification (verifikator). */
  z.object({
    jenis: z.enum(['pengesahan', 'verifikasi']),
    ...periodeRef,
    jumlah: z.number().int().min(1),
    /** Whole days in the pemda's zone since the oldest waiting report was submitted. */
    terlamaHari: z.number().int().min(0),
  }),
  /** Admin: units that have not submitted the report of the latest month already due. */
  z.object({
    jenis: z.literal('unit_terlambat'),
    ...periodeRef,
    bulan: z.number().int().min(1).max(12),
    jumlah: z.number().int().min(1),
  }),
  /** Admin: a past year whose results are not published yet. */
  z.object({ jenis: z.literal('periode_belum_diumumkan'), ...periodeRef, status: periodeStatusSchema }),
  /** Admin: accounts locked now after wrong passwords. */
  z.object({ jenis: z.literal('akun_terkunci'), jumlah: z.number().int().min(1) }),
  /** Admin: SKM responses held in quarantine (burst) waiting for a decision. */
  z.object({ jenis: z.literal('skm_karantina'), wilayahKode: z.string(), jumlah: z.number().int().min(1) }),
]);
export type Tugas = z.infer<typeof tugasSchema>;
export type TugasJenis = Tugas['jenis'];

export const berandaTugasSchema = z.object({
  items: z.array(tugasSchema),
  /** When the list was computed (the server's clock). */
  dihitungPada: z.string(),
});
export type BerandaTugas = z.infer<typeof berandaTugasSchema>;
