import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { SkmPosters } from '@/features/skm/components/skm-posters';

/** Outside the app layout: the page is what gets printed. */
export function SkmPostersRoute() {
  const kode = useParams().kode ?? '';
  return <SkmPosters key={kode} kode={kode} backHref={paths.skm.report.getHref(kode)} />;
}
