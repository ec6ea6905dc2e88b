import { useTranslation } from 'react-i18next';

// The SKM pages' own words (Bahasa Indonesia first, English second), kept with the feature so the
// shared i18n files only carry the navigation labels.
const id = {
  title: 'Indeks Kepuasan Masyarakat',
  intro:
    'Hasil Survei Kepuasan Masyarakat menurut PermenPANRB 14/2017: nilai rata-rata (NRR) per unsur, indeks, nilai konversi dan mutu pelayanan.',
  year: 'Tahun',
  period: 'Periode',
  wholeYear: 'Setahun',
  semester1: 'Semester I',
  semester2: 'Semester II',
  population: 'Jumlah penerima layanan (populasi)',
  populationHint: 'Boleh dikosongkan; dipakai untuk sampel minimum Krejcie–Morgan.',
  exportCsv: 'Unduh CSV',
  exportXlsx: 'Unduh XLSX',
  posters: 'Poster QR',
  moderation: 'Moderasi saran',
  respondents: 'Responden',
  ikmConverted: 'IKM (nilai konversi)',
  ikmRaw: 'IKM (skala 1–4)',
  grade: 'Mutu pelayanan',
  noData: 'Belum ada jawaban survei untuk periode ini.',
  sampleLow: (n: number, min: number, pop: number | null) =>
    `Jumlah responden (${n}) di bawah sampel minimum ${min} menurut tabel Krejcie dan Morgan yang dirujuk PermenPANRB 14/2017 (tingkat kepercayaan 95%, galat 5%) ` +
    (pop
      ? `untuk populasi ${pop} penerima layanan.`
      : 'untuk populasi yang sangat besar (populasi belum diisi). Isi jumlah penerima layanan untuk angka yang tepat.') +
    ' Hasil ini belum dapat dianggap mewakili.',
  sampleOk: (n: number, min: number) =>
    `Jumlah responden (${n}) memenuhi sampel minimum ${min} (tabel Krejcie dan Morgan, PermenPANRB 14/2017).`,
  ownOffice: 'IKM kantor ini dihitung dari jawaban di kantor ini saja; nilai inilah yang masuk rapor.',
  unsurTable: 'Nilai per unsur pelayanan',
  no: 'No',
  unsur: 'Unsur pelayanan',
  total: 'Jumlah nilai',
  nrr: 'NRR',
  nrrWeighted: 'NRR tertimbang (× 1/9)',
  sumWeighted: 'Jumlah NRR tertimbang (IKM)',
  converted: 'IKM unit pelayanan (× 25)',
  chartTitle: 'NRR per unsur (skala 1–4)',
  chartLabel: 'Diagram batang nilai rata-rata per unsur; angkanya sama dengan tabel di atas.',
  showTable: 'Tabel',
  showChart: 'Grafik',
  region: 'Kecamatan dan kelurahannya (gabungan)',
  regionHint:
    'Semua jawaban di kantor kecamatan dan di kelurahan-kelurahannya dijumlahkan (rata-rata tertimbang menurut jumlah responden).',
  breakdown: 'Rincian per unit',
  unit: 'Unit',
  profile: 'Profil responden',
  count: 'Jumlah',
  answer: 'Pilihan',
  percent: 'Persen',
  suggestions: 'Saran masyarakat (sudah disetujui)',
  noSuggestions: 'Belum ada saran yang disetujui.',
  responses: 'Jawaban satu per satu',
  responsesIntro:
    'Admin dapat membatalkan jawaban yang tidak sah (misalnya uji coba petugas). Alasan wajib dan tercatat di log audit.',
  submittedAt: 'Waktu',
  answers: 'Jawaban U1–U9',
  status: 'Status',
  counted: 'Dihitung',
  voided: 'Dibatalkan',
  void: 'Batalkan',
  voidTitle: 'Batalkan jawaban',
  voidReason: 'Alasan pembatalan',
  voidConfirm: 'Batalkan jawaban ini',
  voidDone: 'Jawaban dibatalkan dan tidak lagi dihitung.',
  cancel: 'Batal',
  prev: 'Sebelumnya',
  next: 'Berikutnya',
  page: (p: number, n: number) => `Halaman ${p} dari ${n}`,
  moderationTitle: 'Moderasi saran masyarakat',
  moderationIntro:
    'Saran tampil di laporan unit hanya setelah disetujui admin atau verifikator. Saran yang disembunyikan tetap tersimpan.',
  pending: 'Menunggu',
  approved: 'Disetujui',
  hidden: 'Disembunyikan',
  approve: 'Setujui',
  hide: 'Sembunyikan',
  service: 'Layanan',
  noPending: 'Tidak ada saran pada status ini.',
  approvedDone: 'Saran disetujui dan tampil di laporan.',
  hiddenDone: 'Saran disembunyikan.',
  posterTitle: 'Poster survei',
  posterIntro: 'Cetak di kertas A4 (satu poster per halaman) dan tempel di ruang pelayanan.',
  print: 'Cetak',
  posterHeading: 'Bagaimana pelayanan kami hari ini?',
  posterBody: 'Isi Survei Kepuasan Masyarakat. Anonim, sekitar 2 menit, tanpa login.',
  posterScan: 'Pindai kode QR dengan kamera ponsel, atau buka:',
  posterFoot: 'Pendapat Anda menentukan penilaian kualitas pelayanan publik unit ini.',
  openReport: 'Laporan IKM',
  reportFor: 'Lihat IKM',
};
type Strings = typeof id;

