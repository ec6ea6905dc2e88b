import { Table } from '@mantine/core';
import type { AnalyticsResponse } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '@/components/ui/chart-card';
import { TableHead } from '@/components/ui/table-head';
import { formatScore, NO_VALUE } from '@/lib/format';
import { ScoreBarChart } from '../charts/score-bar-chart';

type Row = AnalyticsResponse['kecamatan'][number];

/** Every kecamatan's total, ranked. */
export function RankingBars({ kecamatan }: { kecamatan: Row[] }) {
  const { t } = useTranslation();
  return (
    <ChartCard
      title={t('rapor.analytics.rankingBars')}
      summary={kecamatan
        .slice(0, 5)
        .map((r) => `${r.rank}. ${r.nama} ${formatScore(r.total)}`)
        .join('; ')}
      chart={
        <ScoreBarChart
          byUnit
          legend={false}
          height={Math.max(240, kecamatan.length * 22)}
          data={kecamatan.map((r) => ({ nama: r.nama, total: r.total ?? 0 }))}
          categoryKey="nama"
          series={[{ key: 'total', name: t('rapor.rapor.total'), color: '#1864ab' }]}
        />
      }
      table={
        <Table striped withTableBorder>
          <TableHead
            columns={[
              { label: t('rapor.rapor.rank') },
              { label: t('rapor.level.kecamatan') },
              { label: t('rapor.rapor.total'), numeric: true },
            ]}
          />
          <Table.Tbody>
            {kecamatan.map((r) => (
              <Table.Tr key={r.kode}>
                <Table.Td>{r.rank ?? NO_VALUE}</Table.Td>
                <Table.Th scope="row" fw={400}>
                  {r.nama}
                </Table.Th>
                <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
