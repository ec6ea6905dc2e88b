import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatScore } from '@/lib/format';
import { axisTick, type ChartSeries } from '../../utils/chart-series';

/**
 * Scores as bars: upright per category (bidang), or lying down with one row per unit (`byUnit`,
 * the name in `categoryKey`), optionally stacked.
 */
export function ScoreBarChart({
  data,
  categoryKey,
  series,
  height,
  byUnit = false,
  stacked = false,
  legend = true,
  max = 100,
}: {
  data: object[];
  categoryKey: string;
  series: ChartSeries[];
  height: number;
  byUnit?: boolean;
  stacked?: boolean;
  legend?: boolean;
  max?: number;
}) {
  const valueAxis = { domain: [0, max], tick: axisTick, ...(max === 4 ? { ticks: [0, 1, 2, 3, 4] } : {}) };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout={byUnit ? 'vertical' : 'horizontal'}
        margin={byUnit ? { left: 16 } : undefined}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!byUnit} vertical={byUnit} />
        {byUnit ? (
          <>
            <XAxis type="number" {...valueAxis} />
            <YAxis
              type="category"
              dataKey={categoryKey}
              width={130}
              tick={{ ...axisTick, fontSize: 12 }}
              interval={0}
            />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={axisTick} />
            <YAxis {...valueAxis} />
          </>
        )}
        <Tooltip formatter={(v) => formatScore(Number(v))} />
        {legend ? <Legend /> : null}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            stackId={stacked ? 'total' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
