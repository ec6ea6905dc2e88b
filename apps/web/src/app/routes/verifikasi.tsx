import { useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { QueuePage } from '@/features/verifikasi/components/queue-page';
import { useWilayahChildren } from '@/features/wilayah/api/get-wilayah-children';
import { tahunParam, YearPage } from './year-page';

/** /verifikasi?tahun=: the review queue of one year (without a year: the year with work waiting). */
export function VerifikasiRoute() {
  const me = useMe().data;
  const tahun = tahunParam(useSearchParams()[0].get('tahun'));
  // The kecamatan filter lists the kecamatan of the pemda of the first role.
  const kecamatan = useWilayahChildren(me?.roles[0]?.wilayahKode.slice(0, 5) ?? '');
  return (
    <YearPage tahun={tahun} hrefOf={(y) => paths.verifikasi.getHref(y)}>
      {({ periode, yearSelect }) => (
        <QueuePage
          key={periode?.id ?? ''}
          kecamatan={kecamatan.data?.items ?? []}
          periodeId={periode?.id}
          yearSelect={yearSelect}
        />
      )}
    </YearPage>
  );
}
