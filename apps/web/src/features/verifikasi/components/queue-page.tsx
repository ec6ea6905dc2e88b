import 'mantine-datatable/styles.css';
import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { type LaporanStatus, laporanStatuses } from '@sip/contracts';
import { DataTable } from 'mantine-datatable';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatDateTime, formatNumber, NO_VALUE } from '@/lib/format';
import { useQueueCounts } from '../api/get-counts';
import { type QueueFilters, useQueue } from '../api/get-queue';

const PAGE_SIZE = 25;

/**
 * What waits for the camat (endorsement) or the verifikator (verification), oldest first; counts per
 * status. `kecamatan` lists the filter's choices (the app reads them from the wilayah feature).
 */
export function QueuePage({
  kecamatan: kecamatanList,
  periodeId,
  yearSelect,
}: {
  kecamatan: { kode: string; nama: string }[];
  /** The periode shown (default: the active one). */
  periodeId?: string | undefined;
  /** The year selector (the app composes it from the periode feature). */
  yearSelect?: ReactNode;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('menunggu');
  const [kecamatan, setKecamatan] = useState<string | null>(null);
  const [bulan, setBulan] = useState<string | null>(null);
  const [late, setLate] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const query: QueueFilters = {
    status,
    page,
    pageSize: PAGE_SIZE,
    ...(kecamatan ? { kecamatan } : {}),
    ...(bulan !== null ? { bulan: Number(bulan) } : {}),
    ...(late ? { late: late as 'true' | 'false' } : {}),
    ...(periodeId ? { periodeId } : {}),
  };
  const q = useQueue(query);
  const counts = useQueueCounts(periodeId);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const monthName = (b: number | null) =>
    b === null ? t('laporan.queue.annual') : t(`laporan.month.${String(b) as '1'}`);

  const tiles: Array<{ key: string; label: string; value: number | undefined; onClick: () => void }> = [
    {
      key: 'menunggu',
      label: t('laporan.queue.waitingForMe'),
      value: counts.data?.menunggu,
      onClick: () => reset(setStatus)('menunggu'),
    },
    ...(['diajukan', 'dikaji_camat', 'dikembalikan', 'diverifikasi'] as LaporanStatus[]).map((s) => ({
      key: s,
      label: t(`laporan.status.${s}`),
      value: counts.data?.byStatus[s],
      onClick: () => reset(setStatus)(s),
    })),
    {
      key: 'late',
      label: t('laporan.queue.lateCount'),
      value: counts.data?.late,
      onClick: () => reset(setLate)('true'),
    },
  ];

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('laporan.queue.title')}
        eyebrow={
          counts.data?.periode
            ? t('laporan.overview.periode', { tahun: counts.data.periode.tahun })
            : undefined
        }
      />
      <Text c="dimmed">{t('laporan.queue.intro')}</Text>
      {yearSelect}
      <SimpleGrid
        cols={{ base: 2, sm: 3, lg: 6 }}
        spacing="sm"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('laporan.queue.total', { count: q.data?.total ?? 0 })}
      >
        {tiles.map((tile) => (
          <Card key={tile.key} component="li" withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed" fw={600}>
              {tile.label}
            </Text>
            <Anchor
              component="button"
              type="button"
              onClick={tile.onClick}
              fz={26}
              fw={700}
              c="var(--mantine-color-text)"
              aria-label={`${tile.label}: ${tile.value ?? 0}`}
            >
              {formatNumber(tile.value ?? 0)}
            </Anchor>
          </Card>
        ))}
      </SimpleGrid>

      <Group gap="sm" align="flex-end" role="search" aria-label={t('laporan.queue.filters')}>
        <Select
          label={t('laporan.queue.status')}
          value={status}
          onChange={(v) => reset(setStatus)(v ?? 'menunggu')}
          data={[
            { value: 'menunggu', label: t('laporan.queue.statusWaiting') },
            ...laporanStatuses.map((s) => ({ value: s, label: t(`laporan.status.${s}`) })),
          ]}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('laporan.queue.kecamatan')}
          placeholder={t('laporan.queue.allKecamatan')}
          value={kecamatan}
          onChange={reset(setKecamatan)}
          data={kecamatanList.map((k) => ({ value: k.kode, label: k.nama }))}
          searchable
          clearable
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={t('laporan.queue.bulan')}
          placeholder={t('laporan.queue.allBulan')}
          value={bulan}
          onChange={reset(setBulan)}
          data={[
            ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) })),
            { value: '0', label: t('laporan.queue.annual') },
          ]}
          clearable
          w={{ base: '100%', xs: 170 }}
        />
        <Select
          label={t('laporan.queue.lateness')}
          placeholder={t('laporan.queue.all')}
          value={late}
          onChange={reset(setLate)}
          data={[
            { value: 'true', label: t('laporan.queue.lateOnly') },
            { value: 'false', label: t('laporan.queue.onTimeOnly') },
          ]}
          clearable
          w={{ base: '100%', xs: 190 }}
        />
      </Group>

      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <DataTable
          withTableBorder
          borderRadius="md"
          striped
          minHeight={160}
          fetching={q.isFetching}
          records={q.data?.items ?? []}
          totalRecords={q.data?.total ?? 0}
          recordsPerPage={PAGE_SIZE}
          page={page}
          onPageChange={setPage}
          noRecordsText={t('laporan.queue.empty')}
          paginationText={({ from, to, totalRecords }) => `${from}–${to} / ${totalRecords}`}
          columns={[
            {
              accessor: 'wilayahNama',
              title: t('laporan.queue.unit'),
              render: (r) => (
                <Anchor
                  component={Link}
                  to={paths.laporan.detail.getHref(r.id)}
                  aria-label={t('laporan.queue.open', { name: `${r.wilayahNama} ${monthName(r.bulan)}` })}
                >
                  {r.wilayahNama}
                </Anchor>
              ),
            },
            { accessor: 'kecamatanNama', title: t('laporan.queue.kecamatan') },
            {
              accessor: 'bulan',
              title: t('laporan.queue.report'),
              render: (r) => `${monthName(r.bulan)} ${r.tahun}`,
            },
            {
              accessor: 'submittedAt',
              title: t('laporan.queue.submittedAt'),
              noWrap: true,
              render: (r) => (r.submittedAt ? formatDateTime(r.submittedAt) : NO_VALUE),
            },
            {
              accessor: 'status',
              title: t('laporan.queue.status'),
              noWrap: true,
              render: (r) => (
                <Group gap={4}>
                  <Badge variant="light" radius="sm" c="dark.8">
                    {t(`laporan.status.${r.status}`)}
                  </Badge>
                  {r.late ? (
                    <Badge color="red" variant="light" radius="sm" c="red.9">
                      {t('laporan.overview.late')}
                    </Badge>
                  ) : null}
                </Group>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
