/** The in-app user guide per role and the FAQ (people must be able to learn alone). */
export const panduanId = {
  title: 'Panduan pengguna',
  intro:
    'Langkah kerja setiap peran sepanjang tahun penilaian. Bagian untuk peran Anda tampil lebih dahulu. Istilah dan aturan penilaian lengkap ada di halaman rapor dan dokumen aturan penilaian pemda.',
  yourRoles: 'Peran Anda',
  otherRoles: 'Peran lain',
  roles: {
    lurah: {
      title: 'Lurah',
      steps: [
        'Setiap bulan, buka Laporan lalu pilih bulan yang berjalan. Isi setiap indikator; nilai tersimpan otomatis.',
        'Unggah bukti dukung (PDF, JPEG atau PNG) pada indikator yang memintanya. Panduan di bawah nama indikator menyebut sumber data dan contoh bukti yang diterima.',
        'Ajukan laporan paling lambat tanggal jatuh tempo (bawaan: tanggal 10 bulan berikutnya). Laporan yang terlambat tetap dapat diajukan sampai akhir tahun penilaian, tetapi mengurangi nilai ketepatan waktu.',
        'Bila laporan dikembalikan camat atau verifikator, perbaiki isian yang diberi catatan lalu ajukan lagi.',
        'Setelah tahun berakhir, isi laporan tahunan. Pantau rapor unit Anda; dalam masa keberatan Anda dapat mengajukan keberatan atas rapor.',
      ],
    },
    operator: {
      title: 'Operator unit',
      steps: [
        'Bantu lurah atau camat mengisi laporan dan mengunggah bukti dukung; operator tidak dapat mengajukan laporan.',
        'Catat kuesioner SKM kertas yang dikumpulkan di kantor melalui halaman IKM unit, dan cetak kode layanan bila mode kode layanan dipakai.',
      ],
    },
    camat: {
      title: 'Camat',
      steps: [
        'Isi dan ajukan laporan kecamatan seperti lurah mengisi laporan kelurahan.',
        'Di Kajian laporan, sahkan laporan kelurahan di wilayah Anda atau kembalikan dengan catatan per indikator.',
        'Pantau rapor kecamatan dan kelurahan di wilayah Anda, serta IKM kantor kecamatan.',
      ],
    },
    verifikator: {
      title: 'Verifikator',
      steps: [
        'Di Kajian laporan, buka laporan yang menunggu verifikasi (terlama lebih dahulu).',
        'Putuskan setiap isian: terima, koreksi nilainya dengan alasan, atau tolak dengan alasan; lalu setujui laporan. Hanya nilai yang diverifikasi yang dihitung dalam rapor.',
        'Anda tidak pernah memverifikasi laporan yang Anda sahkan sendiri atau laporan unit yang Anda laporkan.',
      ],
    },
    analis: {
      title: 'Analis',
      steps: [
        'Buka Peringkat dan Analitik untuk membandingkan kecamatan dan kelurahan, tren bulanan dan kepatuhan pelaporan.',
        'Unduh peringkat atau rapor sebagai XLSX atau CSV (angka dengan koma desimal untuk Excel berbahasa Indonesia).',
      ],
    },
    admin: {
      title: 'Admin pemda',
      steps: [
        'Awal tahun: buat periode (dari kerangka tahun lalu atau templat), sesuaikan bobot dengan pratinjau, lalu aktifkan.',
        'Kelola pengguna dan perannya; buka kunci akun yang terkunci; atur jatuh tempo dan masa keberatan di pengaturan periode.',
        'Pantau daftar tugas di beranda: unit terlambat, jawaban SKM dalam karantina, keberatan yang menunggu keputusan.',
        'Setelah tahun berakhir: baca daftar periksa publikasi, umumkan hasil, cetak berita acara. Koreksi sesudahnya diterbitkan sebagai revisi bernomor dengan alasan.',
      ],
    },
  },
  latihanTitle: 'Berlatih tanpa mengubah data resmi',
  latihanText:
    'Di mode latihan Anda menjalankan seluruh siklus dengan peran Anda sendiri: mengisi dan mengajukan laporan, mengesahkan, memverifikasi dan membaca rapor. Semua terjadi di periode latihan yang disiapkan admin; tidak ada yang masuk penilaian resmi. Spanduk oranye di atas halaman menandai mode ini.',
  latihanNone: 'Admin pemda Anda belum menyiapkan periode latihan. Hubungi layanan bantuan di bawah.',
  faqTitle: 'Pertanyaan yang sering diajukan',
  faq: [
    {
      q: 'Mengapa nilai rapor berubah di tengah tahun?',
      a: 'Rapor berjalan dihitung dari data terverifikasi sampai bulan yang sudah jatuh tempo. Indikator tahunan yang belum jatuh tempo tidak dihitung, dan indikator jumlah diproyeksikan ke satu tahun. Nilai berubah setiap ada laporan yang diverifikasi.',
    },
    {
      q: 'Laporan saya terkunci. Apa yang harus dilakukan?',
      a: 'Laporan terkunci saat menunggu kajian atau sesudah diverifikasi. Bila batas waktu tahun penilaian sudah lewat, minta admin pemda memberi izin pengisian terlambat dengan alasan.',
    },
    {
      q: 'Mengapa nilai IKM di halaman SKM berbeda dengan di rapor?',
      a: 'Halaman SKM menampilkan angka langsung untuk periode yang dipilih. Rapor memakai IKM setahun penuh saat rapor dihitung; rapor yang sudah diumumkan tetap memakai angka saat pengumuman.',
    },
    {
      q: 'Saya lupa kata sandi atau akun saya terkunci.',
      a: 'Hubungi admin pemda Anda: admin dapat mengatur ulang kata sandi (kunci ikut dibuka) atau membuka kunci akun.',
    },
    {
      q: 'Bagaimana jika saya tidak setuju dengan rapor unit saya?',
      a: 'Selama masa keberatan yang diatur admin, lurah atau camat dapat mengajukan keberatan di halaman rapor unitnya. Admin memutuskan dengan alasan, dan keputusannya tampil di halaman yang sama.',
    },
  ],
  bantuan: {
    editTitle: 'Ubah kontak bantuan',
    edit: 'Ubah kontak bantuan',
    saved: 'Kontak bantuan disimpan',
    nama: 'Nama layanan bantuan',
    namaHint: 'Contoh: Helpdesk SIP Kinerja, Bagian Tata Pemerintahan',
    telepon: 'Telepon',
    whatsapp: 'WhatsApp',
    email: 'Email',
    jamLayanan: 'Jam layanan',
    alamat: 'Alamat atau ruangan',
    loginLine: 'Butuh bantuan? {{nama}}',
  },
  helpTitle: 'Bantuan',
  help: 'Untuk pertanyaan yang tidak terjawab di sini, hubungi admin SIP di pemda Anda.',
} as const;
