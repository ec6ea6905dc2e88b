import { z } from 'zod';
import { tanggalSchema } from './kepegawaian';

/** Kinerja pegawai (DESIGN.md): the daily log, the weekly approval and the monthly verification. */

export const aktivitasStatus = ['diajukan', 'disetujui', 'ditolak'] as const;
export type AktivitasStatus = (typeof aktivitasStatus)[number];

/** A clock time `HH:MM` (24 hours) in the pemda's zone; `24:00` ends a day. */
export const jamSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Jam harus berformat JJ:MM, misalnya 07:30');

export const jamKeMenit = (jam: string): number => {
  const [h, m] = jam.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
export const menitKeJam = (menit: number): string =>
  `${String(Math.floor(menit / 60)).padStart(2, '0')}:${String(menit % 60).padStart(2, '0')}`;

export const aktivitasSchema = z.object({
  id: z.string(),
  tanggal: z.string(),
  pegawaiId: z.string(),
  kegiatanId: z.string().nullable(),
  uraian: z.string(),
  mulai: z.string(),
  selesai: z.string(),
  menit: z.number().int(),
  volume: z.number().int(),
  satuan: z.string(),
  lembur: z.boolean(),
  catatan: z.string(),
  bukti: z.object({ nama: z.string(), mime: z.string(), ukuran: z.number().int() }).nullable(),
  status: z.enum(aktivitasStatus),
  menitDisetujui: z.number().int().nullable(),
  alasanAtasan: z.string().nullable(),
  eskalasi: z.boolean(),
  sampel: z.boolean(),
  menitDiakui: z.number().int().nullable(),
  alasanVerifikasi: z.string().nullable(),
  /** The month is closed, or the entry was decided: the pegawai can no longer change it. */
  terkunci: z.boolean(),
  version: z.number().int(),
});
export type Aktivitas = z.infer<typeof aktivitasSchema>;

const aktivitasFields = z.strictObject({
  id: z.string().uuid('Id aktivitas tidak valid'),
  tanggal: tanggalSchema,
  mulai: jamSchema,
  selesai: jamSchema,
  kegiatanId: z.string().uuid('Kegiatan tidak dikenal').nullable().default(null),
  uraian: z.string().trim().min(3, 'Uraian minimal 3 karakter').max(500, 'Uraian maksimal 500 karakter'),
  volume: z.number().int().min(1, 'Jumlah hasil minimal 1').max(10_000, 'Jumlah hasil maksimal 10.000'),
  satuan: z.string().trim().min(1, 'Satuan hasil wajib diisi').max(40, 'Satuan maksimal 40 karakter'),
  lembur: z.boolean().default(false),
  catatan: z.string().trim().max(1000, 'Catatan maksimal 1.000 karakter').default(''),
});
const selesaiSesudahMulai = {
  check: (v: { mulai: string; selesai: string }) => jamKeMenit(v.selesai) > jamKeMenit(v.mulai),
  params: { message: 'Jam selesai harus sesudah jam mulai', path: ['selesai'] },
};

/** What the pegawai sends; `id` is made on the device, so a draft sent twice is stored once. */
export const aktivitasInputSchema = aktivitasFields.refine(
  selesaiSesudahMulai.check,
  selesaiSesudahMulai.params,
);
export type AktivitasInput = z.infer<typeof aktivitasInputSchema>;
export const aktivitasUpdateSchema = aktivitasFields
  .extend({ version: z.number().int() })
  .refine(selesaiSesudahMulai.check, selesaiSesudahMulai.params);

export const kegiatanPilihanSchema = z.object({
  id: z.string(),
  nama: z.string(),
  menitStandar: z.number().int(),
  satuan: z.string(),
  templat: z.boolean(),
});

/** Why a day cannot take entries (none: it can). */
export const hariTertutupSchema = z.enum(['masa_depan', 'bulan_ditutup', 'cuti', 'lewat_batas']);
export type HariTertutup = z.infer<typeof hariTertutupSchema>;

export const hariSayaSchema = z.object({
  tanggal: z.string(),
  pegawai: z.object({ id: z.string(), nama: z.string(), nip: z.string() }),
  jabatan: z
    .object({ id: z.string(), nama: z.string(), unitKerja: z.string(), jenis: z.string() })
    .nullable(),
  jamKerja: z.object({ mulai: z.string(), selesai: z.string() }),
  /** Null when entries may be added; otherwise why not, and the calendar's label (holiday name, leave kind). */
  tertutup: hariTertutupSchema.nullable(),
  keterangan: z.string().nullable(),
  /** A working day by the pemda's calendar (otherwise only overtime, lembur, is logged). */
  hariKerja: z.boolean(),
  /** The last moment entries for this day are accepted (grace period), or the exception's end. */
  batasIsi: z.string().nullable(),
  items: z.array(aktivitasSchema),
  kegiatan: z.array(kegiatanPilihanSchema),
  totalMenit: z.number().int(),
});
export type HariSaya = z.infer<typeof hariSayaSchema>;

export const salinSchema = z.strictObject({ dari: tanggalSchema, ke: tanggalSchema });
export const salinResultSchema = z.object({ dibuat: z.number().int(), dilewati: z.number().int() });

/** One day's line of a week or month. */
export const ringkasanHariSchema = z.object({
  tanggal: z.string(),
  hariKerja: z.boolean(),
  keterangan: z.string().nullable(),
  jumlah: z.number().int(),
  menit: z.number().int(),
  menitDisetujui: z.number().int(),
  menitDiakui: z.number().int(),
  diajukan: z.number().int(),
  disetujui: z.number().int(),
  ditolak: z.number().int(),
});
export type RingkasanHari = z.infer<typeof ringkasanHariSchema>;

export const mingguSayaSchema = z.object({
  senin: z.string(),
  minggu: z.string(),
  hari: z.array(ringkasanHariSchema),
  items: z.array(aktivitasSchema),
  /** When the atasan must have decided; after it the week escalates to his atasan. */
  batasPersetujuan: z.string(),
  atasan: z.object({ pegawaiId: z.string(), nama: z.string(), jenis: z.string() }).nullable(),
});
export type MingguSaya = z.infer<typeof mingguSayaSchema>;

export const perilakuSchema = z.object({
  ratings: z.record(z.string(), z.number().int().min(1).max(5)),
  catatan: z.string(),
  dinilaiOleh: z.string(),
  dinilaiAt: z.string(),
  version: z.number().int(),
});

export const nilaiBulananSchema = z.object({
  hariKerjaEfektif: z.number().int(),
  menitEfektifPerHari: z.number().int(),
  targetMenit: z.number().int(),
  menitDiakui: z.number().int(),
  produktivitas: z.number(),
  perilaku: z.number().nullable(),
  nilaiKinerja: z.number().nullable(),
  bobot: z.object({ produktivitas: z.number(), perilaku: z.number() }),
  formula: z.string(),
});
export type NilaiBulanan = z.infer<typeof nilaiBulananSchema>;

export const bulanSayaSchema = z.object({
  tahun: z.number().int(),
  bulan: z.number().int(),
  hari: z.array(ringkasanHariSchema),
  hariKerjaEfektif: z.number().int(),
  hariCuti: z.number().int(),
  /** The kinerja settings of the year (packages/scoring `kinerjaSettingsSchema`). */
  settings: z.unknown(),
  perilaku: perilakuSchema.nullable(),
  /** The stored score once the month is closed; before that the browser computes it live. */
  nilai: nilaiBulananSchema.nullable(),
  ditutup: z.boolean(),
});
export type BulanSaya = z.infer<typeof bulanSayaSchema>;

// ---- weekly approval (atasan) ----

export const anggotaTimSchema = z.object({
  pegawaiId: z.string(),
  nama: z.string(),
  nip: z.string(),
  jabatan: z.string(),
  /** Held as Plt or Plh by the person approving (he approves for that position). */
  melaluiJabatan: z.string(),
  /** The week reached this person because its atasan did not act in time. */
  eskalasi: z.boolean(),
  hariKosong: z.array(z.string()),
  menit: z.number().int(),
  diajukan: z.number().int(),
  disetujui: z.number().int(),
  ditolak: z.number().int(),
  menitDiajukan: z.number().int(),
  batasPersetujuan: z.string(),
  lewatBatas: z.boolean(),
});
export type AnggotaTim = z.infer<typeof anggotaTimSchema>;
export const timSchema = z.object({
  senin: z.string(),
  minggu: z.string(),
  anggota: z.array(anggotaTimSchema),
});
export type Tim = z.infer<typeof timSchema>;

export const mingguAnggotaSchema = z.object({
  senin: z.string(),
  minggu: z.string(),
  pegawai: z.object({ id: z.string(), nama: z.string(), nip: z.string(), jabatan: z.string() }),
  eskalasi: z.boolean(),
  batasPersetujuan: z.string(),
  items: z.array(aktivitasSchema),
  perilaku: perilakuSchema.nullable(),
});
export type MingguAnggota = z.infer<typeof mingguAnggotaSchema>;

export const setujuiMingguSchema = z.strictObject({
  /** The entries the atasan saw, with their versions: a changed one refuses the whole action. */
  items: z
    .array(z.strictObject({ id: z.string().uuid(), version: z.number().int() }))
    .min(1, 'Tidak ada aktivitas untuk disetujui')
    .max(5000),
});
export const setujuiMingguResultSchema = z.object({ disetujui: z.number().int() });

export const keputusanAtasanSchema = z
  .strictObject({
    id: z.string().uuid(),
    version: z.number().int(),
    keputusan: z.enum(['setujui', 'kurangi', 'tolak']),
    menit: z.number().int().min(1).max(1440).optional(),
    alasan: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.keputusan !== 'kurangi' || v.menit !== undefined, {
    message: 'Isi menit yang disetujui',
    path: ['menit'],
  })
  .refine((v) => v.keputusan === 'setujui' || (v.alasan?.length ?? 0) >= 5, {
    message: 'Tuliskan alasan (minimal 5 karakter)',
    path: ['alasan'],
  });
export type KeputusanAtasan = z.infer<typeof keputusanAtasanSchema>;

export const perilakuInputSchema = z.strictObject({
  ratings: z.record(z.string(), z.number().int().min(1, 'Nilai 1–5').max(5, 'Nilai 1–5')),
  catatan: z.string().trim().max(1000).default(''),
  version: z.number().int().nullable(),
});

export const pengecualianInputSchema = z.strictObject({
  pegawaiId: z.string().uuid(),
  tanggal: tanggalSchema,
  alasan: z.string().trim().min(5, 'Tuliskan alasan (minimal 5 karakter)').max(500),
});

// ---- monthly verification (verifikator kinerja) ----

export const verifikasiStatus = ['belum', 'berjalan', 'ditutup'] as const;
export const antreanVerifikasiSchema = z.object({
  tahun: z.number().int(),
  bulan: z.number().int(),
  items: z.array(
    z.object({
      unitKerjaId: z.string(),
      nama: z.string(),
      pegawai: z.number().int(),
      aktivitas: z.number().int(),
      disetujui: z.number().int(),
      belumDiputus: z.number().int(),
      diverifikasi: z.number().int(),
      status: z.enum(verifikasiStatus),
      cara: z.enum(['semua', 'sampel']).nullable(),
      version: z.number().int().nullable(),
    }),
  ),
});
export type AntreanVerifikasi = z.infer<typeof antreanVerifikasiSchema>;

export const mulaiVerifikasiSchema = z
  .strictObject({
    cara: z.enum(['semua', 'sampel']),
    ukuranSampel: z.number().int().min(1, 'Ukuran sampel minimal 1').max(5000).optional(),
  })
  .refine((v) => v.cara === 'semua' || v.ukuranSampel !== undefined, {
    message: 'Isi ukuran sampel',
    path: ['ukuranSampel'],
  });

export const verifikasiUnitSchema = z.object({
  unitKerjaId: z.string(),
  nama: z.string(),
  tahun: z.number().int(),
  bulan: z.number().int(),
  status: z.enum(verifikasiStatus),
  cara: z.enum(['semua', 'sampel']).nullable(),
  ukuranSampel: z.number().int().nullable(),
  version: z.number().int().nullable(),
  belumDiputus: z.number().int(),
  items: z.array(aktivitasSchema.extend({ pegawaiNama: z.string(), pegawaiNip: z.string() })),
  nilai: z.array(
    z.object({ pegawaiId: z.string(), nama: z.string(), nip: z.string(), nilai: nilaiBulananSchema }),
  ),
});
export type VerifikasiUnit = z.infer<typeof verifikasiUnitSchema>;

export const keputusanVerifikasiSchema = z
  .strictObject({
    id: z.string().uuid(),
    version: z.number().int(),
    keputusan: z.enum(['konfirmasi', 'koreksi']),
    menit: z.number().int().min(0).max(1440).optional(),
    alasan: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.keputusan === 'konfirmasi' || v.menit !== undefined, {
    message: 'Isi menit yang diakui',
    path: ['menit'],
  })
  .refine((v) => v.keputusan === 'konfirmasi' || (v.alasan?.length ?? 0) >= 5, {
    message: 'Tuliskan alasan koreksi (minimal 5 karakter)',
    path: ['alasan'],
  });

export const tutupBulanSchema = z.strictObject({ version: z.number().int() });
export const bukaBulanSchema = z.strictObject({
  alasan: z.string().trim().min(10, 'Tuliskan alasan membuka kembali (minimal 10 karakter)').max(1000),
});
export const tutupBulanResultSchema = z.object({ pegawai: z.number().int(), aktivitas: z.number().int() });
