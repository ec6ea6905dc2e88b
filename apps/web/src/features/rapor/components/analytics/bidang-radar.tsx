import { useTranslation } from 'react-i18next';
import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
} from 'recharts';
import { ChartCard } from '@/components/ui/chart-card';
import { formatScore, NO_VALUE } from '@/lib/format';
import { averageColor, axisTick, type ChartSeries } from '../../utils/chart-series';
import { ScoreTable } from '../charts/score-table';

export interface RadarPoint {
  bidang: string;
  a: number;
  b: number;
  avg: number;
}

/** The bidang profile of the two compared kecamatan against the pemda average. */
export function BidangRadar({
  points,
  nameA,
  nameB,
  colors,
}: {
  points: RadarPoint[];
  nameA: string | undefined;
  nameB: string | undefined;
  colors: [string, string];
}) {
  const { t } = useTranslation();
  const avgLabel = t('rapor.analytics.average');
  const series: (ChartSeries & { opacity: number })[] = [
    { key: 'a', name: nameA ?? '', color: colors[0], opacity: 0.25 },
    { key: 'b', name: nameB ?? '', color: colors[1], opacity: 0.2 },
  ];
  const profile = (name: string | undefined, key: 'a' | 'b') =>
    `${name ?? NO_VALUE}: ${points.map((x) => `${x.bidang} ${formatScore(x[key])}`).join(', ')}`;
  return (
    <ChartCard
      title={t('rapor.analytics.radar')}
      summary={`${profile(nameA, 'a')}; ${profile(nameB, 'b')}`}
      chart={
        <ResponsiveContainer width="100%" height={300}>
          <RadarChart data={points} outerRadius="75%">
            <PolarGrid />
            <PolarAngleAxis dataKey="bidang" tick={axisTick} />
            <PolarRadiusAxis domain={[0, 100]} tick={{ ...axisTick, fontSize: 10 }} />
            {series.map((s) => (
              <Radar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                fill={s.color}
                fillOpacity={s.opacity}
                isAnimationActive={false}
              />
            ))}
            <Radar
              dataKey="avg"
              name={avgLabel}
              stroke={averageColor}
              fill="none"
              strokeDasharray="4 4"
              isAnimationActive={false}
            />
            <Legend />
            <Tooltip formatter={(v) => formatScore(Number(v))} />
          </RadarChart>
        </ResponsiveContainer>
      }
      table={
        <ScoreTable
          head={[t('rapor.rapor.bidangColumn'), nameA ?? NO_VALUE, nameB ?? NO_VALUE, avgLabel]}
          rows={points.map((x) => [x.bidang, x.a, x.b, x.avg])}
        />
      }
    />
  );
}
