/**
 * Kinerja pegawai texts every page needs (the navigation, the refusal of a page to other roles): in the
 * shell. The texts of the kinerja pages themselves come with those pages (kinerja-texts-id.ts).
 */
export const kinerjaShellId = {
  nav: {
    hari: 'Aktivitas harian',
    minggu: 'Minggu saya',
    bulan: 'Bulan saya',
    tim: 'Tim saya',
    verifikasi: 'Verifikasi kinerja',
    kepegawaian: 'Kepegawaian',
  },
  forbidden: {
    pegawai: 'Halaman ini untuk pegawai yang akunnya terhubung dengan data kepegawaian.',
    verifikasi: 'Halaman ini untuk verifikator kinerja dan bagian kepegawaian.',
    kepegawaian: 'Halaman ini untuk bagian kepegawaian (BKPSDM).',
  },
};
export type KinerjaShellTranslation = typeof kinerjaShellId;
