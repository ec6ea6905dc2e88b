import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AnalyticsResponse } from '@sip/contracts';
import { IconDownload } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { formatMonthShort } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { useAnalytics } from '../api/get-analytics';
import { rankingsExportHref } from '../api/get-rankings';
import { seriesColors } from '../utils/colors';
import { BidangRadar } from './analytics/bidang-radar';
import { BidangStack } from './analytics/bidang-stack';
import { ComparePicker } from './analytics/compare-picker';
import { ComplianceGrid } from './analytics/compliance-grid';
import { RankingBars } from './analytics/ranking-bars';
import { SkmUnsurChart } from './analytics/skm-unsur-chart';
import { TrendChart } from './analytics/trend-chart';
import './rapor.css';

export function AnalyticsView({
  tahun,
  exportAll,
}: {
  tahun: number;
  /** The export of every unit's rapor (a background job), rendered by the app layer. */
  exportAll?: ReactNode;
}) {
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
        <AnalyticsBody data={q.data} tahun={tahun} exportAll={exportAll} />
      )}
    </Stack>
  );
}

function AnalyticsBody({
  data,
  tahun,
  exportAll,
}: {
  data: AnalyticsResponse;
  tahun: number;
  exportAll: ReactNode;
}) {
  const { t } = useTranslation();
  const kec = data.kecamatan;
  const [a, setA] = useState<string | null>(kec[0]?.kode ?? null);
  const [b, setB] = useState<string | null>(kec[1]?.kode ?? null);
  const options = useMemo(
    () =>
      [...kec].sort((x, y) => x.nama.localeCompare(y.nama)).map((r) => ({ value: r.kode, label: r.nama })),
    [kec],
  );
  const rowA = kec.find((r) => r.kode === a);
  const rowB = kec.find((r) => r.kode === b);

  const radar = data.bidang.map((bd) => ({
    bidang: bd.code,
    a: rowA?.bidang[bd.code] ?? 0,
    b: rowB?.bidang[bd.code] ?? 0,
    avg: data.pemdaAverage.kecamatan[bd.code] ?? 0,
  }));
  const trendA = data.trend.find((x) => x.kode === a)?.totals ?? [];
  const trendB = data.trend.find((x) => x.kode === b)?.totals ?? [];
  const months = Array.from({ length: Math.max(1, data.monthsDue) }, (_, i) => i + 1);
  const trend = months.map((m) => {
    const vals = data.trend.map((x) => x.totals[m - 1]).filter((v): v is number => typeof v === 'number');
    return {
      bulan: formatMonthShort(m),
      a: trendA[m - 1] ?? null,
      b: trendB[m - 1] ?? null,
      avg: vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : null,
    };
  });
  const colors: [string, string] = [seriesColors[0] ?? '#1864ab', seriesColors[2] ?? '#c2255c'];

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Text c="dimmed" size="sm" style={{ flex: 1, minWidth: 240 }}>
          {t('rapor.analytics.intro')}
        </Text>
        <Group gap="xs">
          {(['xlsx', 'csv'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              href={rankingsExportHref(tahun, 'kecamatan', format)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {format === 'xlsx' ? t('rapor.analytics.download') : t('rapor.analytics.downloadCsv')}
            </Button>
          ))}
        </Group>
      </Group>
      {exportAll}
      <RankingBars kecamatan={kec} />
      <BidangStack data={data} />
      <ComparePicker options={options} a={a} b={b} onA={setA} onB={setB} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <BidangRadar points={radar} nameA={rowA?.nama} nameB={rowB?.nama} colors={colors} />
        <TrendChart points={trend} nameA={rowA?.nama} nameB={rowB?.nama} colors={colors} />
      </SimpleGrid>
      <ComplianceGrid compliance={data.compliance} />
      <SkmUnsurChart skm={data.skm} />
    </Stack>
  );
}
