import { useMe } from '@/features/auth/api/get-me';
import { QueuePage } from '@/features/verifikasi/components/queue-page';
import { useWilayahChildren } from '@/features/wilayah/api/get-wilayah-children';

export function VerifikasiRoute() {
  const me = useMe().data;
  // The kecamatan filter lists the kecamatan of the pemda of the first role.
  const kecamatan = useWilayahChildren(me?.roles[0]?.wilayahKode.slice(0, 5) ?? '');
  return <QueuePage kecamatan={kecamatan.data?.items ?? []} />;
}
