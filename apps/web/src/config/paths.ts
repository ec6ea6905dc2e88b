/** Every URL of the web app, built in one place so links and routes cannot drift apart. */
export const paths = {
  login: {
    path: '/masuk',
    getHref: (opts: { returnTo?: string; reason?: 'sesi-berakhir' | 'tidak-aktif' | 'keluar' } = {}) => {
      const params = new URLSearchParams();
      if (opts.returnTo && opts.returnTo !== '/') params.set('kembali', opts.returnTo);
      if (opts.reason) params.set('alasan', opts.reason);
      const qs = params.toString();
      return `/masuk${qs ? `?${qs}` : ''}`;
    },
  },
  home: { path: '/', getHref: () => '/' },
  /** Public: ask for a password link by e-mail, and the page that link opens (`?token=`). */
  lupaSandi: { path: '/lupa-sandi', getHref: () => '/lupa-sandi' },
  resetSandi: { path: '/reset-sandi', getHref: () => '/reset-sandi' },
  /** Public: the links of e-mails (confirm the address, stop e-mails), signed tokens in `?token=`. */
  emailLink: {
    konfirmasi: { path: '/email/konfirmasi', getHref: () => '/email/konfirmasi' },
    berhenti: { path: '/email/berhenti', getHref: () => '/email/berhenti' },
  },
  wilayah: {
    root: { path: '/wilayah', getHref: () => '/wilayah' },
    detail: { path: '/wilayah/:kode', getHref: (kode: string) => `/wilayah/${kode}` },
  },
  unit: { path: '/unit/:kode', getHref: (kode: string) => `/unit/${kode}` },
  account: {
    password: { path: '/akun/kata-sandi', getHref: () => '/akun/kata-sandi' },
    /** Second factor (TOTP): enrol, recovery codes, disable. */
    security: { path: '/akun/keamanan', getHref: () => '/akun/keamanan' },
    /** E-mail notifications: address, kinds, daily digest or at once. */
    email: { path: '/akun/email', getHref: () => '/akun/email' },
  },
  admin: {
    audit: { path: '/admin/audit', getHref: () => '/admin/audit' },
    periode: {
      list: { path: '/admin/periode', getHref: () => '/admin/periode' },
      detail: { path: '/admin/periode/:id', getHref: (id: string) => `/admin/periode/${id}` },
    },
    users: { path: '/admin/pengguna', getHref: () => '/admin/pengguna' },
    /** Background jobs: exports, imports, the hourly rounds, backups. */
    jobs: { path: '/admin/pekerjaan', getHref: () => '/admin/pekerjaan' },
  },
  laporan: {
    root: { path: '/laporan', getHref: () => '/laporan' },
    /** A unit's reports of a year (`?tahun=`); without a year it opens the year the person has work in. */
    unit: {
      path: '/laporan/unit/:kode',
      getHref: (kode: string, tahun?: number) => `/laporan/unit/${kode}${tahun ? `?tahun=${tahun}` : ''}`,
    },
    detail: { path: '/laporan/:id', getHref: (id: string) => `/laporan/${id}` },
    /** The report as an A4 document with its signature block (outside the app layout). */
    print: { path: '/laporan/:id/cetak', getHref: (id: string) => `/laporan/${id}/cetak` },
  },
  /** The review queue of a year (`?tahun=`); without a year it opens the year the person has work in. */
  verifikasi: {
    path: '/verifikasi',
    getHref: (tahun?: number) => `/verifikasi${tahun ? `?tahun=${tahun}` : ''}`,
  },
  rapor: {
    unit: {
      path: '/rapor/:tahun/unit/:kode',
      getHref: (tahun: number, kode: string) => `/rapor/${tahun}/unit/${kode}`,
    },
    /** A unit's rapor of the year the person has work in (redirects to the page of that year). */
    unitTerbaru: { path: '/rapor/unit/:kode', getHref: (kode: string) => `/rapor/unit/${kode}` },
    rankings: { path: '/rapor/:tahun/peringkat', getHref: (tahun: number) => `/rapor/${tahun}/peringkat` },
    analytics: { path: '/rapor/:tahun/analitik', getHref: (tahun: number) => `/rapor/${tahun}/analitik` },
    publication: { path: '/admin/publikasi/:tahun', getHref: (tahun: number) => `/admin/publikasi/${tahun}` },
    /** A unit's rapor on the pemda's letterhead (outside the app layout). */
    print: {
      path: '/rapor/:tahun/unit/:kode/cetak',
      getHref: (tahun: number, kode: string) => `/rapor/${tahun}/unit/${kode}/cetak`,
    },
    /** The berita acara of a published year (outside the app layout). */
    beritaAcara: {
      path: '/admin/publikasi/:tahun/berita-acara',
      getHref: (tahun: number) => `/admin/publikasi/${tahun}/berita-acara`,
    },
  },
  /** Public (no login): the published rankings of a year. */
  publicRankings: { path: '/peringkat/:tahun', getHref: (tahun: number) => `/peringkat/${tahun}` },
  /** Public: the latest published year's rankings (the login page links here). */
  publicLatest: { path: '/peringkat', getHref: () => '/peringkat' },
  /** Public: one unit's published rapor and IKM. */
  publicRapor: {
    path: '/peringkat/:tahun/unit/:kode',
    getHref: (tahun: number, kode: string) => `/peringkat/${tahun}/unit/${kode}`,
  },
  /** Public (no login): the citizens' survey; without a code a citizen picks his unit first. */
  survei: {
    entry: { path: '/survei', getHref: () => '/survei' },
    unit: { path: '/survei/:kode', getHref: (kode: string) => `/survei/${kode}` },
  },
  notifikasi: { path: '/notifikasi', getHref: () => '/notifikasi' },
  /** Kinerja pegawai: the pegawai's own log of a day (`?tanggal=`), week and month. */
  aktivitas: {
    hari: {
      path: '/aktivitas',
      getHref: (tanggal?: string) => `/aktivitas${tanggal ? `?tanggal=${tanggal}` : ''}`,
    },
    minggu: {
      path: '/aktivitas/minggu',
      getHref: (tanggal?: string) => `/aktivitas/minggu${tanggal ? `?tanggal=${tanggal}` : ''}`,
    },
    bulan: {
      path: '/aktivitas/bulan',
      getHref: (q: { tahun: number; bulan: number } | null = null) =>
        `/aktivitas/bulan${q ? `?tahun=${q.tahun}&bulan=${q.bulan}` : ''}`,
    },
  },
  /** The atasan's team board of a week, and one member's week (both `?tanggal=`). */
  tim: {
    root: { path: '/tim', getHref: (tanggal?: string) => `/tim${tanggal ? `?tanggal=${tanggal}` : ''}` },
    anggota: {
      path: '/tim/:pegawaiId',
      getHref: (pegawaiId: string, tanggal?: string) =>
        `/tim/${pegawaiId}${tanggal ? `?tanggal=${tanggal}` : ''}`,
    },
  },
  /** The verifikator kinerja's queue of a month (`?tahun=&bulan=`) and one unit kerja's month. */
  verifikasiKinerja: {
    root: {
      path: '/verifikasi-kinerja',
      getHref: (q: { tahun: number; bulan: number } | null = null) =>
        `/verifikasi-kinerja${q ? `?tahun=${q.tahun}&bulan=${q.bulan}` : ''}`,
    },
    unit: {
      path: '/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan',
      getHref: (unitKerjaId: string, tahun: number, bulan: number) =>
        `/verifikasi-kinerja/${unitKerjaId}/${tahun}/${bulan}`,
    },
  },
  /** The personnel office (admin_kepegawaian): organisation, pegawai, calendar, leave, settings. */
  kepegawaian: {
    root: { path: '/kepegawaian', getHref: () => '/kepegawaian' },
    unitKerja: { path: '/kepegawaian/unit-kerja', getHref: () => '/kepegawaian/unit-kerja' },
    jabatan: {
      path: '/kepegawaian/jabatan',
      getHref: (unitKerjaId?: string) =>
        `/kepegawaian/jabatan${unitKerjaId ? `?unitKerjaId=${unitKerjaId}` : ''}`,
    },
    pegawai: { path: '/kepegawaian/pegawai', getHref: () => '/kepegawaian/pegawai' },
    pegawaiDetail: {
      path: '/kepegawaian/pegawai/:id',
      getHref: (id: string) => `/kepegawaian/pegawai/${id}`,
    },
    kalender: {
      path: '/kepegawaian/kalender',
      getHref: (tahun?: number) => `/kepegawaian/kalender${tahun ? `?tahun=${tahun}` : ''}`,
    },
    cuti: { path: '/kepegawaian/cuti', getHref: () => '/kepegawaian/cuti' },
    pengaturan: {
      path: '/kepegawaian/pengaturan',
      getHref: (tahun?: number) => `/kepegawaian/pengaturan${tahun ? `?tahun=${tahun}` : ''}`,
    },
  },
  /** The user guide per role and the FAQ. */
  panduan: { path: '/panduan', getHref: () => '/panduan' },
  skm: {
    moderation: { path: '/skm/moderasi', getHref: () => '/skm/moderasi' },
    report: {
      path: '/skm/:kode',
      getHref: (kode: string, q: { tahun?: number; semester?: number | undefined } = {}) => {
        const p = new URLSearchParams();
        if (q.tahun) p.set('tahun', String(q.tahun));
        if (q.semester) p.set('semester', String(q.semester));
        const qs = p.toString();
        return `/skm/${kode}${qs ? `?${qs}` : ''}`;
      },
    },
    posters: { path: '/skm/:kode/poster', getHref: (kode: string) => `/skm/${kode}/poster` },
    /** The unit's kode layanan: the mode (admin), batches of one-time codes, which are used. */
    kodeLayanan: {
      path: '/skm/:kode/kode-layanan',
      getHref: (kode: string, tahun?: number) => `/skm/${kode}/kode-layanan${tahun ? `?tahun=${tahun}` : ''}`,
    },
    /** A batch of codes as an A4 sheet of cut-out slips (outside the app layout: it is printed). */
    kodeSlips: {
      path: '/skm/:kode/kode-layanan/:batchId/cetak',
      getHref: (kode: string, batchId: string) => `/skm/${kode}/kode-layanan/${batchId}/cetak`,
    },
    /** Typing in a paper questionnaire collected at the office. */
    paper: { path: '/skm/:kode/kertas', getHref: (kode: string) => `/skm/${kode}/kertas` },
  },
} as const;

/** Only same-app paths may be used as a return target (no open redirects to other sites). */
const SAME_ORIGIN = 'http://sip.invalid';

/**
 * The page to open after login: a path on this site, as the browser itself would read it
 * (tabs and newlines dropped, backslashes as slashes, dot segments resolved), or `/`.
 * `/%09/evil.example` is `//evil.example` to a browser, another site: refused.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, SAME_ORIGIN);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== SAME_ORIGIN || path.startsWith('//')) return '/';
  if (path.startsWith(paths.login.path)) return '/';
  return path;
}
