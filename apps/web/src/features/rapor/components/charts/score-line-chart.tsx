import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatScore } from '@/lib/format';
import { axisTick, type ChartSeries } from '../../utils/chart-series';

/** Scores (0–100) over months: one line per series; a dashed grey line is the pemda average. */
export function ScoreLineChart({
  data,
  xKey,
  series,
  height,
}: {
  data: object[];
  xKey: string;
  series: ChartSeries[];
  height: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={xKey} tick={axisTick} />
        <YAxis domain={[0, 100]} tick={axisTick} />
        <Tooltip formatter={(v) => formatScore(Number(v))} />
        <Legend />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={s.dashed ? 1 : 2}
            strokeDasharray={s.dashed ? '4 4' : undefined}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
