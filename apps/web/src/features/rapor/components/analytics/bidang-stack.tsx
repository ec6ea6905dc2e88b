import { Table } from '@mantine/core';
import type { AnalyticsResponse } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '@/components/ui/chart-card';
import { formatScore } from '@/lib/format';
import { seriesColors } from '../../utils/colors';
import { ScoreBarChart } from '../charts/score-bar-chart';

/** Each kecamatan's total split into what each bidang contributes (score × weight). */
export function BidangStack({ data }: { data: AnalyticsResponse }) {
  const { t } = useTranslation();
  const { kecamatan, bidang } = data;
  const part = (r: (typeof kecamatan)[number], bd: (typeof bidang)[number]) =>
    ((r.bidang[bd.code] ?? 0) * bd.weight) / 100;
  return (
    <ChartCard
      title={t('rapor.analytics.stacked')}
      summary={bidang.map((bd) => `${bd.code} ${bd.name} (${bd.weight})`).join('; ')}
      chart={
        <ScoreBarChart
          byUnit
          stacked
          height={Math.max(240, kecamatan.length * 22)}
          data={kecamatan.map((r) => ({
            nama: r.nama,
            ...Object.fromEntries(bidang.map((bd) => [bd.code, part(r, bd)])),
          }))}
          categoryKey="nama"
          series={bidang.map((bd, i) => ({
            key: bd.code,
            name: bd.code,
            color: seriesColors[i % seriesColors.length] ?? '#1864ab',
          }))}
        />
      }
      table={
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rapor.level.kecamatan')}</Table.Th>
              {bidang.map((bd) => (
                <Table.Th scope="col" ta="right" key={bd.code} title={bd.name}>
                  {bd.code}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('rapor.rapor.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kecamatan.map((r) => (
              <Table.Tr key={r.kode}>
                <Table.Th scope="row" fw={400}>
                  {r.nama}
                </Table.Th>
                {bidang.map((bd) => (
                  <Table.Td ta="right" key={bd.code}>
                    {formatScore(part(r, bd))}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
