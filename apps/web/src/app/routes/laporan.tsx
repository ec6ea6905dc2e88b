import { Navigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { LaporanPage } from '@/features/laporan/components/laporan-page';
import { UnitLaporanOverview } from '@/features/laporan/components/unit-overview';

const unitRoles = new Set(['camat', 'lurah', 'operator']);

/** /laporan: the reports of the user's own unit (the first one he reports for). */
export function LaporanIndexRoute() {
  const me = useMe().data;
  const unit = me?.roles.find((r) => unitRoles.has(r.role));
  if (unit) return <Navigate to={paths.laporan.unit.getHref(unit.wilayahKode)} replace />;
  return <Navigate to={paths.verifikasi.getHref()} replace />;
}

export function LaporanUnitRoute() {
  const kode = useParams().kode ?? '';
  return <UnitLaporanOverview key={kode} kode={kode} />;
}

export function LaporanDetailRoute() {
  const id = useParams().id ?? '';
  return <LaporanPage key={id} id={id} />;
}
