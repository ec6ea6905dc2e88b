import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { BeritaAcara } from '@/features/rapor/components/berita-acara';
import { RaporPrint } from '@/features/rapor/components/rapor-print';

/** Outside the app layout: the page is what gets printed. */
export function RaporPrintRoute() {
  const params = useParams();
  const tahun = Number(params.tahun);
  const kode = params.kode ?? '';
  return (
    <RaporPrint
      key={`${tahun}-${kode}`}
      tahun={tahun}
      kode={kode}
      backHref={paths.rapor.unit.getHref(tahun, kode)}
    />
  );
}

/** Outside the app layout: the page is what gets printed. */
export function BeritaAcaraRoute() {
  const tahun = Number(useParams().tahun);
  return <BeritaAcara key={tahun} tahun={tahun} backHref={paths.rapor.publication.getHref(tahun)} />;
}
