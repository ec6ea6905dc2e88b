import { useTranslation } from 'react-i18next';
import { ChartCard } from '@/components/ui/chart-card';
import { formatScore, NO_VALUE } from '@/lib/format';
import { averageColor } from '../../utils/chart-series';
import { ScoreLineChart } from '../charts/score-line-chart';
import { ScoreTable } from '../charts/score-table';

export interface TrendPoint {
  bulan: string;
  a: number | null;
  b: number | null;
  avg: number | null;
}

/** Monthly totals of the two compared kecamatan against the pemda average. */
export function TrendChart({
  points,
  nameA,
  nameB,
  colors,
}: {
  points: TrendPoint[];
  nameA: string | undefined;
  nameB: string | undefined;
  colors: [string, string];
}) {
  const { t } = useTranslation();
  const avgLabel = t('rapor.analytics.average');
  return (
    <ChartCard
      title={t('rapor.analytics.trend')}
      summary={`${nameA ?? NO_VALUE}: ${points.map((x) => `${x.bulan} ${formatScore(x.a)}`).join(', ')}`}
      chart={
        <ScoreLineChart
          height={300}
          data={points}
          xKey="bulan"
          series={[
            { key: 'a', name: nameA ?? '', color: colors[0] },
            { key: 'b', name: nameB ?? '', color: colors[1] },
            { key: 'avg', name: avgLabel, color: averageColor, dashed: true },
          ]}
        />
      }
      table={
        <ScoreTable
          head={[t('rapor.rapor.month'), nameA ?? NO_VALUE, nameB ?? NO_VALUE, avgLabel]}
          rows={points.map((x) => [x.bulan, x.a, x.b, x.avg])}
        />
      }
    />
  );
}
