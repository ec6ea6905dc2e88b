import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, redirect } from 'react-router';
import { paths, safeReturnPath } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { onSessionExpired } from '@/lib/api-client';
import { loadKinerjaTexts } from '@/lib/i18n/i18n';
import { defaultWilayahKode } from './navigation';
import { FullPageLoader } from './routes/full-page-loader';
import { NotFoundRoute } from './routes/not-found';
import { RequireRole } from './routes/require-role';
import { RootErrorBoundary, RouteErrorBoundary } from './routes/route-error';

/** A kinerja page: its module and the kinerja texts (not in the shell) load together. */
const kinerjaRoute = (load: () => Promise<ComponentType>) => async () => {
  const [Component] = await Promise.all([load(), loadKinerjaTexts()]);
  return { Component };
};

export function createAppRouter(queryClient: QueryClient) {
  const requireUser = async ({ request }: LoaderFunctionArgs) => {
    const me = await queryClient.ensureQueryData(meQueryOptions());
    const url = new URL(request.url);
    if (!me) throw redirect(paths.login.getHref({ returnTo: url.pathname + url.search }));
    if (me.mustChangePassword && url.pathname !== paths.account.password.path) {
      throw redirect(paths.account.password.getHref());
    }
    // The API answers nothing else until a required second factor is set up.
    if (!me.mustChangePassword && me.mustEnrolTotp && url.pathname !== paths.account.security.path) {
      throw redirect(paths.account.security.getHref());
    }
    return null;
  };

  const router = createBrowserRouter([
    {
      path: paths.login.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      loader: async ({ request }) => {
        const me = await queryClient.ensureQueryData(meQueryOptions());
        if (me) throw redirect(safeReturnPath(new URL(request.url).searchParams.get('kembali')));
        return null;
      },
      lazy: async () => ({ Component: (await import('./routes/login')).LoginRoute }),
    },
    {
      // The published rankings: public, no login, outside the app layout.
      path: paths.publicRankings.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      lazy: async () => ({ Component: (await import('./routes/rapor')).PublicRankingsRoute }),
    },
    {
      path: paths.lupaSandi.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      lazy: async () => ({ Component: (await import('./routes/account-email')).LupaSandiRoute }),
    },
    {
      path: paths.resetSandi.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      lazy: async () => ({ Component: (await import('./routes/account-email')).ResetSandiRoute }),
    },
    {
      path: paths.emailLink.konfirmasi.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      lazy: async () => ({ Component: (await import('./routes/account-email')).EmailKonfirmasiRoute }),
    },
    {
      path: paths.emailLink.berhenti.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      lazy: async () => ({ Component: (await import('./routes/account-email')).EmailBerhentiRoute }),
    },
    {
      path: paths.publicLatest.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      lazy: async () => ({ Component: (await import('./routes/rapor')).PublicLatestRoute }),
    },
    {
      path: paths.publicRapor.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      lazy: async () => ({ Component: (await import('./routes/rapor')).PublicRaporRoute }),
    },
    {
      // Printable QR posters: signed in, but outside the app layout (the page is what gets printed).
      path: paths.skm.posters.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      loader: requireUser,
      lazy: async () => ({ Component: (await import('./routes/skm-posters')).SkmPostersRoute }),
    },
    {
      // A unit's rapor on the pemda's letterhead: signed in, outside the app layout.
      path: paths.rapor.print.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      loader: requireUser,
      lazy: async () => ({ Component: (await import('./routes/rapor-print')).RaporPrintRoute }),
    },
    {
      // The berita acara of a published year: the admin, outside the app layout.
      path: paths.rapor.beritaAcara.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      loader: requireUser,
      lazy: async () => ({ Component: (await import('./routes/rapor-print')).BeritaAcaraRoute }),
    },
    {
      // A report as an official A4 document: signed in, outside the app layout like the posters.
      path: paths.laporan.print.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      loader: requireUser,
      lazy: async () => ({ Component: (await import('./routes/laporan-print')).LaporanPrintRoute }),
    },
    {
      // Printable kode layanan slips: signed in, outside the app layout like the posters.
      path: paths.skm.kodeSlips.path,
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      loader: requireUser,
      lazy: async () => ({ Component: (await import('./routes/skm-kode-slips')).SkmKodeSlipsRoute }),
    },
    {
      path: '/',
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RootErrorBoundary,
      loader: requireUser,
      // Revalidate the guard on every navigation: it reads the cache, so it costs nothing.
      shouldRevalidate: () => true,
      lazy: async () => ({ Component: (await import('./routes/app-layout')).AppLayout }),
      children: [
        {
          ErrorBoundary: RouteErrorBoundary,
          children: [
            { index: true, lazy: async () => ({ Component: (await import('./routes/home')).HomeRoute }) },
            {
              path: paths.wilayah.root.path,
              loader: async () => {
                const me = await queryClient.ensureQueryData(meQueryOptions());
                const kode = me ? defaultWilayahKode(me) : undefined;
                if (kode) throw redirect(paths.wilayah.detail.getHref(kode));
                return null;
              },
              lazy: async () => ({ Component: (await import('./routes/wilayah')).WilayahIndexRoute }),
            },
            {
              path: paths.wilayah.detail.path,
              lazy: async () => ({ Component: (await import('./routes/wilayah')).WilayahDetailRoute }),
            },
            {
              path: paths.unit.path,
              lazy: async () => ({ Component: (await import('./routes/unit')).UnitRoute }),
            },
            {
              path: paths.account.password.path,
              lazy: async () => ({
                Component: (await import('./routes/change-password')).ChangePasswordRoute,
              }),
            },
            {
              path: paths.account.security.path,
              lazy: async () => ({
                Component: (await import('./routes/account-security')).AccountSecurityRoute,
              }),
            },
            {
              path: paths.account.email.path,
              lazy: async () => ({ Component: (await import('./routes/account-email')).AccountEmailRoute }),
            },
            {
              element: <RequireRole roles={['admin']} title="audit.title" message="audit.forbidden" />,
              children: [
                {
                  path: paths.admin.audit.path,
                  lazy: async () => ({ Component: (await import('./routes/audit')).AuditRoute }),
                },
              ],
            },
            {
              element: <RequireRole roles={['admin']} title="jobs.title" message="jobs.forbidden" />,
              children: [
                {
                  path: paths.admin.jobs.path,
                  lazy: async () => ({ Component: (await import('./routes/jobs')).JobsRoute }),
                },
              ],
            },
            {
              element: (
                <RequireRole roles={['admin']} title="admin.periode.title" message="admin.forbidden" />
              ),
              children: [
                {
                  path: paths.admin.periode.list.path,
                  lazy: async () => ({
                    Component: (await import('./routes/periode')).PeriodeListRoute,
                  }),
                },
                {
                  path: paths.admin.periode.detail.path,
                  lazy: async () => ({
                    Component: (await import('./routes/periode')).PeriodeDetailRoute,
                  }),
                },
              ],
            },
            {
              element: <RequireRole roles={['admin']} title="admin.users.title" message="admin.forbidden" />,
              children: [
                {
                  path: paths.admin.users.path,
                  lazy: async () => ({ Component: (await import('./routes/users')).UsersRoute }),
                },
              ],
            },
            {
              element: (
                <RequireRole
                  roles={['admin', 'verifikator']}
                  title="skm.moderationTitle"
                  message="skm.moderationIntro"
                />
              ),
              children: [
                {
                  path: paths.skm.moderation.path,
                  lazy: async () => ({
                    Component: (await import('./routes/skm-moderation')).SkmModerationRoute,
                  }),
                },
              ],
            },
            {
              element: (
                <RequireRole
                  roles={['admin', 'camat', 'lurah', 'operator']}
                  title="skm.kodeTitle"
                  message="skm.kodeIntro"
                />
              ),
              children: [
                {
                  path: paths.skm.kodeLayanan.path,
                  lazy: async () => ({
                    Component: (await import('./routes/skm-kode-layanan')).SkmKodeLayananRoute,
                  }),
                },
              ],
            },
            {
              element: (
                <RequireRole roles={['admin', 'operator']} title="skm.paperTitle" message="skm.paperIntro" />
              ),
              children: [
                {
                  path: paths.skm.paper.path,
                  lazy: async () => ({
                    Component: (await import('./routes/skm-paper')).SkmPaperRoute,
                  }),
                },
              ],
            },
            {
              path: paths.skm.report.path,
              lazy: async () => ({ Component: (await import('./routes/skm-report')).SkmReportRoute }),
            },
            {
              path: paths.laporan.root.path,
              lazy: async () => ({ Component: (await import('./routes/laporan')).LaporanIndexRoute }),
            },
            {
              path: paths.laporan.unit.path,
              lazy: async () => ({ Component: (await import('./routes/laporan')).LaporanUnitRoute }),
            },
            {
              path: paths.laporan.detail.path,
              lazy: async () => ({ Component: (await import('./routes/laporan')).LaporanDetailRoute }),
            },
            {
              path: paths.verifikasi.path,
              lazy: async () => ({ Component: (await import('./routes/verifikasi')).VerifikasiRoute }),
            },
            {
              element: (
                <RequireRole
                  roles={['pegawai']}
                  title="kinerja.nav.hari"
                  message="kinerja.forbidden.pegawai"
                />
              ),
              children: [
                {
                  path: paths.aktivitas.hari.path,
                  lazy: kinerjaRoute(async () => (await import('./routes/aktivitas')).AktivitasHariRoute),
                },
                {
                  path: paths.aktivitas.minggu.path,
                  lazy: kinerjaRoute(async () => (await import('./routes/aktivitas')).AktivitasMingguRoute),
                },
                {
                  path: paths.aktivitas.bulan.path,
                  lazy: kinerjaRoute(
                    async () => (await import('./routes/aktivitas-bulan')).AktivitasBulanRoute,
                  ),
                },
                {
                  path: paths.tim.root.path,
                  lazy: kinerjaRoute(async () => (await import('./routes/tim')).TimRoute),
                },
                {
                  path: paths.tim.anggota.path,
                  lazy: kinerjaRoute(async () => (await import('./routes/tim')).AnggotaRoute),
                },
              ],
            },
            {
              element: (
                <RequireRole
                  roles={['verifikator_kinerja', 'admin_kepegawaian']}
                  title="kinerja.nav.verifikasi"
                  message="kinerja.forbidden.verifikasi"
                />
              ),
              children: [
                {
                  path: paths.verifikasiKinerja.root.path,
                  lazy: kinerjaRoute(
                    async () => (await import('./routes/verifikasi-kinerja')).VerifikasiKinerjaRoute,
                  ),
                },
                {
                  path: paths.verifikasiKinerja.unit.path,
                  lazy: kinerjaRoute(
                    async () => (await import('./routes/verifikasi-kinerja')).VerifikasiKinerjaUnitRoute,
                  ),
                },
              ],
            },
            {
              element: (
                <RequireRole
                  roles={['admin_kepegawaian']}
                  title="kinerja.nav.kepegawaian"
                  message="kinerja.forbidden.kepegawaian"
                />
              ),
              children: [
                {
                  path: paths.kepegawaian.root.path,
                  lazy: kinerjaRoute(
                    async () => (await import('./routes/kepegawaian')).KepegawaianLayoutRoute,
                  ),
                  children: [
                    {
                      index: true,
                      lazy: kinerjaRoute(
                        async () => (await import('./routes/kepegawaian')).KepegawaianIndexRoute,
                      ),
                    },
                    {
                      path: paths.kepegawaian.unitKerja.path,
                      lazy: kinerjaRoute(async () => (await import('./routes/kepegawaian')).UnitKerjaRoute),
                    },
                    {
                      path: paths.kepegawaian.jabatan.path,
                      lazy: kinerjaRoute(async () => (await import('./routes/kepegawaian')).JabatanRoute),
                    },
                    {
                      path: paths.kepegawaian.pegawai.path,
                      lazy: kinerjaRoute(async () => (await import('./routes/kepegawaian')).PegawaiRoute),
                    },
                    {
                      path: paths.kepegawaian.pegawaiDetail.path,
                      lazy: kinerjaRoute(
                        async () => (await import('./routes/kepegawaian')).PegawaiDetailRoute,
                      ),
                    },
                    {
                      path: paths.kepegawaian.kalender.path,
                      lazy: kinerjaRoute(async () => (await import('./routes/kepegawaian')).KalenderRoute),
                    },
                    {
                      path: paths.kepegawaian.cuti.path,
                      lazy: kinerjaRoute(async () => (await import('./routes/kepegawaian')).CutiRoute),
                    },
                    {
                      path: paths.kepegawaian.pengaturan.path,
                      lazy: kinerjaRoute(async () => (await import('./routes/kepegawaian')).PengaturanRoute),
                    },
                  ],
                },
              ],
            },
            {
              path: paths.panduan.path,
              lazy: async () => ({ Component: (await import('./routes/panduan')).PanduanRoute }),
            },
            {
              path: paths.notifikasi.path,
              lazy: async () => ({ Component: (await import('./routes/notifications')).NotificationsRoute }),
            },
            {
              path: paths.rapor.unit.path,
              lazy: async () => ({ Component: (await import('./routes/rapor')).RaporRoute }),
            },
            {
              path: paths.rapor.unitTerbaru.path,
              lazy: async () => ({ Component: (await import('./routes/rapor')).RaporTerbaruRoute }),
            },
            {
              path: paths.rapor.rankings.path,
              lazy: async () => ({ Component: (await import('./routes/rapor')).RankingsRoute }),
            },
            {
              path: paths.rapor.analytics.path,
              lazy: async () => ({ Component: (await import('./routes/rapor')).AnalyticsRoute }),
            },
            {
              path: paths.rapor.publication.path,
              lazy: async () => ({ Component: (await import('./routes/rapor')).PublicationRoute }),
            },
            { path: '*', Component: NotFoundRoute },
          ],
        },
      ],
    },
  ]);

  onSessionExpired((why) => {
    const here = router.state.location;
    if (here.pathname === paths.login.path) return;
    queryClient.clear();
    queryClient.setQueryData(meQueryOptions().queryKey, null);
    void router.navigate(
      paths.login.getHref({
        returnTo: here.pathname + here.search,
        reason: why === 'idle' ? 'tidak-aktif' : 'sesi-berakhir',
      }),
      { replace: true },
    );
  });

  return router;
}
