import { Stack } from '@mantine/core';
import { Navigate, Outlet, useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { CutiPage } from '@/features/kepegawaian/components/cuti-page';
import { JabatanPage } from '@/features/kepegawaian/components/jabatan-page';
import { KalenderPage } from '@/features/kepegawaian/components/kalender-page';
import { KepegawaianTabs } from '@/features/kepegawaian/components/kepegawaian-tabs';
import { PegawaiDetailPage } from '@/features/kepegawaian/components/pegawai-detail-page';
import { PegawaiListPage } from '@/features/kepegawaian/components/pegawai-list-page';
import { PengaturanPage } from '@/features/kepegawaian/components/pengaturan-page';
import { UnitKerjaPage } from '@/features/kepegawaian/components/unit-kerja-page';
import { dayInZone, yearInZone } from '@/lib/format';

/** Behind RequireRole admin_kepegawaian: the personnel office's sections, one URL each. */
export function KepegawaianLayoutRoute() {
  return (
    <Stack gap="md">
      <KepegawaianTabs />
      <Outlet />
    </Stack>
  );
}

export function KepegawaianIndexRoute() {
  return <Navigate to={paths.kepegawaian.pegawai.getHref()} replace />;
}

export function UnitKerjaRoute() {
  return <UnitKerjaPage />;
}

/** /kepegawaian/jabatan?unitKerjaId= */
export function JabatanRoute() {
  const navigate = useNavigate();
  const unitKerjaId = useSearchParams()[0].get('unitKerjaId') ?? '';
  return (
    <JabatanPage
      unitKerjaId={unitKerjaId}
      today={dayInZone(new Date())}
      onUnitKerja={(id) => void navigate(paths.kepegawaian.jabatan.getHref(id), { replace: true })}
    />
  );
}

export function PegawaiRoute() {
  return <PegawaiListPage today={dayInZone(new Date())} />;
}

export function PegawaiDetailRoute() {
  const id = useParams().id ?? '';
  return <PegawaiDetailPage key={id} id={id} today={dayInZone(new Date())} />;
}

function useTahun(): number {
  const value = Number(useSearchParams()[0].get('tahun'));
  return Number.isInteger(value) && value >= 2000 && value <= 2100 ? value : yearInZone(new Date());
}

/** /kepegawaian/kalender?tahun= */
export function KalenderRoute() {
  const navigate = useNavigate();
  const tahun = useTahun();
  return (
    <KalenderPage
      tahun={tahun}
      onTahun={(y) => void navigate(paths.kepegawaian.kalender.getHref(y), { replace: true })}
    />
  );
}

export function CutiRoute() {
  return <CutiPage today={dayInZone(new Date())} />;
}

/** /kepegawaian/pengaturan?tahun= */
export function PengaturanRoute() {
  const navigate = useNavigate();
  const tahun = useTahun();
  return (
    <PengaturanPage
      tahun={tahun}
      onTahun={(y) => void navigate(paths.kepegawaian.pengaturan.getHref(y), { replace: true })}
    />
  );
}
