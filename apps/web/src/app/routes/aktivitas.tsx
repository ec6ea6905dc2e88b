import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { HariPage } from '@/features/aktivitas/components/hari-page';
import { MingguPage } from '@/features/aktivitas/components/minggu-page';
import { useMe } from '@/features/auth/api/get-me';
import { dayInZone } from '@/lib/format';
import { parseTanggal, seninDari } from '@/lib/tanggal';

/** /aktivitas?tanggal=: the pegawai's day (today in the pemda's zone without a date). */
export function AktivitasHariRoute() {
  const me = useMe().data;
  const navigate = useNavigate();
  const today = dayInZone(new Date());
  const tanggal = parseTanggal(useSearchParams()[0].get('tanggal')) ?? today;
  if (!me) return null;
  return (
    <HariPage
      userId={me.id}
      tanggal={tanggal}
      today={today}
      onTanggal={(d) =>
        void navigate(paths.aktivitas.hari.getHref(d === today ? undefined : d), { replace: true })
      }
    />
  );
}

/** /aktivitas/minggu?tanggal=: the week of that date (this week without one). */
export function AktivitasMingguRoute() {
  const navigate = useNavigate();
  const today = dayInZone(new Date());
  const senin = seninDari(parseTanggal(useSearchParams()[0].get('tanggal')) ?? today);
  return (
    <MingguPage
      senin={senin}
      today={today}
      onSenin={(s) => void navigate(paths.aktivitas.minggu.getHref(s === seninDari(today) ? undefined : s))}
    />
  );
}
