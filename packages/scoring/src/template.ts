import { defaultSettings } from './rounding';
import type { Framework, Indikator } from './schema';

const inovasiRubric = [
  { level: 1, label: 'Tidak ada inovasi', score: 0 },
  { level: 2, label: 'Gagasan tertulis', score: 40 },
  { level: 3, label: 'Uji coba', score: 60 },
  { level: 4, label: 'Diterapkan', score: 80 },
  { level: 5, label: 'Direplikasi wilayah lain', score: 100 },
];

/** Counts (kegiatan, pohon, titik): whole numbers, 0 or more. */
const COUNT = { min: 0, max: null, integer: true };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const base = {
  evidenceRequired: true,
} as const;

const b1: Indikator[] = [
  {
    ...base,
    code: 'B1.1',
    panduan: {
      dasarHukum: 'PermenPANRB 14/2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat',
      sumberData: 'Jawaban SKM yang dihitung di SIP untuk unit ini (otomatis)',
      contohBukti: 'Tidak perlu bukti: nilai dihitung dari survei.',
    },
    name: 'Indeks Kepuasan Masyarakat (IKM)',
    definition:
      'Nilai konversi IKM dari Survei Kepuasan Masyarakat tahun berjalan (PermenPANRB 14/2017); target 88,31 (mutu A).',
    satuan: 'nilai 25–100',
    appliesTo: 'both',
    frequency: 'annual',
    aggregation: 'last',
    weights: { kecamatan: 35, kelurahan: 35 },
    evidenceRequired: false,
    scoring: { type: 'ikm' },
  },
  {
    ...base,
    code: 'B1.2',
    panduan: {
      sumberData: 'Buku register layanan administrasi dan standar pelayanan unit',
      contohBukti: 'Rekap register bulanan (PDF) yang memuat jumlah permohonan dan yang selesai tepat waktu.',
    },
    name: 'Layanan administrasi selesai tepat waktu',
    definition:
      'Persentase permohonan layanan administrasi (surat pengantar, legalisasi, perizinan) yang selesai sesuai standar pelayanan; target 100%.',
    satuan: '%',
    appliesTo: 'both',
    frequency: 'monthly',
    aggregation: 'average',
    weights: { kecamatan: 25, kelurahan: 30 },
    scoring: { type: 'percentage' },
  },
  {
    ...base,
    code: 'B1.3',
    panduan: {
      sumberData: 'SP4N-LAPOR! dan buku pengaduan langsung',
      contohBukti:
        'Rekap tindak lanjut pengaduan dari SP4N-LAPOR! dan buku pengaduan, dengan tanggal masuk dan tanggal tindak lanjut.',
    },
    name: 'Pengaduan masyarakat ditindaklanjuti',
    definition:
      'Persentase pengaduan masyarakat (SP4N-LAPOR! dan langsung) yang ditindaklanjuti paling lama 5 hari kerja; target 95%.',
    satuan: '%',
    appliesTo: 'both',
    frequency: 'monthly',
    aggregation: 'average',
    weights: { kecamatan: 20, kelurahan: 20 },
    scoring: { type: 'ratio', target: 95, direction: 'higher_is_better', cap: 100 },
  },
  {
    ...base,
    code: 'B1.4',
    name: 'Ketepatan waktu laporan bulanan',
    definition:
      'Persentase laporan bulanan SIP yang diajukan paling lambat tanggal jatuh tempo; target 100%.',
    satuan: '% laporan',
    appliesTo: 'both',
    frequency: 'monthly',
    aggregation: 'sum',
    weights: { kecamatan: 20, kelurahan: 15 },
    evidenceRequired: false,
    scoring: { type: 'timeliness' },
  },
];

const b2: Indikator[] = [
  {
    ...base,
    code: 'B2.1',
    name: 'Penyerapan anggaran kecamatan',
    definition:
      'Realisasi belanja kumulatif terhadap pagu DPA kecamatan pada akhir bulan; target di atas 95% pada akhir tahun.',
    satuan: '% pagu',
    appliesTo: 'kecamatan',
    frequency: 'monthly',
    aggregation: 'last',
    weights: { kecamatan: 25 },
    scoring: {
      type: 'percentage',
      bands: [
        { min: 0, max: 60, score: 40 },
        { min: 60, max: 75, score: 60 },
        { min: 75, max: 85, score: 75 },
        { min: 85, max: 95, score: 90 },
        { min: 95, max: null, score: 100 },
      ],
    },
  },
  {
    ...base,
    code: 'B2.2',
    panduan: {
      sumberData: 'Daftar hadir dan notulen kegiatan',
      contohBukti: 'Foto kegiatan dan daftar hadir, satu berkas per kegiatan.',
    },
    name: 'Kegiatan pemberdayaan masyarakat',
    definition:
      'Jumlah kegiatan pemberdayaan (pelatihan warga, PKK, karang taruna, posyandu) yang dilaksanakan; target 12 kegiatan per tahun.',
    satuan: 'kegiatan',
    input: COUNT,
    appliesTo: 'both',
    frequency: 'monthly',
    aggregation: 'sum',
    weights: { kecamatan: 25, kelurahan: 60 },
    scoring: { type: 'ratio', target: 12, direction: 'higher_is_better', cap: 100 },
  },
  {
    ...base,
    code: 'B2.3',
    name: 'Musrenbang dan rapat koordinasi wilayah',
    definition:
      'Musyawarah perencanaan pembangunan dan rapat koordinasi wilayah dilaksanakan dengan berita acara (ya/tidak).',
    satuan: 'ya/tidak',
    appliesTo: 'both',
    frequency: 'annual',
    aggregation: 'last',
    weights: { kecamatan: 15, kelurahan: 40 },
    scoring: { type: 'boolean' },
  },
  {
    ...base,
    code: 'B2.4',
    name: 'Nilai rata-rata kelurahan',
    definition:
      'Rata-rata nilai total rapor kelurahan di wilayah kecamatan, sebagai ukuran pembinaan camat terhadap lurah.',
    satuan: 'nilai 0–100',
    appliesTo: 'kecamatan',
    frequency: 'annual',
    aggregation: 'last',
    weights: { kecamatan: 35 },
    evidenceRequired: false,
    scoring: { type: 'kelurahan_average' },
  },
];

