import { Navigate, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { LaporanPage } from '@/features/laporan/components/laporan-page';
import { UnitLaporanOverview } from '@/features/laporan/components/unit-overview';
import { tahunParam, YearPage } from './year-page';

const unitRoles = new Set(['camat', 'lurah', 'operator']);

/** /laporan: the reports of the user's own unit (the first one he reports for). */
export function LaporanIndexRoute() {
  const me = useMe().data;
  const unit = me?.roles.find((r) => unitRoles.has(r.role));
  if (unit) return <Navigate to={paths.laporan.unit.getHref(unit.wilayahKode)} replace />;
  return <Navigate to={paths.verifikasi.getHref()} replace />;
}

/** /laporan/unit/:kode?tahun=: a unit's reports of one year (without a year: the year with work). */
export function LaporanUnitRoute() {
  const kode = useParams().kode ?? '';
  const tahun = tahunParam(useSearchParams()[0].get('tahun'));
  return (
    <YearPage tahun={tahun} hrefOf={(y) => paths.laporan.unit.getHref(kode, y)}>
      {({ periode, yearSelect }) => (
        <UnitLaporanOverview
          key={`${kode}-${periode?.id ?? ''}`}
          kode={kode}
          periodeId={periode?.id}
          yearSelect={yearSelect}
        />
      )}
    </YearPage>
  );
}

export function LaporanDetailRoute() {
  const id = useParams().id ?? '';
  return <LaporanPage key={id} id={id} />;
}
