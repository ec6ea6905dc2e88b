/**
 * The public SKM survey (survei.html): Bahasa Indonesia only, like its questions and answers
 * (SKM_UNSUR, PermenPANRB 14/2017), which have no English text.
 */
export const surveiId = {
  brand: 'Survei Kepuasan Masyarakat',
  documentTitle: 'Survei Kepuasan Masyarakat — {{unit}}',
  heading: 'Survei pelayanan',
  unit: { kecamatan: 'Kecamatan {{nama}}', kelurahan: 'Kelurahan {{nama}}' },
  induk: 'Kecamatan {{nama}}',
  loading: 'Memuat pertanyaan…',
  loadFailed: 'Halaman survei tidak dapat dimuat. Periksa koneksi internet Anda, lalu muat ulang halaman.',
  unknownError: 'Terjadi gangguan. Coba lagi sebentar lagi.',
  connectionLost:
    'Koneksi terputus. Periksa sinyal atau data Anda, lalu tekan "Kirim jawaban" lagi — jawaban Anda tidak akan terhitung dua kali.',
  intro: {
    before: 'Bantu kami memperbaiki pelayanan. Survei ini ',
    anonymous: 'anonim',
    after:
      ': tidak ada pertanyaan tentang nama, nomor telepon atau alamat. Ada 9 pertanyaan pilihan, sekitar 2 menit.',
  },
  missingOne: 'Satu pertanyaan belum dijawab:',
  missingMany: '{{count}} pertanyaan belum dijawab:',
  missingItem: 'Pertanyaan {{n}}: {{nama}}',
  pickOne: 'Pilih salah satu jawaban.',
  about: 'Tentang Anda',
  aboutHint: 'Boleh dikosongkan. Dipakai hanya untuk statistik.',
  noAnswer: '— Tidak ingin menjawab —',
  layanan: 'Jenis layanan yang Anda terima (boleh dikosongkan)',
  layananPlaceholder: 'Contoh: surat pengantar KTP',
  saran: 'Saran atau masukan (boleh dikosongkan)',
  saranInfo: 'Jangan menulis nama atau nomor telepon. {{length}}/{{max}} karakter.',
  honeypot: 'Jangan isi kolom ini',
  answered: '{{n}} dari 9 pertanyaan terjawab',
  send: 'Kirim jawaban',
  sending: 'Mengirim…',
  checking: 'Memeriksa formulir…',
  waitAntiBot:
    'Menunggu {{n}} detik sebelum mengirim: formulir yang dikirim lebih cepat dari waktu membaca dianggap otomatis (perlindungan dari bot).',
  alreadyToday:
    'Perangkat ini sudah mengisi survei untuk unit ini hari ini. Terima kasih! Anda dapat mengisi lagi besok.',
  powFailed: 'Pemeriksaan otomatis formulir tidak selesai. Muat ulang halaman, lalu isi dan kirim lagi.',
  reload: 'Muat ulang halaman',
  kodeLayanan: 'Kode layanan',
  kodeLayananHint: 'Tertulis pada slip yang Anda terima di loket pelayanan, contoh: 7KQM-3XPA.',
  kodeLayananOptional: 'Kode layanan (bila Anda menerima slip dari loket)',
  thanks: {
    title: 'Terima kasih!',
    titleAlready: 'Terima kasih, jawaban Anda sudah tercatat',
    received: 'Jawaban Anda sudah kami terima.',
    effect:
      'Penilaian Anda ikut menentukan nilai kualitas pelayanan publik {{unit}}. Saran yang Anda tulis dibaca petugas dan ditampilkan di laporan setelah diperiksa.',
    close: 'Anda boleh menutup halaman ini.',
  },
  pilih: {
    documentTitle: 'Survei Kepuasan Masyarakat — pilih kantor',
    heading: 'Pilih kantor yang melayani Anda',
    intro:
      'Tidak memindai kode QR? Pilih kecamatan, lalu kelurahan atau kantor kecamatan tempat Anda menerima layanan.',
    loading: 'Memuat daftar kecamatan…',
    kecamatan: 'Kecamatan',
    kecamatanPlaceholder: '— Pilih kecamatan —',
    unit: 'Kantor yang melayani Anda',
    unitPlaceholder: '— Pilih kantor —',
    unitFirst: 'Pilih kecamatan terlebih dahulu.',
    kantorKecamatan: 'Kantor Kecamatan {{nama}}',
    kecamatanMissing: 'Pilih kecamatan Anda.',
    unitMissing: 'Pilih kelurahan atau kantor kecamatan yang melayani Anda.',
    start: 'Mulai survei',
  },
};
