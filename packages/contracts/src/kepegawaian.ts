import { kinerjaSettingsSchema } from '@sip/scoring';
import { z } from 'zod';
import { nipSchema, usernameSchema } from './auth';

/** Kinerja pegawai (DESIGN.md): the organisation of a pemda — unit kerja, jabatan, pegawai and their spans. */

export const unitKerjaJenis = ['perangkat_daerah', 'kecamatan', 'kelurahan'] as const;
export const jabatanJenis = ['struktural', 'fungsional', 'pelaksana'] as const;
export const pegawaiStatus = ['PNS', 'CPNS', 'PPPK'] as const;
export const penugasanJenis = ['definitif', 'plt', 'plh'] as const;
export const liburJenis = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;
export const cutiJenis = [
  'tahunan',
  'sakit',
  'besar',
  'melahirkan',
  'alasan_penting',
  'di_luar_tanggungan',
] as const;

export const penugasanJenisLabel: Record<(typeof penugasanJenis)[number], string> = {
  definitif: 'Definitif',
  plt: 'Plt',
  plh: 'Plh',
};

/** A calendar date as ISO `YYYY-MM-DD` (the pemda's own calendar day). */
export const tanggalSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Tanggal tidak ada di kalender');

const namaSchema = z.string().trim().min(2, 'Nama minimal 2 karakter').max(200, 'Nama maksimal 200 karakter');
const kodeSchema = z
  .string()
  .trim()
  .min(1, 'Kode wajib diisi')
  .max(40, 'Kode maksimal 40 karakter')
  .regex(/^[A-Za-z0-9._-]+$/, 'Kode hanya huruf, angka, titik, garis bawah atau tanda hubung');

export const unitKerjaSchema = z.object({
  id: z.string(),
  kode: z.string(),
  nama: z.string(),
  jenis: z.enum(unitKerjaJenis),
  wilayahKode: z.string().nullable(),
  aktif: z.boolean(),
  jumlahJabatan: z.number().int(),
  jumlahPegawai: z.number().int(),
  version: z.number().int(),
});
export type UnitKerja = z.infer<typeof unitKerjaSchema>;
export const unitKerjaListSchema = z.object({ items: z.array(unitKerjaSchema) });

export const unitKerjaInputSchema = z.strictObject({
  kode: kodeSchema,
  nama: namaSchema,
  jenis: z.enum(unitKerjaJenis),
  wilayahKode: z.string().nullable().default(null),
  aktif: z.boolean().default(true),
});
export type UnitKerjaInput = z.infer<typeof unitKerjaInputSchema>;
export const unitKerjaUpdateSchema = unitKerjaInputSchema.extend({ version: z.number().int() });

/** Who holds a jabatan on the date asked about. */
export const pemegangSchema = z.object({
  pegawaiId: z.string(),
  nama: z.string(),
  nip: z.string(),
  jenis: z.enum(penugasanJenis),
  mulai: z.string(),
  selesai: z.string().nullable(),
});
export type Pemegang = z.infer<typeof pemegangSchema>;

export const jabatanSchema = z.object({
  id: z.string(),
  unitKerjaId: z.string(),
  kode: z.string(),
  nama: z.string(),
  jenis: z.enum(jabatanJenis),
  kelas: z.number().int(),
  atasanId: z.string().nullable(),
  kepalaUnit: z.boolean(),
  aktif: z.boolean(),
  pemegang: z.array(pemegangSchema),
  version: z.number().int(),
});
export type Jabatan = z.infer<typeof jabatanSchema>;
export const jabatanListSchema = z.object({ tanggal: z.string(), items: z.array(jabatanSchema) });

