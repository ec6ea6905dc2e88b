import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { SkmPaperForm } from '@/features/skm/components/skm-paper-form';

export function SkmPaperRoute() {
  const kode = useParams().kode ?? '';
  return <SkmPaperForm key={kode} kode={kode} reportHref={paths.skm.report.getHref(kode)} />;
}
