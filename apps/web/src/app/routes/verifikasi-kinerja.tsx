import { useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { AntreanPage } from '@/features/verifikasi-kinerja/components/antrean-page';
import { VerifikasiUnitPage } from '@/features/verifikasi-kinerja/components/unit-page';
import { dayInZone } from '@/lib/format';
import { geserBulan } from '@/lib/tanggal';
import { hasRole } from '../navigation';

const validMonth = (tahun: number, bulan: number) =>
  Number.isInteger(tahun) &&
  tahun >= 2000 &&
  tahun <= 2100 &&
  Number.isInteger(bulan) &&
  bulan >= 1 &&
  bulan <= 12;

/** /verifikasi-kinerja?tahun=&bulan=: the queue of a month (without one: last month, the one to verify). */
export function VerifikasiKinerjaRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const today = dayInZone(new Date());
  const latest = { tahun: Number(today.slice(0, 4)), bulan: Number(today.slice(5, 7)) };
  const tahun = Number(params.get('tahun'));
  const bulan = Number(params.get('bulan'));
  const shown = validMonth(tahun, bulan) ? { tahun, bulan } : geserBulan(latest.tahun, latest.bulan, -1);
  return (
    <AntreanPage
      tahun={shown.tahun}
      bulan={shown.bulan}
      latest={latest}
      onChange={(v) => void navigate(paths.verifikasiKinerja.root.getHref(v))}
    />
  );
}

/** /verifikasi-kinerja/:unitKerjaId/:tahun/:bulan: one unit kerja's month. */
export function VerifikasiKinerjaUnitRoute() {
  const me = useMe().data;
  const params = useParams();
  const unit = {
    unitKerjaId: params.unitKerjaId ?? '',
    tahun: Number(params.tahun),
    bulan: Number(params.bulan),
  };
  if (!me) return null;
  return (
    <VerifikasiUnitPage
      key={`${unit.unitKerjaId}-${unit.tahun}-${unit.bulan}`}
      unit={unit}
      canBuka={hasRole(me, 'admin_kepegawaian')}
    />
  );
}
