import type { KinerjaShellTranslation } from './kinerja-shell-id';

export const kinerjaShellEn: KinerjaShellTranslation = {
  nav: {
    hari: 'Daily activities',
    minggu: 'My week',
    bulan: 'My month',
    tim: 'My team',
    verifikasi: 'Performance verification',
    kepegawaian: 'Personnel',
  },
  forbidden: {
    pegawai: 'This page is for employees whose account is linked to a personnel record.',
    verifikasi: 'This page is for performance verifiers and the personnel office.',
    kepegawaian: 'This page is for the personnel office (BKPSDM).',
  },
};
