import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import type { AntreanVerifikasi } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { MonthSwitcher } from '@/components/ui/month-switcher';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { TableHead } from '@/components/ui/table-head';
import { paths } from '@/config/paths';
import { formatNumber } from '@/lib/format';
import { useAntrean } from '../api/get-antrean';
import { VerifikasiStatusBadge } from './status-badge';

/** The verifikator kinerja's queue: every unit kerja in scope for one month, with its status and counts. */
export function AntreanPage({
  tahun,
  bulan,
  latest,
  onChange,
}: {
  tahun: number;
  bulan: number;
  latest: { tahun: number; bulan: number };
  onChange: (v: { tahun: number; bulan: number }) => void;
}) {
  const { t } = useTranslation();
  const q = useAntrean(tahun, bulan);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kinerja.verifikasi.title')} />
        <Text size="sm" c="dimmed">
          {t('kinerja.verifikasi.intro')}
        </Text>
      </Stack>
      <MonthSwitcher tahun={tahun} bulan={bulan} latest={latest} onChange={onChange} />
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <AntreanTable data={q.data} />
      )}
    </Stack>
  );
}

function AntreanTable({ data }: { data: AntreanVerifikasi }) {
  const { t } = useTranslation();
  if (data.items.length === 0) return <EmptyState>{t('kinerja.verifikasi.empty')}</EmptyState>;
  const c = (
    k: 'unit' | 'status' | 'pegawai' | 'aktivitas' | 'disetujui' | 'belumDiputus' | 'diverifikasi',
  ) => t(`kinerja.verifikasi.col.${k}`);
  return (
    <ScrollRegion label={t('kinerja.verifikasi.title')}>
      <Table striped highlightOnHover withTableBorder fz="sm" miw={720} verticalSpacing={6}>
        <TableHead
          columns={[
            { label: c('unit') },
            { label: c('status') },
            { label: c('pegawai'), numeric: true },
            { label: c('aktivitas'), numeric: true },
            { label: c('disetujui'), numeric: true },
            { label: c('belumDiputus'), numeric: true },
            { label: c('diverifikasi'), numeric: true },
          ]}
        />
        <Table.Tbody>
          {data.items.map((u) => (
            <Table.Tr key={u.unitKerjaId}>
              <Table.Th scope="row" fw={500}>
                <Anchor
                  component={Link}
                  to={paths.verifikasiKinerja.unit.getHref(u.unitKerjaId, data.tahun, data.bulan)}
                  size="sm"
                >
                  {u.nama}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <VerifikasiStatusBadge status={u.status} />
                {u.cara ? (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t(`kinerja.verifikasi.cara.${u.cara}`)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(u.pegawai)}</Table.Td>
              <Table.Td ta="right">{formatNumber(u.aktivitas)}</Table.Td>
              <Table.Td ta="right">{formatNumber(u.disetujui)}</Table.Td>
              <Table.Td ta="right">
                {u.belumDiputus > 0 ? (
                  <Badge color="orange" variant="light" radius="sm" c="dark.8">
                    {formatNumber(u.belumDiputus)}
                  </Badge>
                ) : (
                  0
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(u.diverifikasi)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
