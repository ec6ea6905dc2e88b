// The authorization matrix: for every route of the API, how to aim it at an object of a FOREIGN
// scope, and which roles may reach the route at all. authz-matrix.test.ts runs every route × every
// role × foreign object; a route missing here fails that suite with its name. (OWASP API1/API5,
// ASVS 8.2.)
import type { Role } from '@sip/contracts';
import { kinerjaDefaults } from '@sip/scoring';
import type { Objects } from './foreign-world';

export interface MatrixRequest {
  url: string;
  body?: unknown;
  /** Send `body` as a multipart upload of a PDF named like this. */
  upload?: string;
  /** A list filtered on a foreign scope: refusing (403/404) is as good as an empty 2xx. */
  foreignFilter?: boolean;
}

/** The roles of the unit track (reports, SKM, rapor). */
const UNIT_TRACK: readonly Role[] = ['admin', 'verifikator', 'analis', 'camat', 'lurah', 'operator'];
/** The roles of the kinerja track (DESIGN.md, "Kinerja pegawai"), all granted at the pemda. */
const KINERJA_TRACK: readonly Role[] = ['pegawai', 'verifikator_kinerja', 'admin_kepegawaian', 'bendahara'];
/** Every signed-in person. */
const ALL: readonly Role[] = [...UNIT_TRACK, ...KINERJA_TRACK];
const PEMDA_READERS: readonly Role[] = ['admin', 'verifikator', 'analis'];
/** authz `kepegawaian:read` and `kinerja:read`: the organisation, the calendar, the verification queue. */
const KINERJA_READERS: readonly Role[] = [
  'admin_kepegawaian',
  'verifikator_kinerja',
  'bendahara',
  'admin',
  'analis',
];
/** authz `kepegawaian:manage` and `kinerja:manage`: the personnel office. */
const KEPEGAWAIAN: readonly Role[] = ['admin_kepegawaian'];
/** authz `aktivitas:own`, and atasan rights, which come from the position held (never a role). */
const PEGAWAI: readonly Role[] = ['pegawai'];

export type MatrixEntry =
  /** Names a foreign object (in the URL or the body): every role is refused (401/403/404). */
  | {
      kind: 'object';
      roles: readonly Role[];
      unit: boolean;
      request: (o: Objects) => MatrixRequest;
      /** Other refusals accepted, with the reason (default only 403/404). */
      refusedWith?: { statuses: number[]; why: string };
    }
  /**
   * Lists or summarises what is in the actor's own scope: the roles listed get 2xx without a single
   * foreign row; the others are refused.
   */
  | { kind: 'list'; roles: readonly Role[]; requests: (o: Objects) => MatrixRequest[] }
  /** Acts within the actor's own scope with no way to name another: the roles not listed are refused. */
  | { kind: 'own'; roles: readonly Role[]; why: string; request: (o: Objects) => MatrixRequest }
  /** Public (config.public, or the API docs): anyone, and no protected foreign data in the answer. */
  | { kind: 'public'; why: string; request: (o: Objects) => MatrixRequest }
  /** Kemendagri area names and codes (public data): any signed-in role, nothing else leaks. */
  | { kind: 'reference'; request: (o: Objects) => MatrixRequest }
  /** The signed-in person's own session or account: nothing foreign can be named; anonymous is refused. */
  | { kind: 'self'; why: string; request: (o: Objects) => MatrixRequest };

const obj = (
  roles: readonly Role[],
  unit: boolean,
  request: (o: Objects) => MatrixRequest,
  refusedWith?: { statuses: number[]; why: string },
): MatrixEntry => ({ kind: 'object', roles, unit, request, ...(refusedWith ? { refusedWith } : {}) });
/** A role granted on a foreign wilayah is a field error of the body, checked before any lookup. */
const FOREIGN_GRANT = {
  statuses: [400],
  why: 'the grant names a wilayah outside the pemda: 400 on that field (checked before any lookup, so nothing is revealed)',
};
/** A unit kerja linked to a wilayah outside the pemda is a field error of the body, checked before any lookup. */
const FOREIGN_WILAYAH = {
  statuses: [400],
  why: 'the unit kerja names a kecamatan outside the pemda: 400 on wilayahKode (nothing of the other pemda is read)',
};
const docs = (url: string): MatrixEntry => ({
  kind: 'public',
  why: 'the OpenAPI document describes routes, never data',
  request: () => ({ url }),
});
const LAPORAN_READ: readonly Role[] = UNIT_TRACK;
const V = 1;

