import { Button, Card, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { yearInZone } from '@/lib/format';
import { useSkmReport } from '../api/get-skm-report';
import { ReportBody } from './report/report-body';

export interface SkmReportProps {
  kode: string;
  tahun: number;
  semester: number | undefined;
  populasi: number | undefined;
  onChange: (next: { tahun: number; semester: number | undefined; populasi: number | undefined }) => void;
  /** Links built by the route (paths.ts lives in the app layer). */
  reportHref: (kode: string) => string;
  posterHref?: string | undefined;
  moderationHref?: string | undefined;
  /** The unit's kode layanan page (its counter and the admin). */
  kodeLayananHref?: string | undefined;
  /** Paper questionnaire entry (the unit's operator and the admin). */
  paperHref?: string | undefined;
  /** The admin's single-response list with voiding, rendered by the route when allowed. */
  children?: ReactNode;
  /** The export of the responses (a background job), rendered by the route. */
  exportActions?: ReactNode;
}

export function SkmReport(props: SkmReportProps) {
  const { t } = useTranslation();
  const { kode, tahun, semester, populasi, onChange } = props;
  const report = useSkmReport({ kode, tahun, semester, populasi });
  const thisYear = yearInZone(new Date());
  const data = report.data;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle
          title={data ? `${t('skm.title')} — ${data.nama}` : t('skm.title')}
          eyebrow={data ? `${t(`skm.levelWord.${data.level}`)} · ${data.kode}` : kode}
        >
          {data ? `${t('skm.title')} — ${t(`skm.levelWord.${data.level}`)} ${data.nama}` : t('skm.title')}
        </PageTitle>
        <Text c="dimmed" size="sm">
          {t('skm.intro')}
        </Text>
      </Stack>

      <Card withBorder radius="md" padding="md" className="skm-no-print">
        <Group align="flex-end" gap="md" wrap="wrap">
          <NumberInput
            label={t('skm.year')}
            value={tahun}
            min={2017}
            max={thisYear + 1}
            w={110}
            onChange={(v) =>
              typeof v === 'number' &&
              v >= 2017 &&
              v <= thisYear + 1 &&
              onChange({ tahun: v, semester, populasi })
            }
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="skm-periode">
              {t('skm.period')}
            </Text>
            <SegmentedControl
              aria-labelledby="skm-periode"
              value={String(semester ?? 0)}
              onChange={(v) => onChange({ tahun, semester: v === '0' ? undefined : Number(v), populasi })}
              data={[
                { value: '0', label: t('skm.wholeYear') },
                { value: '1', label: t('skm.semester1') },
                { value: '2', label: t('skm.semester2') },
              ]}
            />
          </Stack>
          <NumberInput
            label={t('skm.population')}
            description={t('skm.populationHint')}
            value={populasi ?? ''}
            min={1}
            thousandSeparator="."
            decimalSeparator=","
            w={260}
            onChange={(v) =>
              onChange({ tahun, semester, populasi: typeof v === 'number' && v > 0 ? v : undefined })
            }
          />
          <Group gap="xs">
            {props.posterHref ? (
              <Button
                component={Link}
                to={props.posterHref}
                variant="light"
                leftSection={<IconQrcode size={16} aria-hidden />}
              >
                {t('skm.posters')}
              </Button>
            ) : null}
            {props.kodeLayananHref ? (
              <Button component={Link} to={props.kodeLayananHref} variant="light">
                {t('skm.kodeLayanan')}
              </Button>
            ) : null}
            {props.paperHref ? (
              <Button component={Link} to={props.paperHref} variant="light">
                {t('skm.paperEntry')}
              </Button>
            ) : null}
            {props.moderationHref ? (
              <Button component={Link} to={props.moderationHref} variant="subtle">
                {t('skm.moderation')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {props.exportActions ? (
          <Stack gap="xs" mt="md">
            {props.exportActions}
          </Stack>
        ) : null}
      </Card>

      {report.isPending ? <LoadingState lines={6} /> : null}
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} retrying={report.isFetching} />
      ) : null}
      {data ? <ReportBody data={data} reportHref={props.reportHref} /> : null}
      {props.children}
    </Stack>
  );
}
