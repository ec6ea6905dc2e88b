/**
 * The login page (also its own light entry masuk.html, which reads this file through translate.ts
 * instead of loading every translation): Bahasa Indonesia. id.ts includes it, so the app's i18next
 * knows the same keys.
 */
export const publicId = {
  app: {
    name: 'SIP Kinerja Kewilayahan',
    shortName: 'SIP Kinerja',
    tagline: 'Sistem informasi penilaian kinerja kecamatan dan kelurahan Kota Bandung',
    owner: 'Pemerintah Kota Bandung',
    attribution:
      'Data wilayah: idn-area-data (sumber Kemendagri), lisensi ODbL 1.0 · Perangkat lunak: lisensi Apache-2.0',
  },
  language: {
    label: 'Bahasa',
    switchTo: 'English',
    switchHint: 'Switch to English',
    changed: 'Bahasa diganti ke Bahasa Indonesia',
  },
  login: {
    forgot: 'Lupa kata sandi?',
    title: 'Masuk',
    heading: 'Masuk ke akun Anda',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    submitting: 'Sedang masuk…',
    failed: 'Gagal masuk',
    idleEnded: 'Sesi berakhir karena tidak aktif',
    idleEndedBody: 'Demi keamanan, sesi ditutup setelah lama tidak ada aktivitas. Silakan masuk kembali.',
    totpHeading: 'Verifikasi dua langkah',
    totpIntro: 'Masukkan 6 angka dari aplikasi autentikator di ponsel Anda, atau salah satu kode pemulihan.',
    totpCode: 'Kode verifikasi',
    totpRequired: 'Isi kode verifikasi',
    totpSubmit: 'Verifikasi',
    totpBack: 'Kembali ke kata sandi',
    sessionExpired: 'Sesi berakhir',
    sessionExpiredBody: 'Sesi Anda telah berakhir. Silakan masuk kembali untuk melanjutkan.',
    loggedOut: 'Anda telah keluar. Sampai jumpa!',
    showPassword: 'Tampilkan kata sandi',
    hidePassword: 'Sembunyikan kata sandi',
    helpContact: 'Lupa kata sandi atau butuh bantuan? Hubungi {{nama}}',
    help: 'Lupa kata sandi? Hubungi admin Bagian Tata Pemerintahan.',
    publicHeading: 'Untuk masyarakat',
    rankings: 'Peringkat kinerja kecamatan dan kelurahan',
    survey: 'Isi survei kepuasan masyarakat',
    usernameRequired: 'Isi nama pengguna',
    passwordRequired: 'Isi kata sandi',
    networkError: 'Server tidak dapat dihubungi. Periksa koneksi internet Anda, lalu coba lagi.',
  },
};
