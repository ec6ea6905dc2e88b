import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { DEFAULT_PEMDA } from '@/config/pemda';
import { useMe } from '@/features/auth/api/get-me';
import { ExportJobButtons } from '@/features/jobs/components/export-job-buttons';
import { useStartRaporExport } from '@/features/rapor/api/start-rapor-export';
import { AnalyticsView } from '@/features/rapor/components/analytics-view';
import { KeberatanCard } from '@/features/rapor/components/keberatan-card';
import { PublicLatest } from '@/features/rapor/components/public-latest';
import { PublicRankings } from '@/features/rapor/components/public-rankings';
import { PublicRapor } from '@/features/rapor/components/public-rapor';
import { PublicationView } from '@/features/rapor/components/publication-view';
import { RankingsView } from '@/features/rapor/components/rankings-view';
import { RaporView } from '@/features/rapor/components/rapor-view';
import { yearInZone } from '@/lib/format';
import { YearPage } from './year-page';

/** The assessment year in the pemda's zone. */
export const currentTahun = () => yearInZone(new Date());
const tahunOf = (v: string | undefined) => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n >= 2000 && n <= 2100 ? n : currentTahun();
};

export function RaporRoute() {
  const params = useParams();
  const tahun = tahunOf(params.tahun);
  const kode = params.kode ?? '';
  // The unit's own lurah or camat may object to its rapor (the API decides; this only shows the form).
  const canFile = (useMe().data?.roles ?? []).some(
    (r) => (r.role === 'lurah' || r.role === 'camat') && r.wilayahKode === kode,
  );
  // Any year may be asked for (its rapor answers for itself); the selector lists the years one may open.
  return (
    <YearPage tahun={tahun} hrefOf={(y) => paths.rapor.unit.getHref(y, kode)} requireKnown={false}>
      {({ yearSelect }) => (
        <Stack gap="md">
          <div className="no-print">{yearSelect}</div>
          <RaporView key={`${tahun}-${kode}`} tahun={tahun} kode={kode} />
          <KeberatanCard tahun={tahun} kode={kode} canFile={canFile} />
        </Stack>
      )}
    </YearPage>
  );
}

/** /rapor/unit/:kode: the unit's rapor of the year the person has work in. */
export function RaporTerbaruRoute() {
  const kode = useParams().kode ?? '';
  return (
    <YearPage tahun={null} hrefOf={(y) => paths.rapor.unit.getHref(y, kode)}>
      {() => <Navigate to={paths.rapor.unit.getHref(currentTahun(), kode)} replace />}
    </YearPage>
  );
}

export function RankingsRoute() {
  const tahun = tahunOf(useParams().tahun);
  const me = useMe().data;
  const canExport = (me?.roles ?? []).some(
    (r) => r.role === 'admin' || r.role === 'analis' || r.role === 'verifikator',
  );
  return (
    <RankingsView
      tahun={tahun}
      raporHref={(kode) => paths.rapor.unit.getHref(tahun, kode)}
      canExport={canExport}
    />
  );
}

export function AnalyticsRoute() {
  const { t } = useTranslation();
  const tahun = tahunOf(useParams().tahun);
  const startExport = useStartRaporExport();
  return (
    <AnalyticsView
      tahun={tahun}
      exportAll={
        <ExportJobButtons
          key={tahun}
          formats={['xlsx', 'csv'] as const}
          label={(format) => t('rapor.analytics.downloadAll', { format: format.toUpperCase() })}
          start={async (format) => (await startExport.mutateAsync({ tahun, format })).job}
        />
      }
    />
  );
}

export function PublicationRoute() {
  const tahun = tahunOf(useParams().tahun);
  return <PublicationView tahun={tahun} publicHref={paths.publicRankings.getHref(tahun)} />;
}

/** Public: no login, outside the app layout. */
function PublicLoginLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.login.getHref()} size="sm">
      {t('rapor.public.login')}
    </Anchor>
  );
}

export function PublicRankingsRoute() {
  const tahun = tahunOf(useParams().tahun);
  return <PublicRankings tahun={tahun} pemda={DEFAULT_PEMDA} loginLink={<PublicLoginLink />} />;
}

/** /peringkat: the latest published year (the login page links here). */
export function PublicLatestRoute() {
  return <PublicLatest pemda={DEFAULT_PEMDA} loginLink={<PublicLoginLink />} />;
}

export function PublicRaporRoute() {
  const params = useParams();
  return (
    <PublicRapor
      tahun={tahunOf(params.tahun)}
      kode={params.kode ?? ''}
      pemda={DEFAULT_PEMDA}
      loginLink={<PublicLoginLink />}
    />
  );
}
