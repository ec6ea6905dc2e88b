import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { AnalyticsResponse, ComplianceCell } from '@sip/contracts';
import { IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { isApiError } from '@/lib/http';
import { useAnalytics } from '../api/get-analytics';
import { rankingsExportHref } from '../api/get-rankings';
import { ChartCard } from './chart-card';
import './rapor.css';
import { formatMonthShort, formatScore, NO_VALUE } from '@/lib/format';
import { seriesColors } from '../utils/colors';
import { ScrollRegion } from './scroll-region';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const cellMark: Record<ComplianceCell, string> = {
  tepat: '✓',
  terlambat: 'T',
  belum: '×',
  belum_jatuh_tempo: '·',
};

export function AnalyticsView({ tahun }: { tahun: number }) {
  const { t } = useTranslation();
  const q = useAnalytics(tahun);
  return (
    <Stack gap="lg">
      <PageTitle title={t('rapor.analytics.title', { tahun })} />
      {q.isPending ? (
        <LoadingState lines={10} />
      ) : q.isError ? (
        isApiError(q.error, 'FORBIDDEN') ? (
          <Alert color="gray" role="alert">
            {t('rapor.analytics.forbidden')}
          </Alert>
        ) : (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        )
      ) : (
        <AnalyticsBody data={q.data} tahun={tahun} />
      )}
    </Stack>
  );
}

function AnalyticsBody({ data, tahun }: { data: AnalyticsResponse; tahun: number }) {
  const { t } = useTranslation();
  const kec = data.kecamatan;
  const [a, setA] = useState<string | null>(kec[0]?.kode ?? null);
  const [b, setB] = useState<string | null>(kec[1]?.kode ?? null);
  const [heatLevel, setHeatLevel] = useState<'kecamatan' | 'kelurahan'>('kecamatan');
  const options = useMemo(
    () =>
      [...kec].sort((x, y) => x.nama.localeCompare(y.nama)).map((r) => ({ value: r.kode, label: r.nama })),
    [kec],
  );
  const rowA = kec.find((r) => r.kode === a);
  const rowB = kec.find((r) => r.kode === b);
  const avgLabel = t('rapor.analytics.average');
  const bidang = data.bidang;

  const stacked = kec.map((r) => ({
    nama: r.nama,
    ...Object.fromEntries(bidang.map((bd) => [bd.code, ((r.bidang[bd.code] ?? 0) * bd.weight) / 100])),
  }));
  const radar = bidang.map((bd) => ({
    bidang: bd.code,
    a: rowA?.bidang[bd.code] ?? 0,
    b: rowB?.bidang[bd.code] ?? 0,
    avg: data.pemdaAverage.kecamatan[bd.code] ?? 0,
  }));
  const trendA = data.trend.find((x) => x.kode === a)?.totals ?? [];
  const trendB = data.trend.find((x) => x.kode === b)?.totals ?? [];
  const months = MONTHS.slice(0, Math.max(1, data.monthsDue));
  const trendAvg = months.map((m) => {
    const vals = data.trend.map((x) => x.totals[m - 1]).filter((v): v is number => typeof v === 'number');
    return vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : null;
  });
  const trend = months.map((m, i) => ({
    bulan: formatMonthShort(m),
    a: trendA[m - 1] ?? null,
    b: trendB[m - 1] ?? null,
    avg: trendAvg[i] ?? null,
  }));
  const heat = data.compliance.filter((c) => c.level === heatLevel);
  const heatCounts: Record<string, number> = {};
  for (const c of heat.flatMap((u) => u.months)) heatCounts[c] = (heatCounts[c] ?? 0) + 1;

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Text c="dimmed" size="sm" style={{ flex: 1, minWidth: 240 }}>
          {t('rapor.analytics.intro')}
        </Text>
        <Group gap="xs">
          <Button
            component="a"
            href={rankingsExportHref(tahun, 'kecamatan', 'xlsx')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('rapor.analytics.download')}
          </Button>
          <Button
            component="a"
            href={rankingsExportHref(tahun, 'kecamatan', 'csv')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('rapor.analytics.downloadCsv')}
          </Button>
        </Group>
      </Group>

      <ChartCard
        title={t('rapor.analytics.rankingBars')}
        summary={kec
          .slice(0, 5)
          .map((r) => `${r.rank}. ${r.nama} ${formatScore(r.total)}`)
          .join('; ')}
        chart={
          <ResponsiveContainer width="100%" height={Math.max(240, kec.length * 22)}>
            <BarChart
              data={kec.map((r) => ({ nama: r.nama, total: r.total ?? 0 }))}
              layout="vertical"
              margin={{ left: 16 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} tick={{ fill: '#495057' }} />
              <YAxis
                type="category"
                dataKey="nama"
                width={130}
                tick={{ fill: '#495057', fontSize: 12 }}
                interval={0}
              />
              <Tooltip formatter={(v) => formatScore(Number(v))} />
              <Bar dataKey="total" name={t('rapor.rapor.total')} fill="#1864ab" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rapor.rapor.rank')}</Table.Th>
                <Table.Th scope="col">{t('rapor.level.kecamatan')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('rapor.rapor.total')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kec.map((r) => (
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

      <ChartCard
        title={t('rapor.analytics.stacked')}
        summary={bidang.map((bd) => `${bd.code} ${bd.name} (${bd.weight})`).join('; ')}
        chart={
          <ResponsiveContainer width="100%" height={Math.max(240, kec.length * 22)}>
            <BarChart data={stacked} layout="vertical" margin={{ left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} tick={{ fill: '#495057' }} />
              <YAxis
                type="category"
                dataKey="nama"
                width={130}
                tick={{ fill: '#495057', fontSize: 12 }}
                interval={0}
              />
              <Tooltip formatter={(v) => formatScore(Number(v))} />
              <Legend />
              {bidang.map((bd, i) => (
                <Bar
                  key={bd.code}
                  dataKey={bd.code}
                  stackId="t"
                  fill={seriesColors[i % seriesColors.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
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
              {kec.map((r) => (
                <Table.Tr key={r.kode}>
                  <Table.Th scope="row" fw={400}>
                    {r.nama}
                  </Table.Th>
                  {bidang.map((bd) => (
                    <Table.Td ta="right" key={bd.code}>
                      {formatScore(((r.bidang[bd.code] ?? 0) * bd.weight) / 100)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />

      <Group gap="sm" align="flex-end">
        <Select
          label={t('rapor.analytics.compareA')}
          data={options}
          value={a}
          onChange={setA}
          searchable
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('rapor.analytics.compareB')}
          data={options}
          value={b}
          onChange={setB}
          searchable
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ChartCard
          title={t('rapor.analytics.radar')}
          summary={`${rowA?.nama ?? NO_VALUE}: ${radar.map((x) => `${x.bidang} ${formatScore(x.a)}`).join(', ')}; ${rowB?.nama ?? NO_VALUE}: ${radar.map((x) => `${x.bidang} ${formatScore(x.b)}`).join(', ')}`}
          chart={
            <ResponsiveContainer width="100%" height={300}>
              <RadarChart data={radar} outerRadius="75%">
                <PolarGrid />
                <PolarAngleAxis dataKey="bidang" tick={{ fill: '#495057' }} />
                <PolarRadiusAxis domain={[0, 100]} tick={{ fill: '#495057', fontSize: 10 }} />
                <Radar
                  dataKey="a"
                  name={rowA?.nama ?? ''}
                  stroke={seriesColors[0]}
                  fill={seriesColors[0]}
                  fillOpacity={0.25}
                  isAnimationActive={false}
                />
                <Radar
                  dataKey="b"
                  name={rowB?.nama ?? ''}
                  stroke={seriesColors[2]}
                  fill={seriesColors[2]}
                  fillOpacity={0.2}
                  isAnimationActive={false}
                />
                <Radar
                  dataKey="avg"
                  name={avgLabel}
                  stroke="#495057"
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
            <CompareTable
              head={['Bidang', rowA?.nama ?? NO_VALUE, rowB?.nama ?? NO_VALUE, avgLabel]}
              rows={radar.map((x) => [x.bidang, x.a, x.b, x.avg])}
            />
          }
        />
        <ChartCard
          title={t('rapor.analytics.trend')}
          summary={`${rowA?.nama ?? NO_VALUE}: ${trend.map((x) => `${x.bulan} ${formatScore(x.a)}`).join(', ')}`}
          chart={
            <ResponsiveContainer width="100%" height={300}>
              <LineChart data={trend}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="bulan" tick={{ fill: '#495057' }} />
                <YAxis domain={[0, 100]} tick={{ fill: '#495057' }} />
                <Tooltip formatter={(v) => formatScore(Number(v))} />
                <Legend />
                <Line
                  dataKey="a"
                  name={rowA?.nama ?? ''}
                  stroke={seriesColors[0]}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="b"
                  name={rowB?.nama ?? ''}
                  stroke={seriesColors[2]}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="avg"
                  name={avgLabel}
                  stroke="#495057"
                  strokeDasharray="4 4"
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          }
          table={
            <CompareTable
              head={[t('rapor.rapor.month'), rowA?.nama ?? NO_VALUE, rowB?.nama ?? NO_VALUE, avgLabel]}
              rows={trend.map((x) => [x.bulan, x.a, x.b, x.avg])}
            />
          }
        />
      </SimpleGrid>

      <ChartCard
        title={t('rapor.analytics.heatmap')}
        summary={(['tepat', 'terlambat', 'belum', 'belum_jatuh_tempo'] as const)
          .map((c) => `${t(`rapor.analytics.cell.${c}`)}: ${heatCounts[c] ?? 0}`)
          .join('; ')}
        actions={
          <SegmentedControl
            size="xs"
            value={heatLevel}
            onChange={(v) => setHeatLevel(v as 'kecamatan' | 'kelurahan')}
            aria-label={t('rapor.analytics.heatmapLevel')}
            data={[
              { value: 'kecamatan', label: t('rapor.level.kecamatan') },
              { value: 'kelurahan', label: t('rapor.level.kelurahan') },
            ]}
          />
        }
        chart={
          <Stack gap="xs">
            <Group gap="md">
              {(['tepat', 'terlambat', 'belum', 'belum_jatuh_tempo'] as const).map((c) => (
                <Group gap={4} key={c}>
                  <span
                    className={`heatmap-cell heatmap-${c}`}
                    style={{ display: 'inline-block', lineHeight: '1.6rem' }}
                  >
                    {cellMark[c]}
                  </span>
                  <Text size="xs">{t(`rapor.analytics.cell.${c}`)}</Text>
                </Group>
              ))}
            </Group>
            <ScrollRegion label={t('rapor.analytics.heatmap')} style={{ overflow: 'auto', maxHeight: 480 }}>
              <table style={{ borderCollapse: 'collapse' }}>
                <thead>
                  <tr>
                    <th />
                    {MONTHS.map((m) => (
                      <th key={m} style={{ fontSize: 11, fontWeight: 600, color: '#495057' }}>
                        {formatMonthShort(m)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {heat.map((u) => (
                    <tr key={u.kode}>
                      <th
                        style={{
                          textAlign: 'left',
                          fontSize: 12,
                          fontWeight: 400,
                          paddingRight: 8,
                          whiteSpace: 'nowrap',
                        }}
                      >
                        {u.nama}
                      </th>
                      {u.months.map((c, i) => (
                        <td key={MONTHS[i]} className={`heatmap-cell heatmap-${c}`}>
                          {cellMark[c]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Stack>
        }
        table={
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rapor.rapor.unit')}</Table.Th>
                {MONTHS.map((m) => (
                  <Table.Th scope="col" key={m}>
                    {formatMonthShort(m)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {heat.map((u) => (
                <Table.Tr key={u.kode}>
                  <Table.Th scope="row" fw={400}>
                    {u.nama}
                  </Table.Th>
                  {u.months.map((c, i) => (
                    <Table.Td key={MONTHS[i]} fz="xs">
                      {t(`rapor.analytics.cell.${c}`)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />

      <ChartCard
        title={t('rapor.analytics.skm')}
        summary={`${t('rapor.analytics.respondents', { n: data.skm[0]?.respondents ?? 0 })}; ${data.skm.map((u) => `${u.label} ${formatScore(u.nrr)}`).join(', ')}`}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={data.skm.map((u, i) => ({ kode: `U${i + 1}`, nama: u.label, nrr: u.nrr ?? 0 }))}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="kode" tick={{ fill: '#495057' }} />
              <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} tick={{ fill: '#495057' }} />
              <Tooltip formatter={(v) => formatScore(Number(v))} />
              <Bar dataKey="nrr" name="NRR" fill="#2b8a3e" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <CompareTable
            head={['Unsur', 'NRR']}
            rows={data.skm.map((u, i) => [`U${i + 1} ${u.label}`, u.nrr])}
          />
        }
      />
    </Stack>
  );
}

function CompareTable({ head, rows }: { head: string[]; rows: (string | number | null)[][] }) {
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th scope="col" key={`${i}-${h}`} ta={i === 0 ? 'left' : 'right'}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={String(r[0])}>
            {r.map((c, i) =>
              i === 0 ? (
                <Table.Th scope="row" fw={400} key="h">
                  {c}
                </Table.Th>
              ) : (
                <Table.Td ta="right" key={`${i}-${head[i]}`}>
                  {typeof c === 'number' || c === null ? formatScore(c) : c}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