const b3: Indikator[] = [
  {
    ...base,
    code: 'B3.1',
    name: 'Kegiatan K3 dan kerja bakti',
    definition:
      'Jumlah kegiatan ketertiban, kebersihan dan keindahan (kerja bakti, penertiban) yang dilaksanakan; target 24 kegiatan per tahun.',
    satuan: 'kegiatan',
    input: COUNT,
    appliesTo: 'both',
    frequency: 'monthly',
    aggregation: 'sum',
    weights: { kecamatan: 40, kelurahan: 30 },
    scoring: { type: 'ratio', target: 24, direction: 'higher_is_better', cap: 100 },
  },
  {
    ...base,
    code: 'B3.2',
    name: 'Sampah terkelola melalui bank sampah',
    definition:
      'Persentase RW yang memiliki bank sampah aktif atau pemilahan sampah dari sumber pada akhir bulan; target 100%.',
    satuan: '% RW',
    appliesTo: 'both',
    frequency: 'monthly',
    aggregation: 'last',
    weights: { kecamatan: 35, kelurahan: 30 },
    scoring: { type: 'percentage' },
  },
  {
    ...base,
    code: 'B3.3',
    panduan: {
      sumberData: 'Catatan penanaman bersama dinas terkait',
      contohBukti: 'Foto penanaman dan berita acara serah terima bibit.',
    },
    name: 'Penghijauan',
    definition: 'Jumlah pohon yang ditanam dan tumbuh di ruang publik wilayah; target 200 pohon per tahun.',
    satuan: 'pohon',
    input: COUNT,
    appliesTo: 'both',
    frequency: 'annual',
    aggregation: 'last',
    weights: { kecamatan: 25, kelurahan: 20 },
    scoring: { type: 'ratio', target: 200, direction: 'higher_is_better', cap: 100 },
  },
  {
    ...base,
    code: 'B3.4',
    panduan: {
      sumberData: 'Hasil pemantauan lapangan',
      contohBukti: 'Foto titik yang dipantau dengan tanggal dan lokasi.',
    },
    name: 'Titik pembuangan sampah liar',
    definition:
      'Rata-rata jumlah titik pembuangan sampah liar yang ditemukan per bulan; target paling banyak 2 titik (makin sedikit makin baik).',
    satuan: 'titik',
    input: COUNT,
    appliesTo: 'kelurahan',
    frequency: 'monthly',
    aggregation: 'average',
    weights: { kelurahan: 20 },
    scoring: { type: 'ratio', target: 2, direction: 'lower_is_better', cap: 100 },
  },
];

const b4: Indikator[] = [
  {
    ...base,
    code: 'B4.1',
    name: 'Inovasi pelayanan dan pemberdayaan',
    definition:
      'Tingkat kematangan inovasi terbaik wilayah tahun ini menurut rubrik tim penilai; target tingkat 5 (direplikasi).',
    satuan: 'tingkat 1–5',
    appliesTo: 'both',
    frequency: 'annual',
    aggregation: 'last',
    weights: { kecamatan: 60, kelurahan: 60 },
    scoring: { type: 'scale', levels: 5, rubric: inovasiRubric },
  },
  {
    ...base,
    code: 'B4.2',
    name: 'Indeks kebahagiaan warga',
    definition: 'Hasil survei indeks kebahagiaan warga wilayah (skala 0–100); target 80 atau lebih.',
    satuan: 'indeks 0–100',
    appliesTo: 'both',
    frequency: 'annual',
    aggregation: 'last',
    weights: { kecamatan: 40, kelurahan: 40 },
    scoring: {
      type: 'bands',
      bands: [
        { min: 0, max: 50, score: 40 },
        { min: 50, max: 60, score: 55 },
        { min: 60, max: 70, score: 70 },
        { min: 70, max: 80, score: 85 },
        { min: 80, max: null, score: 100 },
      ],
    },
  },
];

/** Default framework "Bandung Juara" (DESIGN.md): four bidang, 30/30/20/20. */
export const bandungJuaraTemplate: Framework = deepFreeze({
  settings: defaultSettings(),
  bidang: [
    { code: 'B1', name: 'Kualitas pelayanan publik', weight: 30, order: 1, indikator: b1 },
    {
      code: 'B2',
      name: 'Kinerja penyelenggaraan tugas umum pemerintahan',
      weight: 30,
      order: 2,
      indikator: b2,
    },
    {
      code: 'B3',
      name: 'Ketertiban, kebersihan, keindahan (K3) dan lingkungan hidup',
      weight: 20,
      order: 3,
      indikator: b3,
    },
    {
      code: 'B4',
      name: 'Inovasi, kreativitas dan peningkatan indeks kebahagiaan',
      weight: 20,
      order: 4,
      indikator: b4,
    },
  ],
});

/** A fresh deep copy of the template, safe to edit (e.g. as the start of a new periode). */
export function createBandungJuaraFramework(): Framework {
  return JSON.parse(JSON.stringify(bandungJuaraTemplate)) as Framework;
}
