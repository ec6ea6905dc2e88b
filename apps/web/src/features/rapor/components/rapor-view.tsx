import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { RaporDetail } from '@sip/contracts';
import { IconDownload, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChartCard } from '@/components/ui/chart-card';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/http';
import { raporExportHref, useRapor } from '../api/get-rapor';
import { ScoreBarChart } from './charts/score-bar-chart';
import { ScoreLineChart } from './charts/score-line-chart';
import { ScoreTable } from './charts/score-table';
import './rapor.css';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { TableHead } from '@/components/ui/table-head';
import {
  formatDateTime,
  formatMonthShort,
  formatNumber,
  formatScore,
  formatValue,
  NO_VALUE,
} from '@/lib/format';
import { averageColor } from '../utils/chart-series';
import { predikatColor } from '../utils/colors';

const statusColor: Record<RaporDetail['bidang'][number]['indikator'][number]['status'], string> = {
  terverifikasi: '#1b6e2e',
  dikoreksi: '#1864ab',
  tidak_berlaku: '#495057',
  tidak_dilaporkan: '#a61e1e',
  sebagian: '#8a4b00',
  belum_jatuh_tempo: '#495057',
};

export function RaporView({ tahun, kode }: { tahun: number; kode: string }) {
  const { t } = useTranslation();
  const q = useRapor(tahun, kode);
  if (q.isPending) return <LoadingState lines={8} />;
  if (q.isError) {
    return isApiError(q.error, 'NOT_FOUND') ? (
      <Alert color="gray" role="alert" title={t('rapor.rapor.noTotal')}>
        {q.error.message || t('rapor.rapor.notFound')}
      </Alert>
    ) : (
      <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
    );
  }
  const r = q.data;
  const levelLabel = t(`rapor.level.${r.level}`);
  return (
    <Stack gap="lg" className="rapor-page">
      <PageTitle
        title={t('rapor.rapor.title', { nama: `${levelLabel} ${r.nama}` })}
        eyebrow={`${t('rapor.nav.rapor')} ${tahun}`}
      />
      <Group justify="space-between" gap="sm" className="no-print">
        <Alert
          variant="light"
          color={r.source === 'publikasi' ? 'green' : 'blue'}
          icon={<IconInfoCircle aria-hidden />}
          p="xs"
          style={{ flex: 1, minWidth: 260 }}
        >
          {r.source === 'publikasi'
            ? t('rapor.source.publikasi', { revision: r.revision ?? 1 })
            : t('rapor.source.berjalan')}
          {' · '}
          {t('rapor.rapor.monthsDue', { n: r.monthsDue })}
        </Alert>
        <Group gap="xs">
          <Button
            component={Link}
            to={paths.rapor.print.getHref(tahun, kode)}
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
          >
            {t('rapor.rapor.print')}
          </Button>
          <Button
            component="a"
            href={raporExportHref(tahun, kode, 'xlsx')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('rapor.rapor.exportXlsx')}
          </Button>
          <Button
            component="a"
            href={raporExportHref(tahun, kode, 'csv')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('rapor.rapor.exportCsv')}
          </Button>
        </Group>
      </Group>
      <Text className="print-only" size="sm">
        {r.source === 'publikasi'
          ? t('rapor.source.publikasi', { revision: r.revision ?? 1 })
          : t('rapor.source.berjalan')}{' '}
        · {r.kode} · {r.level === 'kelurahan' ? `${t('rapor.level.kecamatan')} ${r.kecamatanNama} · ` : ''}
        {t('rapor.rapor.formula', { v: r.formulaVersion })}
      </Text>

      <Text size="sm" c="dimmed">
        {r.skm.ikm === null
          ? t('rapor.rapor.skmNone', { at: formatDateTime(r.computedAt) })
          : t('rapor.rapor.skm', {
              ikm: formatScore(r.skm.ikm),
              n: r.skm.respondents === null ? '?' : formatNumber(r.skm.respondents),
              at: formatDateTime(r.computedAt),
            })}{' '}
        <Anchor component={Link} to={paths.skm.report.getHref(r.kode, { tahun: r.tahun })} underline="always">
          {t('rapor.rapor.skmLink')}
        </Anchor>
      </Text>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" className="rapor-summary">
        <Summary label={t('rapor.rapor.total')} value={formatScore(r.total)} />
        <Summary
          label={t('rapor.rapor.predikat')}
          value={
            r.predikat ? (
              <Badge size="lg" variant="filled" color={predikatColor(r.predikat)}>
                {r.predikat}
              </Badge>
            ) : (
              NO_VALUE
            )
          }
        />
        <Summary
          label={`${t('rapor.rapor.rank')} (${t(`rapor.level.${r.level}`)})`}
          value={r.rank === null ? NO_VALUE : t('rapor.rapor.rankOf', { rank: r.rank, of: r.rankOf })}
        />
        {r.level === 'kelurahan' ? (
          <Summary
            label={t('rapor.rapor.rankInKecamatan')}
            value={
              r.rankInKecamatan === null
                ? NO_VALUE
                : t('rapor.rapor.rankOf', { rank: r.rankInKecamatan, of: r.rankInKecamatanOf ?? 0 })
            }
          />
        ) : (
          <Summary label={t('rapor.rapor.pemdaAverage')} value={formatScore(r.pemdaAverage)} />
        )}
      </SimpleGrid>

      <ChartCard
        title={t('rapor.rapor.bidang')}
        summary={r.bidang
          .map(
            (b) =>
              `${b.code} ${formatScore(b.score)} (${t('rapor.rapor.pemdaAverage')} ${formatScore(b.pemdaAverage)})`,
          )
          .join('; ')}
        chart={
          <ScoreBarChart
            height={240}
            data={r.bidang.map((b) => ({ code: b.code, unit: b.score ?? 0, avg: b.pemdaAverage ?? 0 }))}
            categoryKey="code"
            series={[
              { key: 'unit', name: r.nama, color: '#1864ab' },
              { key: 'avg', name: t('rapor.rapor.pemdaAverage'), color: '#adb5bd' },
            ]}
          />
        }
        table={
          <Table striped withTableBorder>
            <TableHead
              columns={[
                { label: t('rapor.rapor.bidangColumn') },
                { label: t('rapor.rapor.weight'), numeric: true },
                { label: t('rapor.rapor.score'), numeric: true },
                { label: t('rapor.rapor.pemdaAverage'), numeric: true },
              ]}
            />
            <Table.Tbody>
              {r.bidang.map((b) => (
                <Table.Tr key={b.code}>
                  <Table.Th scope="row" fw={500}>
                    {b.code} {b.name}
                  </Table.Th>
                  <Table.Td ta="right">{formatValue(b.weight)}</Table.Td>
                  <Table.Td ta="right">{formatScore(b.score)}</Table.Td>
                  <Table.Td ta="right">{formatScore(b.pemdaAverage)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />

      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="rapor-indikator">
        <Title order={2} fz="lg" id="rapor-indikator" mb="sm">
          {t('rapor.rapor.indikator')}
        </Title>
        <ScrollRegion label={t('rapor.rapor.indikator')}>
          <Table striped withTableBorder className="rapor-indikator-table" miw={720}>
            <TableHead
              columns={[
                { label: t('rapor.rapor.indikatorColumn') },
                { label: t('rapor.rapor.value'), numeric: true },
                { label: t('rapor.rapor.target'), numeric: true },
                { label: t('rapor.rapor.score'), numeric: true },
                { label: t('rapor.rapor.weight'), numeric: true },
                { label: t('rapor.rapor.status') },
                { label: t('rapor.rapor.pemdaAverage'), numeric: true },
              ]}
            />
            {r.bidang.map((b) => (
              <Table.Tbody key={b.code}>
                <Table.Tr>
                  <Table.Th scope="rowgroup" colSpan={7} bg="gray.1">
                    {b.code} {b.name} — {t('rapor.rapor.score')} {formatScore(b.score)} ·{' '}
                    {t('rapor.rapor.weight')} {formatValue(b.weight)}
                  </Table.Th>
                </Table.Tr>
                {b.indikator.map((i) => (
                  <Table.Tr key={i.code}>
                    <Table.Th scope="row" fw={400}>
                      <Text span fw={600}>
                        {i.code}
                      </Text>{' '}
                      {i.name}
                    </Table.Th>
                    <Table.Td ta="right">
                      {formatValue(i.value)}
                      {i.value !== null && i.satuan ? ` ${i.satuan}` : ''}
                    </Table.Td>
                    <Table.Td ta="right">{formatValue(i.target)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {formatScore(i.score)}
                    </Table.Td>
                    <Table.Td ta="right">{formatValue(i.weight)}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={statusColor[i.status]} size="sm" radius="sm">
                        {t(`rapor.status.${i.status}`)}
                      </Badge>
                      {i.monthsDue !== null &&
                      (i.status === 'tidak_dilaporkan' || i.status === 'sebagian') ? (
                        <Text size="xs" c="dimmed">
                          {t('rapor.rapor.months', { reported: i.monthsReported ?? 0, due: i.monthsDue })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{formatScore(i.pemdaAverage)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            ))}
          </Table>
        </ScrollRegion>
      </Card>

      {r.trend.length > 0 ? (
        <ChartCard
          title={t('rapor.rapor.trend')}
          summary={r.trend.map((p) => `${formatMonthShort(p.bulan)} ${formatScore(p.total)}`).join('; ')}
          chart={
            <ScoreLineChart
              height={240}
              data={r.trend.map((p) => ({
                bulan: formatMonthShort(p.bulan),
                unit: p.total,
                avg: p.pemdaAverage,
              }))}
              xKey="bulan"
              series={[
                { key: 'unit', name: r.nama, color: '#1864ab' },
                { key: 'avg', name: t('rapor.rapor.pemdaAverage'), color: averageColor, dashed: true },
              ]}
            />
          }
          table={
            <ScoreTable
              head={[t('rapor.rapor.month'), r.nama, t('rapor.rapor.pemdaAverage')]}
              rows={r.trend.map((p) => [formatMonthShort(p.bulan), p.total, p.pemdaAverage])}
            />
          }
        />
      ) : null}
      <Text size="xs" c="dimmed">
        {t('rapor.rapor.formula', { v: r.formulaVersion })} · {t('rapor.rapor.pemdaAverage')}{' '}
        {formatScore(r.pemdaAverage)}
      </Text>
    </Stack>
  );
}

function Summary({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} component="div">
        {value}
      </Text>
    </Card>
  );
}
