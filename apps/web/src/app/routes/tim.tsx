import { useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { AnggotaPage } from '@/features/persetujuan/components/anggota-page';
import { TimPage } from '@/features/persetujuan/components/tim-page';
import { dayInZone } from '@/lib/format';
import { parseTanggal, seninDari } from '@/lib/tanggal';

function useWeek() {
  const today = dayInZone(new Date());
  const senin = seninDari(parseTanggal(useSearchParams()[0].get('tanggal')) ?? today);
  return { today, senin, thisWeek: seninDari(today) };
}

/** /tim?tanggal=: the atasan's team board of a week. */
export function TimRoute() {
  const navigate = useNavigate();
  const { today, senin, thisWeek } = useWeek();
  return (
    <TimPage
      senin={senin}
      today={today}
      onSenin={(s) => void navigate(paths.tim.root.getHref(s === thisWeek ? undefined : s))}
    />
  );
}

/** /tim/:pegawaiId?tanggal=: one member's week. */
export function AnggotaRoute() {
  const navigate = useNavigate();
  const pegawaiId = useParams().pegawaiId ?? '';
  const { today, senin, thisWeek } = useWeek();
  return (
    <AnggotaPage
      key={pegawaiId}
      pegawaiId={pegawaiId}
      senin={senin}
      today={today}
      onSenin={(s) => void navigate(paths.tim.anggota.getHref(pegawaiId, s === thisWeek ? undefined : s))}
    />
  );
}
