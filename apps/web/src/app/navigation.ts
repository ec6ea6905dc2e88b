import type { Me, Role } from '@sip/contracts';
import { levelOfKode } from '@sip/contracts';
import { paths } from '@/config/paths';
import { yearInZone } from '@/lib/format';

export type NavIcon =
  | 'home'
  | 'wilayah'
  | 'unit'
  | 'audit'
  | 'jobs'
  | 'scope'
  | 'account'
  | 'periode'
  | 'users'
  | 'skm'
  | 'skmModeration'
  | 'laporan'
  | 'verifikasi'
  | 'rapor'
  | 'rankings'
  | 'analytics'
  | 'publication'
  | 'aktivitasHari'
  | 'aktivitasMinggu'
  | 'aktivitasBulan'
  | 'tim'
  | 'verifikasiKinerja'
  | 'kepegawaian'
  | 'help';

export interface NavItem {
  key: string;
  to: string;
  /** i18n key of the label. */
  label:
    | 'nav.home'
    | 'nav.wilayah'
    | 'nav.myUnit'
    | 'nav.audit'
    | 'nav.assessmentArea'
    | 'nav.account'
    | 'nav.skm'
    | 'nav.skmModeration'
    | 'admin.nav.periode'
    | 'admin.nav.users'
    | 'admin.nav.jobs'
    | 'laporan.nav.reports'
    | 'laporan.nav.review'
    | 'rapor.nav.rapor'
    | 'rapor.nav.rankings'
    | 'rapor.nav.analytics'
    | 'rapor.nav.publication'
    | 'kinerja.nav.hari'
    | 'kinerja.nav.minggu'
    | 'kinerja.nav.bulan'
    | 'kinerja.nav.tim'
    | 'kinerja.nav.verifikasi'
    | 'kinerja.nav.kepegawaian'
    | 'nav.help';
  /** The wilayah name shown under the label when a user has several links of one kind. */
  description?: string;
  icon: NavIcon;
}

const unitRoles = new Set<Role>(['camat', 'lurah', 'operator']);
const scopeRoles = new Set<Role>(['verifikator', 'analis']);

export function hasRole(me: Me, role: Role): boolean {
  return me.roles.some((r) => r.role === role);
}

