import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { BulanPage } from '@/features/aktivitas/components/bulan-page';
import { dayInZone } from '@/lib/format';

// Its own route module: the chart library and the scoring engine load with this page only, so the
// daily log a pegawai opens on a phone every day stays light.

/** /aktivitas/bulan?tahun=&bulan=: a month of the pegawai (this month without one). */
export function AktivitasBulanRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const today = dayInZone(new Date());
  const latest = { tahun: Number(today.slice(0, 4)), bulan: Number(today.slice(5, 7)) };
  const tahun = Number(params.get('tahun'));
  const bulan = Number(params.get('bulan'));
  const valid =
    Number.isInteger(tahun) &&
    tahun >= 2000 &&
    tahun <= 2100 &&
    Number.isInteger(bulan) &&
    bulan >= 1 &&
    bulan <= 12;
  const shown = valid ? { tahun, bulan } : latest;
  return (
    <BulanPage
      tahun={shown.tahun}
      bulan={shown.bulan}
      latest={latest}
      onChange={(v) => void navigate(paths.aktivitas.bulan.getHref(v))}
    />
  );
}