export const jabatanInputSchema = z.strictObject({
  unitKerjaId: z.string().uuid('Unit kerja tidak dikenal'),
  kode: kodeSchema,
  nama: namaSchema,
  jenis: z.enum(jabatanJenis),
  kelas: z.number().int().min(1, 'Kelas jabatan 1–17').max(17, 'Kelas jabatan 1–17'),
  atasanId: z.string().uuid('Jabatan atasan tidak dikenal').nullable().default(null),
  kepalaUnit: z.boolean().default(false),
  aktif: z.boolean().default(true),
});
export type JabatanInput = z.infer<typeof jabatanInputSchema>;
export const jabatanUpdateSchema = jabatanInputSchema.extend({ version: z.number().int() });

export const kegiatanSchema = z.object({
  id: z.string(),
  jabatanId: z.string(),
  nama: z.string(),
  menitStandar: z.number().int(),
  satuan: z.string(),
  templat: z.boolean(),
  urutan: z.number().int(),
  aktif: z.boolean(),
});
export type Kegiatan = z.infer<typeof kegiatanSchema>;
export const kegiatanListSchema = z.object({ items: z.array(kegiatanSchema) });
export const kegiatanInputSchema = z.strictObject({
  nama: namaSchema,
  menitStandar: z.number().int().min(1, 'Menit standar minimal 1').max(480, 'Menit standar maksimal 480'),
  satuan: z.string().trim().min(1, 'Satuan hasil wajib diisi').max(40, 'Satuan maksimal 40 karakter'),
  templat: z.boolean().default(false),
  urutan: z.number().int().min(0).max(999).default(0),
  aktif: z.boolean().default(true),
});
export type KegiatanInput = z.infer<typeof kegiatanInputSchema>;

export const penugasanSchema = z.object({
  id: z.string(),
  jabatanId: z.string(),
  jabatanNama: z.string(),
  unitKerjaNama: z.string(),
  jenis: z.enum(penugasanJenis),
  mulai: z.string(),
  selesai: z.string().nullable(),
});
export type Penugasan = z.infer<typeof penugasanSchema>;

