import { Stack, Table, Title } from '@mantine/core';
import type { SkmIkm } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '@/components/ui/chart-card';
import { TableHead } from '@/components/ui/table-head';
import { formatNumber, formatScore, NO_VALUE } from '@/lib/format';
import { SkmChart } from '../skm-chart';

/** The regulation's table (NRR per unsur, weighted, the index) and its chart. */
export function UnsurSection({ ikm }: { ikm: SkmIkm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <section aria-labelledby="skm-unsur">
        <Title order={2} size="h3" id="skm-unsur" mb="xs">
          {t('skm.unsurTable')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder withColumnBorders>
            <TableHead
              columns={[
                { label: t('skm.no'), w: 48 },
                { label: t('skm.unsur') },
                { label: t('skm.total'), numeric: true },
                { label: t('skm.nrr'), numeric: true },
                { label: t('skm.nrrWeighted'), numeric: true },
              ]}
            />
            <Table.Tbody>
              {ikm.unsur.map((u, i) => (
                <Table.Tr key={u.key}>
                  <Table.Td>U{i + 1}</Table.Td>
                  <Table.Td>{u.nama}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.jumlah)}</Table.Td>
                  <Table.Td ta="right">{formatScore(u.nrr)}</Table.Td>
                  <Table.Td ta="right">{formatScore(u.nrrTertimbang, 3)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  {t('skm.sumWeighted')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatScore(ikm.ikm, 3)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  {t('skm.converted')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatScore(ikm.convertedRounded)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  {t('skm.grade')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {ikm.grade ? `${ikm.grade.mutu} (${ikm.grade.kinerja})` : NO_VALUE}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </section>
      <ChartCard
        title={t('skm.chartTitle')}
        summary={`${t('skm.chartLabel')} ${ikm.unsur.map((u, i) => `U${i + 1} ${u.nama}: ${formatScore(u.nrr)}`).join('; ')}`}
        chart={<SkmChart ikm={ikm} />}
        table={
          <Table withTableBorder>
            <TableHead columns={[{ label: t('skm.unsur') }, { label: t('skm.nrr'), numeric: true }]} />
            <Table.Tbody>
              {ikm.unsur.map((u, i) => (
                <Table.Tr key={u.key}>
                  <Table.Td>
                    U{i + 1} {u.nama}
                  </Table.Td>
                  <Table.Td ta="right">{formatScore(u.nrr)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />
    </Stack>
  );
}
