import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { LaporanPrint } from '@/features/laporan/components/laporan-print';

/** Outside the app layout: the page is what gets printed. */
export function LaporanPrintRoute() {
  const id = useParams().id ?? '';
  return <LaporanPrint key={id} id={id} backHref={paths.laporan.detail.getHref(id)} />;
}