export const pegawaiSchema = z.object({
  id: z.string(),
  nip: z.string(),
  nama: z.string(),
  status: z.enum(pegawaiStatus),
  aktif: z.boolean(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  /** The jabatan held today (definitif first), if any. */
  jabatan: penugasanSchema.nullable(),
  version: z.number().int(),
});
export type Pegawai = z.infer<typeof pegawaiSchema>;
export const pegawaiListSchema = z.object({
  items: z.array(pegawaiSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const pegawaiDetailSchema = pegawaiSchema.extend({ riwayat: z.array(penugasanSchema) });
export type PegawaiDetail = z.infer<typeof pegawaiDetailSchema>;

export const pegawaiListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  unitKerjaId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A new pegawai: with a new account (username; a temporary password comes back once), an existing one, or none yet. */
export const pegawaiCreateSchema = z.strictObject({
  nip: nipSchema,
  nama: namaSchema,
  status: z.enum(pegawaiStatus),
  akun: z.discriminatedUnion('cara', [
    z.strictObject({ cara: z.literal('baru'), username: usernameSchema }),
    z.strictObject({ cara: z.literal('tautkan'), username: usernameSchema }),
    z.strictObject({ cara: z.literal('tanpa') }),
  ]),
  penugasan: z
    .strictObject({
      jabatanId: z.string().uuid('Jabatan tidak dikenal'),
      jenis: z.enum(penugasanJenis),
      mulai: tanggalSchema,
    })
    .nullable()
    .default(null),
});
export type PegawaiCreate = z.infer<typeof pegawaiCreateSchema>;
export const pegawaiCreatedSchema = z.object({
  pegawai: pegawaiSchema,
  /** Only when a new account was made: shown once, to hand over. */
  passwordSementara: z.string().nullable(),
});

export const pegawaiUpdateSchema = z.strictObject({
  nama: namaSchema,
  status: z.enum(pegawaiStatus),
  aktif: z.boolean(),
  version: z.number().int(),
});

export const penugasanInputSchema = z
  .strictObject({
    jabatanId: z.string().uuid('Jabatan tidak dikenal'),
    jenis: z.enum(penugasanJenis),
    mulai: tanggalSchema,
    selesai: tanggalSchema.nullable().default(null),
  })
  .refine((v) => v.selesai === null || v.selesai >= v.mulai, {
    message: 'Tanggal selesai tidak boleh sebelum tanggal mulai',
    path: ['selesai'],
  });
export type PenugasanInput = z.infer<typeof penugasanInputSchema>;
export const penugasanEndSchema = z.strictObject({ selesai: tanggalSchema });

export const hariLiburSchema = z.object({
  tanggal: z.string(),
  jenis: z.enum(liburJenis),
  keterangan: z.string(),
});
export type HariLibur = z.infer<typeof hariLiburSchema>;
export const hariLiburListSchema = z.object({ tahun: z.number().int(), items: z.array(hariLiburSchema) });
export const hariLiburInputSchema = z.strictObject({
  tanggal: tanggalSchema,
  jenis: z.enum(liburJenis),
  keterangan: z.string().trim().min(2, 'Keterangan minimal 2 karakter').max(200),
});

export const cutiSchema = z.object({
  id: z.string(),
  pegawaiId: z.string(),
  pegawaiNama: z.string(),
  jenis: z.enum(cutiJenis),
  mulai: z.string(),
  selesai: z.string(),
  keterangan: z.string(),
});
export type Cuti = z.infer<typeof cutiSchema>;
export const cutiListSchema = z.object({ items: z.array(cutiSchema) });
export const cutiInputSchema = z
  .strictObject({
    pegawaiId: z.string().uuid('Pegawai tidak dikenal'),
    jenis: z.enum(cutiJenis),
    mulai: tanggalSchema,
    selesai: tanggalSchema,
    keterangan: z.string().trim().max(500).default(''),
  })
  .refine((v) => v.selesai >= v.mulai, {
    message: 'Tanggal selesai tidak boleh sebelum tanggal mulai',
    path: ['selesai'],
  });
export type CutiInput = z.infer<typeof cutiInputSchema>;

export const cutiJenisLabel: Record<(typeof cutiJenis)[number], string> = {
  tahunan: 'Cuti tahunan',
  sakit: 'Cuti sakit',
  besar: 'Cuti besar',
  melahirkan: 'Cuti melahirkan',
  alasan_penting: 'Cuti karena alasan penting',
  di_luar_tanggungan: 'Cuti di luar tanggungan negara',
};
export const liburJenisLabel: Record<(typeof liburJenis)[number], string> = {
  libur_nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  libur_daerah: 'Libur daerah',
};

/** What a create or update answers: the row's id (lists are read again). */
export const savedSchema = z.object({ id: z.string() });
export const versionedSchema = z.object({ version: z.number().int() });

/** The kinerja settings of a year (packages/scoring `kinerjaSettingsSchema` checks `settings`). */
export const pengaturanKinerjaSchema = z.object({
  tahun: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});
export const pengaturanKinerjaBodySchema = z.strictObject({
  settings: kinerjaSettingsSchema,
  version: z.number().int(),
});

/** The organisation as spreadsheets, one kind at a time (unit kerja, then jabatan, then pegawai). */
export const imporJenis = ['unit-kerja', 'jabatan', 'pegawai'] as const;
export const imporKepegawaianBodySchema = z.strictObject({
  jenis: z.enum(imporJenis),
  format: z.enum(['csv', 'xlsx']),
  /** CSV text, or an XLSX file base64-encoded. */
  isi: z.string().min(1, 'Berkas kosong').max(8_000_000, 'Berkas terlalu besar (paling banyak 6 MB)'),
  /** Check only: report the problems, save nothing. */
  dryRun: z.boolean().default(false),
});
export const imporKepegawaianResultSchema = z.object({
  jenis: z.enum(imporJenis),
  dryRun: z.boolean(),
  baris: z.number().int(),
});
