/**
 * The strings of the pages a visitor sees before signing in (the login page, its own light entry
 * masuk.html): kept apart from the rest so that entry does not load every translation. id.ts and
 * en.ts include them, so the app's i18next knows them under the same keys.
 */
export const publicId = {
  app: {
    name: 'SIP Kinerja Kewilayahan',
    shortName: 'SIP Kinerja',
    tagline: 'Sistem informasi penilaian kinerja kecamatan dan kelurahan Kota Bandung',
    owner: 'Pemerintah Kota Bandung',
  },
  language: {
    label: 'Bahasa',
    switchTo: 'English',
    switchHint: 'Switch to English',
    changed: 'Bahasa diganti ke Bahasa Indonesia',
  },
  login: {
    title: 'Masuk',
    heading: 'Masuk ke akun Anda',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    submitting: 'Sedang masuk…',
    failed: 'Gagal masuk',
    sessionExpired: 'Sesi berakhir',
    sessionExpiredBody: 'Sesi Anda telah berakhir. Silakan masuk kembali untuk melanjutkan.',
    loggedOut: 'Anda telah keluar. Sampai jumpa!',
    showPassword: 'Tampilkan kata sandi',
    hidePassword: 'Sembunyikan kata sandi',
    help: 'Lupa kata sandi? Hubungi admin Bagian Tata Pemerintahan.',
    usernameRequired: 'Isi nama pengguna',
    passwordRequired: 'Isi kata sandi',
    networkError: 'Server tidak dapat dihubungi. Periksa koneksi internet Anda, lalu coba lagi.',
  },
};

export type PublicStrings = typeof publicId;

export const publicEn: PublicStrings = {
  app: {
    name: 'SIP Kinerja Kewilayahan',
    shortName: 'SIP Kinerja',
    tagline: 'Performance assessment of the districts and sub-districts of Kota Bandung',
    owner: 'City Government of Bandung',
  },
  language: {
    label: 'Language',
    switchTo: 'Indonesia',
    switchHint: 'Ganti ke Bahasa Indonesia',
    changed: 'Language switched to English',
  },
  login: {
    title: 'Log in',
    heading: 'Log in to your account',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    failed: 'Could not log in',
    sessionExpired: 'Session ended',
    sessionExpiredBody: 'Your session has ended. Please log in again to continue.',
    loggedOut: 'You have logged out. See you!',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    help: 'Forgot your password? Contact the administrator of Bagian Tata Pemerintahan.',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    networkError: 'The server cannot be reached. Check your internet connection, then try again.',
  },
};
