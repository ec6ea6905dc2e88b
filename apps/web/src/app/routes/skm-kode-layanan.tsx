import { isWithin } from '@sip/contracts';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { SkmKodeLayanan } from '@/features/skm/components/skm-kode-layanan';
import { yearInZone } from '@/lib/format';

export function SkmKodeLayananRoute() {
  const kode = useParams().kode ?? '';
  const me = useMe().data;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const n = Number.parseInt(params.get('tahun') ?? '', 10);
  const tahun = Number.isFinite(n) && n >= 2017 ? n : yearInZone(new Date());
  const canSwitch = (me?.roles ?? []).some((g) => g.role === 'admin' && isWithin(kode, g.wilayahKode));
  return (
    <SkmKodeLayanan
      key={kode}
      kode={kode}
      tahun={tahun}
      onTahunChange={(next) => setParams({ tahun: String(next) }, { replace: true })}
      canSwitch={canSwitch}
      slipsHref={(batchId) => paths.skm.kodeSlips.getHref(kode, batchId)}
      reportHref={paths.skm.report.getHref(kode, { tahun })}
      onCreated={(batchId) => void navigate(paths.skm.kodeSlips.getHref(kode, batchId))}
    />
  );
}
