/** Every URL of the web app, built in one place so links and routes cannot drift apart. */
export const paths = {
  login: {
    path: '/masuk',
    getHref: (opts: { returnTo?: string; reason?: 'sesi-berakhir' | 'keluar' } = {}) => {
      const params = new URLSearchParams();
      if (opts.returnTo && opts.returnTo !== '/') params.set('kembali', opts.returnTo);
      if (opts.reason) params.set('alasan', opts.reason);
      const qs = params.toString();
      return `/masuk${qs ? `?${qs}` : ''}`;
    },
  },
  home: { path: '/', getHref: () => '/' },
  wilayah: {
    root: { path: '/wilayah', getHref: () => '/wilayah' },
    detail: { path: '/wilayah/:kode', getHref: (kode: string) => `/wilayah/${kode}` },
  },
  unit: { path: '/unit/:kode', getHref: (kode: string) => `/unit/${kode}` },
  account: { password: { path: '/akun/kata-sandi', getHref: () => '/akun/kata-sandi' } },
  admin: { audit: { path: '/admin/audit', getHref: () => '/admin/audit' } },
} as const;

/** Only same-app paths may be used as a return target (no open redirects to other sites). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith(paths.login.path)) return '/';
  return value;
}
