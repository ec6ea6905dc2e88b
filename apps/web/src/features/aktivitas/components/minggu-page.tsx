import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { type MingguSaya, penugasanJenisLabel } from '@sip/contracts';
import { IconClockHour4, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { TableHead } from '@/components/ui/table-head';
import { WeekSwitcher } from '@/components/ui/week-switcher';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { formatMenit } from '@/lib/menit';
import { formatTanggalPanjang, formatTanggalPendek } from '@/lib/tanggal';
import { useMinggu } from '../api/get-minggu';
import { EntryCard } from './hari-page';

/** "Minggu saya": the 7 days with minutes per status, the entries and the atasan's decisions. */
export function MingguPage({
  senin,
  today,
  onSenin,
}: {
  senin: string;
  today: string;
  onSenin: (senin: string) => void;
}) {
  const { t } = useTranslation();
  const minggu = useMinggu(senin);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kinerja.minggu.title')} />
        <Text size="sm" c="dimmed">
          {t('kinerja.minggu.intro')}
        </Text>
      </Stack>
      <WeekSwitcher senin={senin} today={today} onChange={onSenin} />
      {minggu.isPending ? (
        <LoadingState />
      ) : minggu.isError ? (
        <ErrorState error={minggu.error} onRetry={() => void minggu.refetch()} retrying={minggu.isFetching} />
      ) : (
        <MingguBody minggu={minggu.data} />
      )}
    </Stack>
  );
}

function MingguBody({ minggu }: { minggu: MingguSaya }) {
  const { t } = useTranslation();
  const total = minggu.hari.reduce(
    (a, h) => ({
      jumlah: a.jumlah + h.jumlah,
      menit: a.menit + h.menit,
      menitDisetujui: a.menitDisetujui + h.menitDisetujui,
      diajukan: a.diajukan + h.diajukan,
      ditolak: a.ditolak + h.ditolak,
    }),
    { jumlah: 0, menit: 0, menitDisetujui: 0, diajukan: 0, ditolak: 0 },
  );
  const byDay = minggu.hari.map((h) => ({
    ...h,
    items: minggu.items.filter((a) => a.tanggal === h.tanggal),
  }));
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm">
          <IconUser size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
          {minggu.atasan
            ? t('kinerja.minggu.atasanJenis', {
                nama: minggu.atasan.nama,
                jenis: jenisLabel(minggu.atasan.jenis),
              })
            : t('kinerja.minggu.noAtasan')}
        </Text>
        <Text size="sm" c="dimmed">
          <IconClockHour4 size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
          {t('kinerja.minggu.batas', { when: formatDateTime(minggu.batasPersetujuan) })}
        </Text>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="minggu-ringkasan">
        <Title order={2} size="h3" id="minggu-ringkasan">
          {t('kinerja.minggu.hariTable')}
        </Title>
        <ScrollRegion label={t('kinerja.minggu.hariTable')}>
          <Table striped withTableBorder verticalSpacing={6} horizontalSpacing="xs" fz="sm" miw={440}>
            <TableHead
              columns={[
                { label: t('kinerja.minggu.col.hari') },
                { label: t('kinerja.minggu.col.aktivitas'), numeric: true },
                { label: t('kinerja.minggu.col.menit'), numeric: true },
                { label: t('kinerja.minggu.col.disetujui'), numeric: true },
                { label: t('kinerja.minggu.col.menunggu'), numeric: true },
                { label: t('kinerja.minggu.col.ditolak'), numeric: true },
              ]}
            />
            <Table.Tbody>
              {minggu.hari.map((h) => (
                <Table.Tr key={h.tanggal}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={paths.aktivitas.hari.getHref(h.tanggal)} size="sm">
                      {formatTanggalPendek(h.tanggal)}
                    </Anchor>
                    {!h.hariKerja ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {h.keterangan ?? t('kinerja.minggu.libur')}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td ta="right">{h.jumlah}</Table.Td>
                  <Table.Td ta="right">{h.menit}</Table.Td>
                  <Table.Td ta="right">{h.menitDisetujui}</Table.Td>
                  <Table.Td ta="right">{h.diajukan}</Table.Td>
                  <Table.Td ta="right">{h.ditolak}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th scope="row">{t('kinerja.minggu.total')}</Table.Th>
                <Table.Td ta="right">{total.jumlah}</Table.Td>
                <Table.Td ta="right">{total.menit}</Table.Td>
                <Table.Td ta="right">{total.menitDisetujui}</Table.Td>
                <Table.Td ta="right">{total.diajukan}</Table.Td>
                <Table.Td ta="right">{total.ditolak}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollRegion>
        <Text size="xs" c="dimmed">
          {t('kinerja.minggu.col.menit')}: {formatMenit(total.menit)} · {t('kinerja.minggu.col.disetujui')}:{' '}
          {formatMenit(total.menitDisetujui)}
        </Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="minggu-aktivitas">
        <Title order={2} size="h3" id="minggu-aktivitas">
          {t('kinerja.minggu.entries')}
        </Title>
        {minggu.items.length === 0 ? (
          <EmptyState>{t('kinerja.minggu.empty')}</EmptyState>
        ) : (
          byDay
            .filter((d) => d.items.length > 0)
            .map((d) => (
              <Stack key={d.tanggal} gap="xs">
                <Title order={3} size="h5">
                  {formatTanggalPanjang(d.tanggal)}
                </Title>
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {d.items.map((a) => (
                    <EntryCard key={a.id} item={a} canChange={false} onEdit={() => {}} onDelete={() => {}} />
                  ))}
                </Stack>
              </Stack>
            ))
        )}
      </Stack>
    </Stack>
  );
}

function jenisLabel(jenis: string): string {
  return jenis in penugasanJenisLabel
    ? penugasanJenisLabel[jenis as keyof typeof penugasanJenisLabel]
    : jenis;
}
