import type { AnalyticsResponse } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '@/components/ui/chart-card';
import { formatScore } from '@/lib/format';
import { ScoreBarChart } from '../charts/score-bar-chart';
import { ScoreTable } from '../charts/score-table';

/** The pemda's SKM: NRR per unsur on the regulation's 1–4 scale. */
export function SkmUnsurChart({ skm }: { skm: AnalyticsResponse['skm'] }) {
  const { t } = useTranslation();
  return (
    <ChartCard
      title={t('rapor.analytics.skm')}
      summary={`${t('rapor.analytics.respondents', { n: skm[0]?.respondents ?? 0 })}; ${skm.map((u) => `${u.label} ${formatScore(u.nrr)}`).join(', ')}`}
      chart={
        <ScoreBarChart
          height={260}
          max={4}
          legend={false}
          data={skm.map((u, i) => ({ kode: `U${i + 1}`, nama: u.label, nrr: u.nrr ?? 0 }))}
          categoryKey="kode"
          series={[{ key: 'nrr', name: 'NRR', color: '#2b8a3e' }]}
        />
      }
      table={
        <ScoreTable
          head={[t('rapor.rapor.unsurColumn'), 'NRR']}
          rows={skm.map((u, i) => [`U${i + 1} ${u.label}`, u.nrr])}
        />
      }
    />
  );
}
