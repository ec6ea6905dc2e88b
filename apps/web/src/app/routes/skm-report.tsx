import { isWithin } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { ExportJobButtons } from '@/features/jobs/components/export-job-buttons';
import { useStartSkmExport } from '@/features/skm/api/start-skm-export';
import { SkmReport } from '@/features/skm/components/skm-report';
import { SkmResponses } from '@/features/skm/components/skm-responses';
import { yearInZone } from '@/lib/format';

const positiveInt = (v: string | null) => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

export function SkmReportRoute() {
  const { t } = useTranslation();
  const kode = useParams().kode ?? '';
  const startExport = useStartSkmExport();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const tahun = positiveInt(params.get('tahun')) ?? yearInZone(new Date());
  const semesterRaw = positiveInt(params.get('semester'));
  const semester = semesterRaw === 1 || semesterRaw === 2 ? semesterRaw : undefined;
  const populasi = positiveInt(params.get('populasi'));
  const grants = me?.roles ?? [];
  const canVoid = grants.some((g) => g.role === 'admin' && isWithin(kode, g.wilayahKode));
  const canModerate = grants.some(
    (g) => (g.role === 'admin' || g.role === 'verifikator') && isWithin(kode, g.wilayahKode),
  );
  const isUnit = kode.split('.').length >= 3;
  // As the API's policy (authz.ts skm:kode-layanan, skm:enter-paper): the admin within, the unit's own staff.
  const holds = (role: string, exact: boolean) =>
    grants.some((g) => g.role === role && (exact ? g.wilayahKode === kode : isWithin(kode, g.wilayahKode)));
  const canKode =
    isUnit &&
    (holds('admin', false) || holds('camat', true) || holds('lurah', true) || holds('operator', true));
  const canPaper = isUnit && (holds('admin', false) || holds('operator', true));

  return (
    <SkmReport
      key={kode}
      kode={kode}
      tahun={tahun}
      semester={semester}
      populasi={populasi}
      onChange={(next) => {
        const p = new URLSearchParams();
        p.set('tahun', String(next.tahun));
        if (next.semester) p.set('semester', String(next.semester));
        if (next.populasi) p.set('populasi', String(next.populasi));
        setParams(p, { replace: true });
      }}
      reportHref={(k) => paths.skm.report.getHref(k, { tahun, semester })}
      posterHref={isUnit ? paths.skm.posters.getHref(kode) : undefined}
      moderationHref={canModerate ? paths.skm.moderation.getHref() : undefined}
      kodeLayananHref={canKode ? paths.skm.kodeLayanan.getHref(kode, tahun) : undefined}
      paperHref={canPaper ? paths.skm.paper.getHref(kode) : undefined}
      exportActions={
        <ExportJobButtons
          key={`${kode}-${tahun}-${semester ?? 0}`}
          formats={['csv', 'xlsx'] as const}
          label={(format) => t(format === 'csv' ? 'skm.exportCsv' : 'skm.exportXlsx')}
          start={async (format) =>
            (
              await startExport.mutateAsync({
                kode,
                body: { tahun, format, ...(semester ? { semester } : {}) },
              })
            ).job
          }
        />
      }
    >
      {canVoid ? (
        <SkmResponses key={`${tahun}-${semester ?? 0}`} kode={kode} tahun={tahun} semester={semester} />
      ) : null}
    </SkmReport>
  );
}