/** The links a user sees: only pages that exist and that the user's roles may open. */
export function buildNavigation(me: Me): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', to: paths.home.getHref(), label: 'nav.home', icon: 'home' },
    { key: 'wilayah', to: paths.wilayah.root.getHref(), label: 'nav.wilayah', icon: 'wilayah' },
  ];

  // Kinerja pegawai: the own log first (a pegawai opens it every day). "Tim saya" is shown to every
  // pegawai: atasan rights come from the position tree on the date, the board is empty for others.
  if (hasRole(me, 'pegawai')) {
    items.push(
      {
        key: 'aktivitas',
        to: paths.aktivitas.hari.getHref(),
        label: 'kinerja.nav.hari',
        icon: 'aktivitasHari',
      },
      {
        key: 'aktivitas-minggu',
        to: paths.aktivitas.minggu.getHref(),
        label: 'kinerja.nav.minggu',
        icon: 'aktivitasMinggu',
      },
      {
        key: 'aktivitas-bulan',
        to: paths.aktivitas.bulan.getHref(),
        label: 'kinerja.nav.bulan',
        icon: 'aktivitasBulan',
      },
      { key: 'tim', to: paths.tim.root.getHref(), label: 'kinerja.nav.tim', icon: 'tim' },
    );
  }
  if (hasRole(me, 'verifikator_kinerja') || hasRole(me, 'admin_kepegawaian')) {
    items.push({
      key: 'verifikasi-kinerja',
      to: paths.verifikasiKinerja.root.getHref(),
      label: 'kinerja.nav.verifikasi',
      icon: 'verifikasiKinerja',
    });
  }
  if (hasRole(me, 'admin_kepegawaian')) {
    items.push({
      key: 'kepegawaian',
      to: paths.kepegawaian.root.getHref(),
      label: 'kinerja.nav.kepegawaian',
      icon: 'kepegawaian',
    });
  }

  const units = uniqueBy(
    me.roles.filter((r) => unitRoles.has(r.role)),
    (r) => r.wilayahKode,
  );
  for (const r of units) {
    items.push({
      key: `unit-${r.wilayahKode}`,
      to: paths.unit.getHref(r.wilayahKode),
      label: 'nav.myUnit',
      ...(units.length > 1 ? { description: r.wilayahNama } : {}),
      icon: 'unit',
    });
  }

  for (const r of units) {
    items.push({
      key: `laporan-${r.wilayahKode}`,
      to: paths.laporan.unit.getHref(r.wilayahKode),
      label: 'laporan.nav.reports',
      ...(units.length > 1 ? { description: r.wilayahNama } : {}),
      icon: 'laporan',
    });
  }
  // Camat endorse kelurahan reports; verifikator verify; admins look reports up to reopen them.
  if (hasRole(me, 'camat') || hasRole(me, 'verifikator') || hasRole(me, 'admin')) {
    items.push({
      key: 'verifikasi',
      to: paths.verifikasi.getHref(),
      label: 'laporan.nav.review',
      icon: 'verifikasi',
    });
  }

  // Rapor: a unit's own; rankings for everyone (filtered by the API); analytics for pemda roles.
  const tahun = yearInZone(new Date());
  for (const r of units) {
    items.push({
      key: `rapor-${r.wilayahKode}`,
      // Opens on the year the person has work in (the page redirects to that year's URL).
      to: paths.rapor.unitTerbaru.getHref(r.wilayahKode),
      label: 'rapor.nav.rapor',
      ...(units.length > 1 ? { description: r.wilayahNama } : {}),
      icon: 'rapor',
    });
  }
  items.push({
    key: 'peringkat',
    to: paths.rapor.rankings.getHref(tahun),
    label: 'rapor.nav.rankings',
    icon: 'rankings',
  });
  if (hasRole(me, 'analis') || hasRole(me, 'verifikator') || hasRole(me, 'admin')) {
    items.push({
      key: 'analitik',
      to: paths.rapor.analytics.getHref(tahun),
      label: 'rapor.nav.analytics',
      icon: 'analytics',
    });
  }
  if (hasRole(me, 'admin')) {
    items.push({
      key: 'publikasi',
      to: paths.rapor.publication.getHref(tahun),
      label: 'rapor.nav.publication',
      icon: 'publication',
    });
  }

  const scopes = uniqueBy(
    me.roles.filter((r) => scopeRoles.has(r.role)),
    (r) => r.wilayahKode,
  );
  for (const r of scopes) {
    items.push({
      key: `scope-${r.wilayahKode}`,
      to: paths.wilayah.detail.getHref(r.wilayahKode),
      label: 'nav.assessmentArea',
      description: r.wilayahNama,
      icon: 'scope',
    });
  }

  // SKM/IKM report: every role reads it for its own wilayah (lurah/operator their unit, camat his
  // kecamatan, pemda roles the pemda); suggestions are moderated by admin and verifikator.
  const skmScopes = uniqueBy(me.roles, (r) => r.wilayahKode);
  for (const r of skmScopes) {
    items.push({
      key: `skm-${r.wilayahKode}`,
      to: paths.skm.report.getHref(r.wilayahKode),
      label: 'nav.skm',
      ...(skmScopes.length > 1 ? { description: r.wilayahNama } : {}),
      icon: 'skm',
    });
  }
  if (hasRole(me, 'admin') || hasRole(me, 'verifikator')) {
    items.push({
      key: 'skm-moderasi',
      to: paths.skm.moderation.getHref(),
      label: 'nav.skmModeration',
      icon: 'skmModeration',
    });
  }

  if (hasRole(me, 'admin')) {
    items.push(
      { key: 'periode', to: paths.admin.periode.list.getHref(), label: 'admin.nav.periode', icon: 'periode' },
      { key: 'users', to: paths.admin.users.getHref(), label: 'admin.nav.users', icon: 'users' },
      { key: 'audit', to: paths.admin.audit.getHref(), label: 'nav.audit', icon: 'audit' },
      { key: 'jobs', to: paths.admin.jobs.getHref(), label: 'admin.nav.jobs', icon: 'jobs' },
    );
  }
  items.push({ key: 'account', to: paths.account.password.getHref(), label: 'nav.account', icon: 'account' });
  items.push({ key: 'panduan', to: paths.panduan.getHref(), label: 'nav.help', icon: 'help' });
  return items;
}

/** The nav item for the current page: the longest link that is a prefix of the path ("/" only matches itself). */
export function activeNavKey(items: NavItem[], pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    const matches =
      item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (matches && (!best || item.to.length > best.to.length)) best = item;
  }
  return best?.key;
}

/**
 * Where "Wilayah" opens: the regency a role is scoped to (e.g. 32.73), else the regency of the first
 * role's wilayah, else nothing (the province list).
 */
export function defaultWilayahKode(me: Me): string | undefined {
  const regency = me.roles.find((r) => levelOfKode(r.wilayahKode) === 'kabupaten_kota');
  if (regency) return regency.wilayahKode;
  const first = me.roles[0];
  if (!first) return undefined;
  return levelOfKode(first.wilayahKode) === 'provinsi' ? first.wilayahKode : first.wilayahKode.slice(0, 5);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
