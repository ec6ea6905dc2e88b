import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AnggotaTim, Tim } from '@sip/contracts';
import { IconAlertCircle, IconChecks, IconEye } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { WeekSwitcher } from '@/components/ui/week-switcher';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { formatMenit } from '@/lib/menit';
import { formatTanggalPendek } from '@/lib/tanggal';
import { mingguAnggotaQueryOptions } from '../api/get-minggu-anggota';
import { useTim } from '../api/get-tim';
import { useSetujuiMinggu } from '../api/setujui-minggu';

/** "Tim saya": the atasan's board of a week — who logged what, what waits, who has empty days. */
export function TimPage({
  senin,
  today,
  onSenin,
}: {
  senin: string;
  today: string;
  onSenin: (senin: string) => void;
}) {
  const { t } = useTranslation();
  const tim = useTim(senin);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kinerja.tim.title')} />
        <Text size="sm" c="dimmed">
          {t('kinerja.tim.intro')}
        </Text>
      </Stack>
      <WeekSwitcher senin={senin} today={today} onChange={onSenin} />
      {tim.isPending ? (
        <LoadingState />
      ) : tim.isError ? (
        <ErrorState error={tim.error} onRetry={() => void tim.refetch()} retrying={tim.isFetching} />
      ) : (
        <TimBoard tim={tim.data} today={today} />
      )}
    </Stack>
  );
}

function TimBoard({ tim, today }: { tim: Tim; today: string }) {
  const { t } = useTranslation();
  if (tim.anggota.length === 0) return <EmptyState>{t('kinerja.tim.empty')}</EmptyState>;
  // Those with entries waiting, the escalated and the late first.
  const sorted = [...tim.anggota].sort(
    (a, b) =>
      Number(b.lewatBatas) - Number(a.lewatBatas) ||
      Number(b.eskalasi) - Number(a.eskalasi) ||
      b.diajukan - a.diajukan ||
      a.nama.localeCompare(b.nama, 'id'),
  );
  return (
    <SimpleGrid
      cols={{ base: 1, md: 2 }}
      spacing="md"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {sorted.map((a) => (
        <AnggotaCard key={`${a.pegawaiId}-${a.melaluiJabatan}`} anggota={a} senin={tim.senin} today={today} />
      ))}
    </SimpleGrid>
  );
}

function AnggotaCard({ anggota: a, senin, today }: { anggota: AnggotaTim; senin: string; today: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setujui = useSetujuiMinggu();
  const [error, setError] = useState<unknown>(null);
  const headingId = `anggota-${a.pegawaiId}`;
  // Today is still being logged: only the days before it count as empty.
  const hariKosong = a.hariKosong.filter((d) => d < today);

  // One click: the member's week is read for the ids and versions the atasan is approving.
  const approveAll = async () => {
    setError(null);
    try {
      const week = await queryClient.fetchQuery({
        ...mingguAnggotaQueryOptions(a.pegawaiId, senin),
        staleTime: 0,
      });
      const items = week.items.filter((i) => i.status === 'diajukan' && !i.terkunci);
      if (items.length === 0) return;
      setujui.mutate(
        { pegawaiId: a.pegawaiId, senin, items: items.map(({ id, version }) => ({ id, version })) },
        {
          onSuccess: (r) =>
            notifications.show({
              color: 'green',
              message: t('kinerja.tim.setujuiDone', { count: r.disetujui, nama: a.nama }),
            }),
          onError: setError,
        },
      );
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {a.nama}
            </Title>
            <Text size="xs" c="dimmed" ff="monospace">
              {a.nip}
            </Text>
            <Text size="sm">
              {a.jabatan}
              {a.melaluiJabatan ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {t('kinerja.tim.melalui', { jabatan: a.melaluiJabatan })}
                </Text>
              ) : null}
            </Text>
          </div>
          <Group gap={4} justify="flex-end">
            {a.eskalasi ? (
              <Tooltip
                label={t('kinerja.tim.eskalasiHint')}
                multiline
                w={240}
                events={{ hover: true, focus: true, touch: true }}
              >
                <Badge color="orange" variant="light" radius="sm" c="dark.8" tabIndex={0}>
                  {t('kinerja.tim.eskalasi')}
                </Badge>
              </Tooltip>
            ) : null}
            {a.lewatBatas ? (
              <Badge color="red" variant="light" radius="sm" c="dark.8">
                {t('kinerja.tim.lewatBatas')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Group gap="xs">
          <Badge variant="outline" color="gray" radius="sm" c="dark.8" tt="none">
            {t('kinerja.tim.menit', { menit: formatMenit(a.menit) })}
          </Badge>
          <Badge variant="light" color={a.diajukan > 0 ? 'blue' : 'gray'} radius="sm" c="dark.8" tt="none">
            {t('kinerja.tim.menunggu', { count: a.diajukan })}
          </Badge>
          <Badge variant="light" color="green" radius="sm" c="dark.8" tt="none">
            {t('kinerja.tim.disetujui', { count: a.disetujui })}
          </Badge>
          {a.ditolak > 0 ? (
            <Badge variant="light" color="red" radius="sm" c="dark.8" tt="none">
              {t('kinerja.tim.ditolak', { count: a.ditolak })}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c={hariKosong.length > 0 ? 'red.9' : 'dimmed'}>
          {hariKosong.length > 0
            ? t('kinerja.tim.hariKosong', { hari: hariKosong.map(formatTanggalPendek).join(', ') })
            : t('kinerja.tim.hariKosongNone')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('kinerja.tim.batas', { when: formatDateTime(a.batasPersetujuan) })}
        </Text>
        {error ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group gap="xs" mt="auto">
          <Button
            size="xs"
            leftSection={<IconChecks size={16} aria-hidden />}
            onClick={() => void approveAll()}
            loading={setujui.isPending}
            disabled={a.diajukan === 0}
            aria-label={t('kinerja.tim.setujuiSemuaOf', { nama: a.nama })}
          >
            {t('kinerja.tim.setujuiSemua')}
          </Button>
          <Button
            size="xs"
            variant="default"
            component={Link}
            to={paths.tim.anggota.getHref(a.pegawaiId, senin)}
            leftSection={<IconEye size={16} aria-hidden />}
            aria-label={t('kinerja.tim.openOf', { nama: a.nama })}
          >
            {t('kinerja.tim.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
