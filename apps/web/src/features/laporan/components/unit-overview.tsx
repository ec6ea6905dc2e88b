import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UnitLaporanOverview as Overview } from '@sip/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatDueDate } from '@/lib/format';
import { useUnitLaporan } from '../api/get-unit-laporan';
import { useOpenLaporan } from '../api/open-laporan';
import { LaporanStatusBadge, LateBadge } from './status-badge';

/** A unit's twelve monthly reports and its annual report for a periode (default: the active one). */
export function UnitLaporanOverview({
  kode,
  periodeId,
  yearSelect,
}: {
  kode: string;
  periodeId?: string | undefined;
  /** The year selector (the app composes it from the periode feature). */
  yearSelect?: ReactNode;
}) {
  const { t } = useTranslation();
  const q = useUnitLaporan(kode, periodeId);
  if (q.isPending) return <LoadingState lines={6} />;
  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const o = q.data;
  return (
    <Stack gap="lg">
      <PageTitle
        title={t('laporan.overview.title', { nama: o.unit.nama })}
        eyebrow={o.periode ? t('laporan.overview.periode', { tahun: o.periode.tahun }) : undefined}
      />
      <Text c="dimmed">{t('laporan.overview.intro')}</Text>
      {yearSelect}
      {!o.periode ? (
        <EmptyState>{t('laporan.overview.noPeriode')}</EmptyState>
      ) : (
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 3, lg: 4 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {o.reports.map((r) => (
            <ReportCard key={`${r.kind}-${r.bulan ?? 0}`} overview={o} report={r} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function ReportCard({ overview, report: r }: { overview: Overview; report: Overview['reports'][number] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenLaporan();
  const name =
    r.kind === 'bulanan' ? t(`laporan.month.${String(r.bulan) as '1'}`) : t('laporan.overview.annual');
  const headingId = `laporan-${r.kind}-${r.bulan ?? 0}`;
  const create = () =>
    open.mutate(
      { wilayahKode: overview.unit.kode, kind: r.kind, bulan: r.bulan, periodeId: overview.periode?.id },
      {
        onSuccess: (d) => void navigate(paths.laporan.detail.getHref(d.id)),
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap={6} h="100%">
        <Title order={2} size="h4" id={headingId}>
          {name}
        </Title>
        <Group gap={6}>
          <LaporanStatusBadge status={r.status} />
          {r.late ? <LateBadge /> : null}
        </Group>
        <Text size="sm" c="dimmed">
          {t('laporan.overview.due', { date: formatDueDate(r.dueAt) })}
        </Text>
        {r.submittedAt ? (
          <Text size="sm">{t('laporan.overview.submitted', { date: formatDueDate(r.submittedAt) })}</Text>
        ) : null}
        <Group mt="auto" pt="xs">
          {r.id ? (
            <Button
              component={Link}
              to={paths.laporan.detail.getHref(r.id)}
              size="xs"
              variant="light"
              aria-label={`${t('laporan.overview.open')} ${name}`}
            >
              {t('laporan.overview.open')}
            </Button>
          ) : !r.open ? (
            <Text size="xs" c="dimmed">
              {t('laporan.overview.notYet')}
            </Text>
          ) : overview.canCreate ? (
            <Button
              size="xs"
              onClick={create}
              loading={open.isPending}
              aria-label={`${t('laporan.overview.fill')} ${name}`}
            >
              {t('laporan.overview.fill')}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              {t('laporan.overview.notCreated')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