const en: Strings = {
  ...id,
  title: 'Community Satisfaction Index (IKM)',
  intro:
    'Results of the citizen satisfaction survey (PermenPANRB 14/2017): mean value per element (NRR), the index, converted value and service grade.',
  year: 'Year',
  period: 'Period',
  wholeYear: 'Whole year',
  semester1: 'Semester I',
  semester2: 'Semester II',
  population: 'Service users (population)',
  populationHint: 'Optional; used for the Krejcie–Morgan minimum sample.',
  exportCsv: 'Download CSV',
  exportXlsx: 'Download XLSX',
  posters: 'QR posters',
  moderation: 'Moderate suggestions',
  respondents: 'Respondents',
  ikmConverted: 'IKM (converted)',
  ikmRaw: 'IKM (1–4 scale)',
  grade: 'Service grade',
  noData: 'No survey responses for this period yet.',
  sampleLow: (n, min, pop) =>
    `Respondents (${n}) are below the minimum sample of ${min} from the Krejcie–Morgan table used by PermenPANRB 14/2017 (95% confidence, 5% margin) ` +
    (pop
      ? `for a population of ${pop} service users.`
      : 'for a very large population (population not entered). Enter the number of service users for the exact figure.') +
    ' The result is not yet representative.',
  sampleOk: (n, min) =>
    `Respondents (${n}) meet the minimum sample of ${min} (Krejcie–Morgan, PermenPANRB 14/2017).`,
  ownOffice:
    "This office's IKM counts only the responses given at this office; this value goes into the rapor.",
  unsurTable: 'Values per service element',
  unsur: 'Service element',
  total: 'Sum of answers',
  nrrWeighted: 'Weighted NRR (× 1/9)',
  sumWeighted: 'Sum of weighted NRR (IKM)',
  converted: 'Unit IKM (× 25)',
  chartTitle: 'NRR per element (1–4 scale)',
  chartLabel: 'Bar chart of the mean value per element; the same numbers as the table above.',
  showTable: 'Table',
  showChart: 'Chart',
  region: 'Kecamatan and its kelurahan (pooled)',
  regionHint: 'All responses at the kecamatan office and its kelurahan, pooled (weighted by respondents).',
  breakdown: 'Per unit',
  profile: 'Respondent profile',
  count: 'Count',
  answer: 'Option',
  percent: 'Percent',
  suggestions: 'Citizen suggestions (approved)',
  noSuggestions: 'No approved suggestions yet.',
  responses: 'Single responses',
  responsesIntro:
    'An admin can void an invalid response (e.g. staff testing). A reason is required and audited.',
  submittedAt: 'Time',
  answers: 'Answers U1–U9',
  counted: 'Counted',
  voided: 'Voided',
  void: 'Void',
  voidTitle: 'Void response',
  voidReason: 'Reason',
  voidConfirm: 'Void this response',
  voidDone: 'Response voided; it no longer counts.',
  cancel: 'Cancel',
  prev: 'Previous',
  next: 'Next',
  page: (p, n) => `Page ${p} of ${n}`,
  moderationTitle: 'Moderate citizen suggestions',
  moderationIntro:
    "Suggestions appear in a unit's report only after an admin or verifikator approves them. Hidden ones stay stored.",
  pending: 'Pending',
  approved: 'Approved',
  hidden: 'Hidden',
  approve: 'Approve',
  hide: 'Hide',
  service: 'Service',
  noPending: 'No suggestions with this status.',
  approvedDone: 'Suggestion approved; it appears in the report.',
  hiddenDone: 'Suggestion hidden.',
  posterTitle: 'Survey posters',
  posterIntro: 'Print on A4 (one poster per page) and put it up in the service room.',
  print: 'Print',
  openReport: 'IKM report',
  reportFor: 'View IKM',
};

/** The SKM strings in the current UI language (re-renders when the language changes). */
export function useSkmText(): Strings {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? en : id;
}

/** The poster always speaks Indonesian: it hangs in an Indonesian office. */
export const posterText = id;
