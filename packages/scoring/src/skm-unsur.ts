// Copied from /work/shared/skm-unsur.json (PermenPANRB 14/2017); the package cannot read files.
// Identify unsur by key, never by position: public implementations sometimes swap unsur 8 and 9.

export interface SkmUnsur {
  key: string;
  nama: string;
  tanya: string;
  jawaban: readonly [string, string, string, string];
}

export const SKM_SOURCE =
  "PermenPANRB No. 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik: the nine unsur in the regulation's order, with the four answers of its sample questionnaire (a-d scored 1-4). Public implementations sometimes swap unsur 8 and 9: identify unsur by key, never by position. Wording is data for the survey page; the regulation allows a unit to phrase questions for its service as long as the unsur stay.";

export const SKM_UNSUR = [
  {
    key: 'persyaratan',
    nama: 'Persyaratan',
    tanya: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    jawaban: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    key: 'prosedur',
    nama: 'Sistem, mekanisme, dan prosedur',
    tanya: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    jawaban: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    key: 'waktu',
    nama: 'Waktu penyelesaian',
    tanya: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    jawaban: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  {
    key: 'biaya',
    nama: 'Biaya/tarif',
    tanya: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    jawaban: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  {
    key: 'produk',
    nama: 'Produk spesifikasi jenis pelayanan',
    tanya:
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    jawaban: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    key: 'kompetensi',
    nama: 'Kompetensi pelaksana',
    tanya: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    jawaban: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    key: 'perilaku',
    nama: 'Perilaku pelaksana',
    tanya:
      'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    jawaban: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    key: 'pengaduan',
    nama: 'Penanganan pengaduan, saran, dan masukan',
    tanya: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    jawaban: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  {
    key: 'sarana',
    nama: 'Sarana dan prasarana',
    tanya: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    jawaban: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
] as const satisfies readonly SkmUnsur[];

export type UnsurKey = (typeof SKM_UNSUR)[number]['key'];

export const UNSUR_KEYS: readonly UnsurKey[] = SKM_UNSUR.map((u) => u.key);

/** Grades on the converted value rounded to 2 decimals (PermenPANRB 14/2017). */
export const IKM_GRADES = [
  { mutu: 'A', kinerja: 'Sangat Baik', min: 88.31, max: 100.0 },
  { mutu: 'B', kinerja: 'Baik', min: 76.61, max: 88.3 },
  { mutu: 'C', kinerja: 'Kurang Baik', min: 65.0, max: 76.6 },
  { mutu: 'D', kinerja: 'Tidak Baik', min: 25.0, max: 64.99 },
] as const;

export type IkmGrade = (typeof IKM_GRADES)[number];
