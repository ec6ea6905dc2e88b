import { useParams } from 'react-router';
import { UnitProfile } from '@/features/unit/components/unit-profile';

export function UnitRoute() {
  const kode = useParams().kode ?? '';
  return <UnitProfile key={kode} kode={kode} />;
}
