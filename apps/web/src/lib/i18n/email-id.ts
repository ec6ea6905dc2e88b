export const emailId = {
  title: 'E-mail pemberitahuan',
  intro:
    'Pemberitahuan di aplikasi tetap ada. Di sini Anda memilih mana yang juga dikirim ke e-mail Anda, dan apakah dikirim segera atau sebagai ringkasan harian.',
  unavailable:
    'Server ini belum disiapkan untuk mengirim e-mail. Pilihan Anda tetap disimpan dan berlaku begitu admin TI pemda menyiapkannya.',
  alamat: 'Alamat e-mail',
  alamatHint: 'Kosongkan untuk tidak menerima e-mail sama sekali.',
  kataSandi: 'Kata sandi Anda',
  kataSandiHint: 'Diminta saat alamat diganti: tautan untuk membuat kata sandi baru dikirim ke alamat ini.',
  status: {
    terverifikasi: 'Terkonfirmasi',
    belum: 'Menunggu konfirmasi: buka tautan yang dikirim ke alamat ini.',
    kosong: 'Belum ada alamat e-mail.',
  },
  resend: 'Kirim ulang tautan konfirmasi',
  resent: 'Tautan konfirmasi dikirim. Periksa kotak masuk (dan folder spam) Anda.',
  jenis: 'Kirim ke e-mail',
  jenisLabel: {
    jatuh_tempo: 'Pengingat batas waktu laporan',
    terlambat: 'Laporan terlambat',
    dikembalikan: 'Laporan dikembalikan untuk diperbaiki',
    menunggu_kajian: 'Laporan menunggu pengesahan atau verifikasi saya',
    disahkan: 'Laporan disahkan camat',
    diverifikasi: 'Laporan diverifikasi',
    aktivitas_diputus: 'Aktivitas harian saya diputus atasan',
  },
  frekuensi: 'Kapan dikirim',
  frekuensiLabel: {
    harian: 'Ringkasan harian (satu e-mail sehari, pukul {{jam}}.00 {{zona}})',
    segera: 'Segera (dalam satu menit)',
  },
  menunggu: '{{count}} pemberitahuan menunggu dikirim.',
  save: 'Simpan pengaturan e-mail',
  saved: 'Pengaturan e-mail disimpan.',
  savedConfirm: 'Disimpan. Buka tautan konfirmasi yang kami kirim ke {{alamat}} untuk mulai menerima e-mail.',
  sandi: {
    forgotTitle: 'Lupa kata sandi',
    forgotIntro:
      'Masukkan nama pengguna Anda. Bila akun itu punya alamat e-mail yang sudah dikonfirmasi, kami kirim tautan untuk membuat kata sandi baru.',
    username: 'Nama pengguna',
    send: 'Kirim tautan',
    resetTitle: 'Buat kata sandi baru',
    resetIntro:
      'Gunakan minimal 10 karakter, sebaiknya tiga atau empat kata yang tidak saling berhubungan. Setelah disimpan, semua sesi akun ini berakhir.',
    newPassword: 'Kata sandi baru',
    repeat: 'Ulangi kata sandi baru',
    mismatch: 'Ulangan kata sandi tidak sama dengan kata sandi baru',
    save: 'Simpan kata sandi baru',
    done: 'Kata sandi baru tersimpan. Silakan masuk dengan kata sandi itu.',
    toLogin: 'Ke halaman masuk',
  },
  link: {
    konfirmasiTitle: 'Konfirmasi alamat e-mail',
    konfirmasiIntro:
      'Tekan tombol di bawah untuk mengonfirmasi alamat e-mail Anda di SIP Kinerja Kewilayahan.',
    konfirmasiAction: 'Konfirmasi alamat e-mail',
    berhentiTitle: 'Berhenti menerima e-mail',
    berhentiIntro:
      'Tekan tombol di bawah untuk berhenti menerima e-mail pemberitahuan. Pemberitahuan di aplikasi tetap ada.',
    berhentiAction: 'Berhenti menerima e-mail',
    terkonfirmasi: 'Alamat {{alamat}} terkonfirmasi. Anda akan menerima e-mail sesuai pilihan Anda.',
    berhenti_semua:
      'Anda tidak lagi menerima e-mail pemberitahuan. Anda dapat mengaturnya lagi di akun Anda.',
    berhenti_jenis: 'Anda tidak lagi menerima e-mail jenis ini.',
    missing: 'Tautan tidak lengkap. Buka lagi tautan dari e-mail Anda.',
    settings: 'Buka pengaturan e-mail',
  },
};
export type EmailTranslation = typeof emailId;