export const matrix: Record<string, MatrixEntry> = {
  'GET /api/docs': docs('/api/docs'),
  'GET /api/docs/static/index.html': docs('/api/docs/static/index.html'),
  'GET /api/docs/static/swagger-initializer.js': docs('/api/docs/static/swagger-initializer.js'),
  'GET /api/docs/json': docs('/api/docs/json'),
  'GET /api/docs/yaml': docs('/api/docs/yaml'),
  'GET /api/docs/static/*': docs('/api/docs/static/logo.svg'),
  'GET /api/health': { kind: 'public', why: 'load balancer probe', request: () => ({ url: '/api/health' }) },
  'GET /api/health/live': {
    kind: 'public',
    why: 'liveness probe (no database)',
    request: () => ({ url: '/api/health/live' }),
  },
  'GET /api/health/ready': {
    kind: 'public',
    why: 'readiness probe',
    request: () => ({ url: '/api/health/ready' }),
  },

  // auth
  'GET /api/auth/csrf': {
    kind: 'public',
    why: 'the login form needs a CSRF token',
    request: () => ({ url: '/api/auth/csrf' }),
  },
  'POST /api/auth/login': {
    kind: 'public',
    why: 'signing in',
    request: () => ({
      url: '/api/auth/login',
      body: { username: 'tidak-ada', password: 'salah-sekali-123' },
    }),
  },
  'POST /api/auth/refresh': {
    kind: 'public',
    why: 'the refresh cookie is the credential',
    request: () => ({ url: '/api/auth/refresh', body: {} }),
  },
  'POST /api/auth/logout': {
    kind: 'self',
    why: 'ends the own session',
    request: () => ({ url: '/api/auth/logout', body: {} }),
  },
  'GET /api/auth/me': { kind: 'list', roles: ALL, requests: () => [{ url: '/api/auth/me' }] },
  'POST /api/auth/change-password': {
    kind: 'self',
    why: 'changes the own password (the current one is required)',
    request: () => ({
      url: '/api/auth/change-password',
      body: { currentPassword: 'salah-sekali-123', newPassword: 'Sandi-Baru-Yang-Panjang-2026' },
    }),
  },

  'POST /api/auth/login/totp': {
    kind: 'public',
    why: 'the second step of signing in: the signed challenge and the code are the credential',
    request: () => ({ url: '/api/auth/login/totp', body: { challenge: 'bukan.tantangan', code: '123456' } }),
  },
  'GET /api/auth/totp': {
    kind: 'self',
    why: "the own second factor's status",
    request: () => ({ url: '/api/auth/totp' }),
  },
  'POST /api/auth/totp/enrol': {
    kind: 'self',
    why: 'a new secret for the own account (inactive until confirmed)',
    request: () => ({ url: '/api/auth/totp/enrol', body: {} }),
  },
  'POST /api/auth/totp/confirm': {
    kind: 'self',
    why: 'confirms the own pending secret with a code',
    request: () => ({ url: '/api/auth/totp/confirm', body: { code: '123456' } }),
  },
  'POST /api/auth/totp/disable': {
    kind: 'self',
    why: 'turns the own second factor off (password and code required)',
    request: () => ({
      url: '/api/auth/totp/disable',
      body: { password: 'salah-sekali-123', code: '123456' },
    }),
  },

  'GET /api/akun/email': {
    kind: 'self',
    why: 'the own e-mail settings',
    request: () => ({ url: '/api/akun/email' }),
  },
  'PUT /api/akun/email': {
    kind: 'self',
    why: 'changes the own e-mail settings (a new address is confirmed by a link sent to it)',
    request: () => ({
      url: '/api/akun/email',
      body: { alamat: '', jenis: [], frekuensi: 'harian', version: 0 },
    }),
  },
  'POST /api/akun/email/konfirmasi': {
    kind: 'self',
    why: 'sends the confirmation link of the own address again',
    request: () => ({ url: '/api/akun/email/konfirmasi', body: {} }),
  },
  'POST /api/auth/lupa-sandi': {
    kind: 'public',
    why: 'asks for a password link by e-mail; the answer is the same for every username',
    request: () => ({ url: '/api/auth/lupa-sandi', body: { username: 'siapa-saja' } }),
  },
  'POST /api/auth/reset-sandi': {
    kind: 'public',
    why: 'the signed, single-use link of the e-mail is the credential',
    request: () => ({
      url: '/api/auth/reset-sandi',
      body: { token: 'bukan.tautan-yang-sah', newPassword: 'Sandi-Baru-Yang-Panjang-2026' },
    }),
  },
  'POST /api/public/email/tautan': {
    kind: 'public',
    why: 'the signed link of an e-mail (confirm the address, stop e-mails) is the credential',
    request: () => ({ url: '/api/public/email/tautan', body: { token: 'bukan.tautan-yang-sah' } }),
  },

  // wilayah (reference data)
  'GET /api/wilayah': { kind: 'reference', request: () => ({ url: '/api/wilayah' }) },
  'GET /api/wilayah/search': { kind: 'reference', request: () => ({ url: '/api/wilayah/search?q=ban' }) },
  'GET /api/wilayah/:kode': { kind: 'reference', request: (o) => ({ url: `/api/wilayah/${o.kelurahan}` }) },
  'GET /api/wilayah/:kode/anak': {
    kind: 'reference',
    request: (o) => ({ url: `/api/wilayah/${o.kecamatan}/anak` }),
  },

  // units
  'GET /api/unit/:kode': obj(UNIT_TRACK, true, (o) => ({ url: `/api/unit/${o.kelurahan}` })),
  'GET /api/public/bantuan': {
    kind: 'public',
    why: "where the pemda's people get help (the login page and the survey show it)",
    request: (o) => ({ url: `/api/public/bantuan?pemda=${o.pemda}` }),
  },
  'PUT /api/pemda/:kode/bantuan': obj(['admin'], false, (o) => ({
    url: `/api/pemda/${o.pemda}/bantuan`,
    body: {
      nama: 'Layanan bantuan',
      telepon: '',
      whatsapp: '',
      email: '',
      jamLayanan: '',
      alamat: '',
      version: 0,
    },
  })),
  'GET /api/pemda/:kode/zona': obj(['admin'], false, (o) => ({ url: `/api/pemda/${o.pemda}/zona` })),
  'PUT /api/pemda/:kode/zona': obj(['admin'], false, (o) => ({
    url: `/api/pemda/${o.pemda}/zona`,
    body: { zona: 'Asia/Jakarta', version: 0 },
  })),
  'PUT /api/unit/:kode/profil': obj(['admin', 'camat', 'lurah'], true, (o) => ({
    url: `/api/unit/${o.kelurahan}/profil`,
    body: { alamatKantor: 'Jl. Diambil Alih', telepon: '022', email: '', jamPelayanan: '08.00', version: 0 },
  })),

  // audit
  'GET /api/audit/facets': { kind: 'list', roles: ['admin'], requests: () => [{ url: '/api/audit/facets' }] },
  'GET /api/audit': { kind: 'list', roles: ['admin'], requests: () => [{ url: '/api/audit?pageSize=200' }] },
  'POST /api/audit/export': {
    kind: 'own',
    roles: ['admin'],
    why: "starts an export of the actor's own pemda's log (the job and its file are his alone)",
    request: () => ({ url: '/api/audit/export', body: { format: 'csv' } }),
  },

  // background jobs: each person his own, the admin his pemda's and the installation's
  'GET /api/jobs': { kind: 'list', roles: ALL, requests: () => [{ url: '/api/jobs?limit=200' }] },
  'GET /api/jobs/:id': obj(ALL, false, (o) => ({ url: `/api/jobs/${o.jobId}` })),
  'GET /api/jobs/:id/file': obj(ALL, false, (o) => ({ url: `/api/jobs/${o.jobId}/file` })),

  // periode and framework
  'GET /api/periode': { kind: 'list', roles: PEMDA_READERS, requests: () => [{ url: '/api/periode' }] },
  'GET /api/periode/tahun': { kind: 'list', roles: ALL, requests: () => [{ url: '/api/periode/tahun' }] },
  'GET /api/beranda/tugas': { kind: 'list', roles: ALL, requests: () => [{ url: '/api/beranda/tugas' }] },
  'GET /api/periode/latihan': {
    kind: 'list',
    roles: PEMDA_READERS,
    requests: () => [{ url: '/api/periode/latihan' }],
  },
  'GET /api/periode/latihan/mode': {
    kind: 'self',
    why: "the own session's mode latihan, and whether the own pemda has a practice periode",
    request: () => ({ url: '/api/periode/latihan/mode' }),
  },
  'PUT /api/periode/latihan/mode': {
    kind: 'self',
    why: "switches the own session's mode latihan (a cookie); the periode it opens is the own pemda's",
    request: () => ({ url: '/api/periode/latihan/mode', body: { aktif: false } }),
  },
  'PUT /api/periode/latihan': obj(['admin'], false, (o) => ({
    url: '/api/periode/latihan',
    body: { periodeId: o.periodeId },
  })),
  'POST /api/periode': obj(['admin'], false, (o) => ({
    url: '/api/periode',
    body: { tahun: 2031, source: { kind: 'copy', periodeId: o.periodeId } },
  })),
  'GET /api/periode/:id': obj(PEMDA_READERS, false, (o) => ({ url: `/api/periode/${o.periodeId}` })),
  'PUT /api/periode/:id/framework': obj(['admin'], false, (o) => ({
    url: `/api/periode/${o.periodeId}/framework`,
    body: { version: o.periodeVersion, framework: {} },
  })),
  'PUT /api/periode/:id/settings': obj(['admin'], false, (o) => ({
    url: `/api/periode/${o.periodeId}/settings`,
    body: { version: o.periodeVersion, settings: o.periodeSettings },
  })),
  'POST /api/periode/:id/transition': obj(['admin'], false, (o) => ({
    url: `/api/periode/${o.periodeId}/transition`,
    body: { version: o.periodeVersion, to: 'ditutup' },
  })),
  'POST /api/framework/validate': {
    kind: 'own',
    roles: ['admin'],
    why: 'checks a framework sent in the body; reads no stored data',
    request: () => ({ url: '/api/framework/validate', body: { framework: {} } }),
  },
  'GET /api/periode/:id/framework/export': obj(PEMDA_READERS, false, (o) => ({
    url: `/api/periode/${o.periodeId}/framework/export`,
  })),

  // users
  'GET /api/users': { kind: 'list', roles: ['admin'], requests: () => [{ url: '/api/users?pageSize=100' }] },
  'GET /api/users/export.csv': {
    kind: 'list',
    roles: ['admin'],
    requests: () => [{ url: '/api/users/export.csv' }],
  },
  'POST /api/users/import': obj(
    ['admin'],
    false,
    (o) => ({
      url: '/api/users/import',
      body: {
        csv: `username,nama_lengkap,nip,peran,kode_wilayah\npenyusup.impor,Penyusup Impor,,lurah,${o.kelurahan}\n`,
        dryRun: false,
      },
    }),
    FOREIGN_GRANT,
  ),
  'POST /api/users': obj(
    ['admin'],
    false,
    (o) => ({
      url: '/api/users',
      body: {
        username: 'penyusup.baru',
        namaLengkap: 'Penyusup Baru',
        nip: null,
        roles: [{ role: 'lurah', wilayahKode: o.kelurahan }],
      },
    }),
    FOREIGN_GRANT,
  ),
  'GET /api/users/:id': obj(['admin'], false, (o) => ({ url: `/api/users/${o.userId}` })),
  'PUT /api/users/:id': obj(['admin'], false, (o) => ({
    url: `/api/users/${o.userId}`,
    body: {
      version: 0,
      namaLengkap: 'Diambil Alih',
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: o.kelurahan }],
      active: false,
    },
  })),
  'POST /api/users/:id/reset-password': obj(['admin'], false, (o) => ({
    url: `/api/users/${o.userId}/reset-password`,
    body: { version: 0 },
  })),
  'POST /api/users/:id/unlock': obj(['admin'], false, (o) => ({ url: `/api/users/${o.userId}/unlock` })),

  // SKM
  'GET /api/public/skm': {
    kind: 'public',
    why: 'citizens without a QR code pick their kecamatan and kelurahan (public Kemendagri names and codes)',
    request: (o) => ({ url: `/api/public/skm?pemda=${o.pemda}` }),
  },
  'GET /api/public/skm/:kode': {
    kind: 'public',
    why: 'citizens open the survey of any unit from its QR poster',
    request: (o) => ({ url: `/api/public/skm/${o.kelurahan}` }),
  },
  'POST /api/public/skm/:kode': {
    kind: 'public',
    why: 'citizens answer the survey without an account',
    request: (o) => ({ url: `/api/public/skm/${o.kelurahan}`, body: { formToken: 'x', deviceToken: 'y' } }),
  },
  'GET /api/skm/:kode': obj(UNIT_TRACK, true, (o) => ({ url: `/api/skm/${o.kelurahan}?tahun=${o.tahun}` })),
  'POST /api/skm/:kode/export': obj(UNIT_TRACK, true, (o) => ({
    url: `/api/skm/${o.kelurahan}/export`,
    body: { tahun: o.tahun, format: 'csv' },
  })),
  'GET /api/skm/:kode/jawaban': obj(['admin'], true, (o) => ({
    url: `/api/skm/${o.kelurahan}/jawaban?tahun=${o.tahun}`,
  })),
  'GET /api/skm/:kode/posters': obj(UNIT_TRACK, true, (o) => ({ url: `/api/skm/${o.kelurahan}/posters` })),
  'POST /api/skm/jawaban/:id/batal': obj(['admin'], true, (o) => ({
    url: `/api/skm/jawaban/${o.skmId}/batal`,
    body: { alasan: 'dibatalkan oleh penyusup' },
  })),
  'POST /api/skm/jawaban/:id/lepas': obj(['admin'], true, (o) => ({
    url: `/api/skm/jawaban/${o.skmId}/lepas`,
    body: { alasan: 'dilepas oleh penyusup' },
  })),
  'GET /api/skm/karantina': obj(['admin'], true, (o) => ({ url: `/api/skm/karantina?kode=${o.kelurahan}` })),
  'POST /api/skm/:kode/kertas': obj(['admin', 'operator'], true, (o) => ({
    url: `/api/skm/${o.kelurahan}/kertas`,
    body: {
      idempotencyKey: '6f1f4a8e-3c55-4c8e-9a8e-0f4b5d6e7a81',
      tanggal: `${o.tahun}-01-02`,
      jawaban: {
        persyaratan: 1,
        prosedur: 1,
        waktu: 1,
        biaya: 1,
        produk: 1,
        kompetensi: 1,
        perilaku: 1,
        pengaduan: 1,
        sarana: 1,
      },
    },
  })),
  'GET /api/skm/:kode/pengaturan': obj(['admin', 'camat', 'lurah', 'operator'], true, (o) => ({
    url: `/api/skm/${o.kelurahan}/pengaturan?tahun=${o.tahun}`,
  })),
  'PUT /api/skm/:kode/pengaturan': obj(['admin'], true, (o) => ({
    url: `/api/skm/${o.kelurahan}/pengaturan`,
    body: { tahun: o.tahun, kodeLayananWajib: true },
  })),
  'POST /api/skm/:kode/kode-layanan': obj(['admin', 'camat', 'lurah', 'operator'], true, (o) => ({
    url: `/api/skm/${o.kelurahan}/kode-layanan`,
    body: { jumlah: 1 },
  })),
  'GET /api/skm/:kode/kode-layanan/:batchId': obj(['admin', 'camat', 'lurah', 'operator'], true, (o) => ({
    url: `/api/skm/${o.kelurahan}/kode-layanan/2b7e0c52-9a51-4c9b-8f0e-4d1c3a5b6e70`,
  })),
  'GET /api/skm/saran': {
    kind: 'list',
    roles: ['admin', 'verifikator'],
    requests: (o) => [
      { url: '/api/skm/saran' },
      { url: `/api/skm/saran?kode=${o.kelurahan}`, foreignFilter: true },
    ],
  },
  'POST /api/skm/saran/:id/moderasi': obj(['admin', 'verifikator'], true, (o) => ({
    url: `/api/skm/saran/${o.skmId}/moderasi`,
    body: { status: 'disetujui' },
  })),

  // laporan
  'GET /api/laporan/unit/:kode': obj(LAPORAN_READ, true, (o) => ({
    url: `/api/laporan/unit/${o.kelurahan}`,
  })),
  'POST /api/laporan': obj(['camat', 'lurah', 'operator', 'admin'], true, (o) => ({
    url: '/api/laporan',
    body: { wilayahKode: o.kelurahan, kind: 'bulanan', bulan: 2 },
  })),
  'GET /api/laporan/:id': obj(LAPORAN_READ, true, (o) => ({ url: `/api/laporan/${o.laporanId}` })),
  'GET /api/laporan/:id/preview': obj(LAPORAN_READ, true, (o) => ({
    url: `/api/laporan/${o.laporanId}/preview`,
  })),
  'GET /api/laporan/:id/timeline': obj(LAPORAN_READ, true, (o) => ({
    url: `/api/laporan/${o.laporanId}/timeline`,
  })),
  'PATCH /api/laporan/:id/isian': obj(['camat', 'lurah', 'operator'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/isian`,
    body: { entries: [{ indikatorCode: o.indikatorCode, value: 0, version: V }] },
  })),
  'POST /api/laporan/:id/ajukan': obj(['camat', 'lurah'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/ajukan`,
    body: { version: V },
  })),
  'POST /api/laporan/:id/sahkan': obj(['camat'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/sahkan`,
    body: { version: V },
  })),
  'POST /api/laporan/:id/kembalikan': obj(['camat', 'verifikator'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/kembalikan`,
    body: { version: V, reason: 'dikembalikan penyusup' },
  })),
  'PUT /api/laporan/:id/isian/:code/keputusan': obj(['verifikator'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/isian/${o.indikatorCode}/keputusan`,
    body: { version: V, decision: 'diterima' },
  })),
  'GET /api/laporan/:id/komentar': obj(LAPORAN_READ, true, (o) => ({
    url: `/api/laporan/${o.laporanId}/komentar`,
  })),
  'POST /api/laporan/:id/isian/:code/komentar': obj(
    ['camat', 'lurah', 'operator', 'verifikator', 'admin'],
    true,
    (o) => ({
      url: `/api/laporan/${o.laporanId}/isian/${o.indikatorCode}/komentar`,
      body: { isi: 'Komentar penyusup' },
    }),
  ),
  'POST /api/laporan/:id/terima-semua': obj(['verifikator'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/terima-semua`,
    body: { entries: [{ indikatorCode: o.indikatorCode, version: V }] },
  })),
  'POST /api/laporan/:id/setujui': obj(['verifikator'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/setujui`,
    body: { version: V },
  })),
  'POST /api/laporan/:id/buka-kembali': obj(['admin'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/buka-kembali`,
    body: { version: V, reason: 'dibuka penyusup' },
  })),
  'PUT /api/laporan/:id/izin-terlambat': obj(['admin'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/izin-terlambat`,
    body: { version: V, until: '2026-05-01T00:00:00+07:00', reason: 'izin dari penyusup' },
  })),
  // Every signed-in person gets the queue of what waits for him (empty for a lurah or operator).
  'GET /api/laporan/queue': {
    kind: 'list',
    roles: ALL,
    requests: (o) => [
      { url: '/api/laporan/queue?pageSize=100' },
      { url: '/api/laporan/queue?status=diajukan&pageSize=100' },
      { url: `/api/laporan/queue?kecamatan=${o.kecamatan}&pageSize=100`, foreignFilter: true },
    ],
  },
  'GET /api/laporan/queue/counts': {
    kind: 'list',
    roles: ALL,
    requests: () => [{ url: '/api/laporan/queue/counts' }],
  },

  // evidence
  'POST /api/laporan/:id/isian/:code/bukti': obj(['camat', 'lurah', 'operator'], true, (o) => ({
    url: `/api/laporan/${o.laporanId}/isian/${o.indikatorCode}/bukti`,
    upload: 'penyusup.pdf',
  })),
  'GET /api/bukti/:id': obj(LAPORAN_READ, true, (o) => ({ url: `/api/bukti/${o.evidenceId}` })),
  'DELETE /api/bukti/:id': obj(['camat', 'lurah', 'operator'], true, (o) => ({
    url: `/api/bukti/${o.evidenceId}`,
  })),

  // notifications (each person's own)
  'GET /api/notifications': { kind: 'list', roles: ALL, requests: () => [{ url: '/api/notifications' }] },
  'GET /api/notifications/unread-count': {
    kind: 'list',
    roles: ALL,
    requests: () => [{ url: '/api/notifications/unread-count' }],
  },
  'POST /api/notifications/:id/read': obj(ALL, true, (o) => ({
    url: `/api/notifications/${o.notificationId}/read`,
    body: {},
  })),
  'POST /api/notifications/read-all': {
    kind: 'self',
    why: 'marks the own notifications',
    request: () => ({ url: '/api/notifications/read-all', body: {} }),
  },

  // rapor (the actor's pemda is implied; a foreign unit is named in the URL)
  'GET /api/rapor/:tahun/unit/:kode': obj(UNIT_TRACK, true, (o) => ({
    url: `/api/rapor/${o.tahun}/unit/${o.kelurahan}`,
  })),
  'GET /api/rapor/:tahun/unit/:kode/export': obj(UNIT_TRACK, true, (o) => ({
    url: `/api/rapor/${o.tahun}/unit/${o.kelurahan}/export?format=csv`,
  })),
  'GET /api/rapor/:tahun/peringkat': {
    kind: 'list',
    roles: ALL,
    requests: (o) => [
      { url: `/api/rapor/${o.tahun}/peringkat?level=kelurahan` },
      { url: `/api/rapor/${o.tahun}/peringkat?level=kelurahan&kecamatan=${o.kecamatan}` },
    ],
  },
  'GET /api/rapor/:tahun/peringkat/export': {
    kind: 'list',
    roles: PEMDA_READERS,
    requests: (o) => [{ url: `/api/rapor/${o.tahun}/peringkat/export?format=csv&level=kelurahan` }],
  },
  'POST /api/rapor/:tahun/export': {
    kind: 'own',
    roles: PEMDA_READERS,
    why: "starts the export of the actor's own pemda's rapor (the job and its file are his alone)",
    request: (o) => ({ url: `/api/rapor/${o.tahun}/export`, body: { format: 'csv' } }),
  },
  'GET /api/rapor/:tahun/sepuluh-besar': {
    kind: 'list',
    roles: ALL,
    requests: (o) => [{ url: `/api/rapor/${o.tahun}/sepuluh-besar` }],
  },
  'GET /api/rapor/:tahun/analitik': {
    kind: 'list',
    roles: PEMDA_READERS,
    requests: (o) => [{ url: `/api/rapor/${o.tahun}/analitik` }],
  },
  'GET /api/rapor/:tahun/keberatan': {
    kind: 'list',
    roles: ALL,
    requests: (o) => [{ url: `/api/rapor/${o.tahun}/keberatan` }],
  },
  'POST /api/rapor/:tahun/keberatan': obj(['camat', 'lurah'], true, (o) => ({
    url: `/api/rapor/${o.tahun}/keberatan`,
    body: { wilayahKode: o.kelurahan, isi: 'Keberatan penyusup atas nilai unit lain di luar wewenang' },
  })),
  'POST /api/rapor/:tahun/keberatan/:id/keputusan': obj(['admin'], false, (o) => ({
    url: `/api/rapor/${o.tahun}/keberatan/${o.keberatanId}/keputusan`,
    body: { version: 1, status: 'ditolak', keputusan: 'Diputuskan oleh penyusup' },
  })),
  'GET /api/rapor/:tahun/publikasi': {
    kind: 'list',
    roles: ['admin'],
    requests: (o) => [{ url: `/api/rapor/${o.tahun}/publikasi` }],
  },
  'GET /api/rapor/:tahun/publikasi/pratinjau': {
    kind: 'list',
    roles: ['admin'],
    requests: (o) => [{ url: `/api/rapor/${o.tahun}/publikasi/pratinjau` }],
  },
  'POST /api/rapor/:tahun/publikasi': {
    kind: 'own',
    roles: ['admin'],
    why: "publishes the actor's own pemda (no pemda in the request)",
    request: (o) => ({
      url: `/api/rapor/${o.tahun}/publikasi`,
      body: { reason: 'diumumkan penyusup', konfirmasi: true },
    }),
  },
  'POST /api/rapor/:tahun/revisi': {
    kind: 'own',
    roles: ['admin'],
    why: "revises the actor's own pemda's publication",
    request: (o) => ({ url: `/api/rapor/${o.tahun}/revisi`, body: { reason: 'revisi oleh penyusup asing' } }),
  },
  'GET /api/public/peringkat': {
    kind: 'public',
    why: 'which years were published is public (the login page links to the latest)',
    request: (o) => ({ url: `/api/public/peringkat?pemda=${o.pemda}` }),
  },
  'GET /api/public/peringkat/:tahun': {
    kind: 'public',
    why: 'published rankings are public by design (unpublished data must not show)',
    request: (o) => ({ url: `/api/public/peringkat/${o.tahun}?pemda=${o.pemda}` }),
  },
  'GET /api/public/peringkat/:tahun/unit/:kode': {
    kind: 'public',
    why: "a unit's published rapor and IKM are public by design (unpublished data must not show)",
    request: (o) => ({ url: `/api/public/peringkat/${o.tahun}/unit/${o.kelurahan}?pemda=${o.pemda}` }),
  },
  'GET /api/public/peringkat/:tahun/kelurahan': {
    kind: 'public',
    why: 'published kelurahan rankings are public by design (unpublished data must not show)',
    request: (o) => ({ url: `/api/public/peringkat/${o.tahun}/kelurahan?pemda=${o.pemda}` }),
  },

  // kepegawaian: the organisation of the actor's own pemda (authz kepegawaian:read / :manage)
  // Import and export of the organisation as spreadsheets. A row naming a wilayah of another pemda
  // is a wrong row of the file (400 listing it); the mixed-scope test names foreign codes too.
  'POST /api/kepegawaian/impor': obj(
    KEPEGAWAIAN,
    false,
    (o) => ({
      url: '/api/kepegawaian/impor',
      body: {
        jenis: 'unit-kerja',
        format: 'csv',
        isi: `kode;nama;jenis;kode_wilayah\nPENYUSUP;Unit Penyusup;kecamatan;${o.kecamatan}\n`,
        dryRun: false,
      },
    }),
    FOREIGN_WILAYAH,
  ),
  'GET /api/kepegawaian/ekspor/:jenis': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: () => [
      { url: '/api/kepegawaian/ekspor/unit-kerja?format=csv' },
      { url: '/api/kepegawaian/ekspor/jabatan?format=csv' },
      { url: '/api/kepegawaian/ekspor/pegawai?format=csv' },
    ],
  },
  'GET /api/kepegawaian/unit-kerja': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: () => [{ url: '/api/kepegawaian/unit-kerja' }],
  },
  'POST /api/kepegawaian/unit-kerja': obj(
    KEPEGAWAIAN,
    false,
    (o) => ({
      url: '/api/kepegawaian/unit-kerja',
      body: {
        kode: 'PENYUSUP',
        nama: 'Unit Penyusup',
        jenis: 'kecamatan',
        wilayahKode: o.kecamatan,
        aktif: true,
      },
    }),
    FOREIGN_WILAYAH,
  ),
  'PUT /api/kepegawaian/unit-kerja/:id': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/unit-kerja/${o.kinerja.unitKerjaId}`,
    body: {
      kode: 'PENYUSUP',
      nama: 'Diambil Alih',
      jenis: 'perangkat_daerah',
      wilayahKode: null,
      aktif: false,
      version: 1,
    },
  })),
  'GET /api/kepegawaian/jabatan': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: (o) => [
      { url: '/api/kepegawaian/jabatan' },
      { url: '/api/kepegawaian/jabatan?tanggal=2026-04-02' },
      { url: `/api/kepegawaian/jabatan?unitKerjaId=${o.kinerja.unitKerjaId}`, foreignFilter: true },
    ],
  },
  'POST /api/kepegawaian/jabatan': obj(KEPEGAWAIAN, false, (o) => ({
    url: '/api/kepegawaian/jabatan',
    body: {
      unitKerjaId: o.kinerja.unitKerjaId,
      kode: 'PENYUSUP',
      nama: 'Jabatan Penyusup',
      jenis: 'pelaksana',
      kelas: 5,
      atasanId: o.kinerja.jabatanAtasanId,
      kepalaUnit: false,
      aktif: true,
    },
  })),
  'PUT /api/kepegawaian/jabatan/:id': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/jabatan/${o.kinerja.jabatanId}`,
    body: {
      unitKerjaId: o.kinerja.unitKerjaId,
      kode: 'PENYUSUP',
      nama: 'Diambil Alih',
      jenis: 'pelaksana',
      kelas: 17,
      atasanId: null,
      kepalaUnit: false,
      aktif: false,
      version: 1,
    },
  })),
  'GET /api/kepegawaian/jabatan/:id/kegiatan': obj(KINERJA_READERS, false, (o) => ({
    url: `/api/kepegawaian/jabatan/${o.kinerja.jabatanId}/kegiatan`,
  })),
  'POST /api/kepegawaian/jabatan/:id/kegiatan': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/jabatan/${o.kinerja.jabatanId}/kegiatan`,
    body: {
      nama: 'Kegiatan Penyusup',
      menitStandar: 480,
      satuan: 'dokumen',
      templat: false,
      urutan: 0,
      aktif: true,
    },
  })),
  'PUT /api/kepegawaian/jabatan/:id/kegiatan/:kegiatanId': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/jabatan/${o.kinerja.jabatanId}/kegiatan/${o.kinerja.kegiatanId}`,
    body: {
      nama: 'Diambil Alih',
      menitStandar: 480,
      satuan: 'dokumen',
      templat: false,
      urutan: 0,
      aktif: false,
    },
  })),
  'GET /api/kepegawaian/pegawai': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: (o) => [
      { url: '/api/kepegawaian/pegawai?pageSize=200' },
      { url: `/api/kepegawaian/pegawai?q=${o.nip}`, foreignFilter: true },
      { url: `/api/kepegawaian/pegawai?unitKerjaId=${o.kinerja.unitKerjaId}`, foreignFilter: true },
    ],
  },
  'GET /api/kepegawaian/pegawai/:id': obj(KINERJA_READERS, false, (o) => ({
    url: `/api/kepegawaian/pegawai/${o.kinerja.pegawaiId}`,
  })),
  // The NIP is a fresh one: a NIP taken in any pemda is refused as taken (see the mixed-scope test).
  'POST /api/kepegawaian/pegawai': obj(KEPEGAWAIAN, false, (o) => ({
    url: '/api/kepegawaian/pegawai',
    body: {
      nip: '198001012005011999',
      nama: 'Pegawai Penyusup',
      status: 'PNS',
      akun: { cara: 'baru', username: 'penyusup.pegawai' },
      penugasan: { jabatanId: o.kinerja.jabatanId, jenis: 'definitif', mulai: '2026-01-01' },
    },
  })),
  'PUT /api/kepegawaian/pegawai/:id': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/pegawai/${o.kinerja.pegawaiId}`,
    body: { nama: 'Diambil Alih', status: 'PPPK', aktif: false, version: 1 },
  })),
  'POST /api/kepegawaian/pegawai/:id/penugasan': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/pegawai/${o.kinerja.pegawaiId}/penugasan`,
    body: { jabatanId: o.kinerja.jabatanAtasanId, jenis: 'plt', mulai: '2026-04-01', selesai: null },
  })),
  'PUT /api/kepegawaian/pegawai/:id/penugasan/:spanId': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/pegawai/${o.kinerja.pegawaiId}/penugasan/${o.kinerja.spanId}`,
    body: { selesai: '2026-01-01' },
  })),
  'GET /api/kepegawaian/libur': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: () => [{ url: '/api/kepegawaian/libur?tahun=2026' }],
  },
  'PUT /api/kepegawaian/libur': {
    kind: 'own',
    roles: KEPEGAWAIAN,
    why: "sets a day of the actor's own pemda's calendar (no pemda in the request)",
    request: () => ({
      url: '/api/kepegawaian/libur',
      body: { tanggal: '2026-08-18', jenis: 'libur_daerah', keterangan: 'Libur penyusup' },
    }),
  },
  // A holiday is named by its date: the foreign pemda's must stay (the home pemda has none that day).
  'DELETE /api/kepegawaian/libur/:tanggal': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/libur/${o.kinerja.liburTanggal}`,
  })),
  'GET /api/kepegawaian/cuti': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: (o) => [
      { url: '/api/kepegawaian/cuti?dari=2026-01-01&sampai=2026-12-31' },
      {
        url: `/api/kepegawaian/cuti?dari=2026-01-01&sampai=2026-12-31&pegawaiId=${o.kinerja.pegawaiId}`,
        foreignFilter: true,
      },
    ],
  },
  'POST /api/kepegawaian/cuti': obj(KEPEGAWAIAN, false, (o) => ({
    url: '/api/kepegawaian/cuti',
    body: {
      pegawaiId: o.kinerja.pegawaiId,
      jenis: 'sakit',
      mulai: '2026-04-20',
      selesai: '2026-04-21',
      keterangan: 'Cuti penyusup',
    },
  })),
  'DELETE /api/kepegawaian/cuti/:id': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/kepegawaian/cuti/${o.kinerja.cutiId}`,
  })),
  'GET /api/kepegawaian/pengaturan/:tahun': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: (o) => [{ url: `/api/kepegawaian/pengaturan/${o.tahun}` }],
  },
  'PUT /api/kepegawaian/pengaturan/:tahun': {
    kind: 'own',
    roles: KEPEGAWAIAN,
    why: "changes the actor's own pemda's kinerja settings of a year (no pemda in the request)",
    request: (o) => ({
      url: `/api/kepegawaian/pengaturan/${o.tahun}`,
      body: { settings: kinerjaDefaults(), version: 1 },
    }),
  },

  // aktivitas: the pegawai's own daily log (authz aktivitas:own; whose log is his pegawai record's)
  'GET /api/aktivitas/hari': {
    kind: 'list',
    roles: PEGAWAI,
    requests: () => [{ url: '/api/aktivitas/hari' }, { url: '/api/aktivitas/hari?tanggal=2026-04-02' }],
  },
  'GET /api/aktivitas/minggu': {
    kind: 'list',
    roles: PEGAWAI,
    requests: () => [{ url: '/api/aktivitas/minggu' }, { url: '/api/aktivitas/minggu?tanggal=2026-03-31' }],
  },
  'GET /api/aktivitas/bulan': {
    kind: 'list',
    roles: PEGAWAI,
    requests: (o) => [
      { url: `/api/aktivitas/bulan?tahun=${o.tahun}&bulan=${o.kinerja.bulanDitutup}` },
      { url: `/api/aktivitas/bulan?tahun=${o.tahun}&bulan=${o.kinerja.bulanBerjalan}` },
    ],
  },
  // The id is made on the device: a foreign entry's id must not be taken over or revealed.
  'POST /api/aktivitas': obj(PEGAWAI, false, (o) => ({
    url: '/api/aktivitas',
    body: {
      id: o.kinerja.aktivitasId,
      tanggal: '2026-04-03',
      mulai: '13:00',
      selesai: '14:00',
      kegiatanId: null,
      uraian: 'Aktivitas penyusup',
      volume: 1,
      satuan: 'dokumen',
      lembur: false,
      catatan: '',
    },
  })),
  'PUT /api/aktivitas/:id': obj(PEGAWAI, false, (o) => ({
    url: `/api/aktivitas/${o.kinerja.aktivitasId}`,
    body: {
      id: o.kinerja.aktivitasId,
      tanggal: '2026-04-03',
      mulai: '13:00',
      selesai: '14:00',
      kegiatanId: null,
      uraian: 'Diubah penyusup',
      volume: 1,
      satuan: 'dokumen',
      lembur: false,
      catatan: '',
      version: o.kinerja.aktivitasVersion,
    },
  })),
  'DELETE /api/aktivitas/:id': obj(PEGAWAI, false, (o) => ({
    url: `/api/aktivitas/${o.kinerja.aktivitasId}?version=${o.kinerja.aktivitasVersion}`,
  })),
  'POST /api/aktivitas/salin': {
    kind: 'own',
    roles: PEGAWAI,
    why: "copies a day of the actor's own log to another of his days (dates only, no one else's)",
    request: () => ({ url: '/api/aktivitas/salin', body: { dari: '2026-04-02', ke: '2026-04-03' } }),
  },

  // persetujuan: the atasan's side; atasan rights come from the positions held on the date
  'GET /api/persetujuan/tim': {
    kind: 'list',
    roles: PEGAWAI,
    requests: (o) => [
      { url: '/api/persetujuan/tim' },
      { url: `/api/persetujuan/tim?tanggal=${o.kinerja.senin}` },
    ],
  },
  'GET /api/persetujuan/anggota/:pegawaiId/minggu': obj(PEGAWAI, false, (o) => ({
    url: `/api/persetujuan/anggota/${o.kinerja.pegawaiId}/minggu?tanggal=2026-04-02`,
  })),
  'POST /api/persetujuan/anggota/:pegawaiId/minggu/:senin/setujui': obj(PEGAWAI, false, (o) => ({
    url: `/api/persetujuan/anggota/${o.kinerja.pegawaiId}/minggu/${o.kinerja.senin}/setujui`,
    body: { items: [{ id: o.kinerja.aktivitasId, version: o.kinerja.aktivitasVersion }] },
  })),
  'POST /api/persetujuan/tim/:senin/setujui': obj(PEGAWAI, false, (o) => ({
    url: `/api/persetujuan/tim/${o.kinerja.senin}/setujui`,
    body: { items: [{ id: o.kinerja.aktivitasId, version: o.kinerja.aktivitasVersion }] },
  })),
  'POST /api/persetujuan/keputusan': obj(PEGAWAI, false, (o) => ({
    url: '/api/persetujuan/keputusan',
    body: {
      id: o.kinerja.aktivitasId,
      version: o.kinerja.aktivitasVersion,
      keputusan: 'tolak',
      alasan: 'Ditolak oleh penyusup',
    },
  })),
  'PUT /api/persetujuan/anggota/:pegawaiId/perilaku/:tahun/:bulan': obj(PEGAWAI, false, (o) => ({
    url: `/api/persetujuan/anggota/${o.kinerja.pegawaiId}/perilaku/${o.tahun}/${o.kinerja.bulanBerjalan}`,
    body: {
      ratings: {
        berorientasi_pelayanan: 1,
        akuntabel: 1,
        kompeten: 1,
        harmonis: 1,
        loyal: 1,
        adaptif: 1,
        kolaboratif: 1,
      },
      catatan: 'Dinilai penyusup',
      version: null,
    },
  })),
  // The atasan, or the personnel office (kinerja:manage) of the pegawai's pemda.
  'POST /api/persetujuan/pengecualian': obj(['pegawai', 'admin_kepegawaian'], false, (o) => ({
    url: '/api/persetujuan/pengecualian',
    body: { pegawaiId: o.kinerja.pegawaiId, tanggal: '2026-03-02', alasan: 'Pengecualian dari penyusup' },
  })),

  // verifikasi kinerja: the independent unit (kinerja:verify), reopening by the personnel office
  'GET /api/verifikasi-kinerja': {
    kind: 'list',
    roles: KINERJA_READERS,
    requests: (o) => [
      { url: `/api/verifikasi-kinerja?tahun=${o.tahun}&bulan=${o.kinerja.bulanDitutup}` },
      { url: `/api/verifikasi-kinerja?tahun=${o.tahun}&bulan=${o.kinerja.bulanBerjalan}` },
    ],
  },
  'GET /api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan': obj(KINERJA_READERS, false, (o) => ({
    url: `/api/verifikasi-kinerja/${o.kinerja.unitKerjaId}/${o.tahun}/${o.kinerja.bulanDitutup}`,
  })),
  // February was never started: nothing but the scope can refuse it.
  'POST /api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan/mulai': obj(
    ['verifikator_kinerja'],
    false,
    (o) => ({
      url: `/api/verifikasi-kinerja/${o.kinerja.unitKerjaId}/${o.tahun}/2/mulai`,
      body: { cara: 'sampel', ukuranSampel: 1 },
    }),
  ),
  'POST /api/verifikasi-kinerja/keputusan': obj(['verifikator_kinerja'], false, (o) => ({
    url: '/api/verifikasi-kinerja/keputusan',
    body: {
      id: o.kinerja.aktivitasDisetujuiId,
      version: o.kinerja.aktivitasDisetujuiVersion,
      keputusan: 'koreksi',
      menit: 1,
      alasan: 'Koreksi oleh penyusup',
    },
  })),
  'POST /api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan/tutup': obj(
    ['verifikator_kinerja'],
    false,
    (o) => ({
      url: `/api/verifikasi-kinerja/${o.kinerja.unitKerjaId}/${o.tahun}/${o.kinerja.bulanBerjalan}/tutup`,
      body: { version: 1 },
    }),
  ),
  'POST /api/verifikasi-kinerja/:unitKerjaId/:tahun/:bulan/buka': obj(KEPEGAWAIAN, false, (o) => ({
    url: `/api/verifikasi-kinerja/${o.kinerja.unitKerjaId}/${o.tahun}/${o.kinerja.bulanDitutup}/buka`,
    body: { alasan: 'Dibuka kembali oleh penyusup' },
  })),
};
