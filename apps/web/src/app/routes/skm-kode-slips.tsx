import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { SkmKodeSlips } from '@/features/skm/components/skm-kode-slips';

/** Outside the app layout: the page is what gets printed. */
export function SkmKodeSlipsRoute() {
  const { kode = '', batchId = '' } = useParams();
  return (
    <SkmKodeSlips
      key={batchId}
      kode={kode}
      batchId={batchId}
      backHref={paths.skm.kodeLayanan.getHref(kode)}
    />
  );
}
