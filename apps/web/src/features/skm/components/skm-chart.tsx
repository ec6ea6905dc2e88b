import type { SkmIkm } from '@sip/contracts';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore } from '@/lib/format';

/** NRR per unsur on the regulation's 1–4 scale, each bar labelled with its value. */
export function SkmChart({ ikm }: { ikm: SkmIkm }) {
  const data = ikm.unsur.map((u, i) => ({ kode: `U${i + 1}`, nama: u.nama, nrr: u.nrr ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 20, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="kode" tick={{ fill: '#495057' }} />
        <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} tick={{ fill: '#495057' }} />
        <Tooltip
          formatter={(v) => [formatScore(Number(v)), 'NRR']}
          labelFormatter={(_l, p) => {
            const d = p?.[0]?.payload as { kode: string; nama: string } | undefined;
            return d ? `${d.kode} ${d.nama}` : '';
          }}
        />
        <Bar dataKey="nrr" fill="#1864ab" radius={[4, 4, 0, 0]} isAnimationActive={false}>
          <LabelList
            dataKey="nrr"
            position="top"
            formatter={(v: unknown) => formatScore(Number(v))}
            fill="#1a1b1e"
            fontSize={12}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
