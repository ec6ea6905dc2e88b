import { Badge, Card, Group, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import type { Tugas } from '@sip/contracts';
import {
  IconAlertTriangle,
  IconChecklist,
  IconClockExclamation,
  IconFileText,
  IconLock,
  IconSignature,
  IconSpeakerphone,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { paths } from '@/config/paths';
import { formatDateTime, formatDueDate } from '@/lib/format';
import { useTugas } from '../api/get-tugas';

interface Row {
  key: string;
  title: string;
  detail: string;
  href: string;
  icon: ReactNode;
  urgent: boolean;
}

function useRow() {
  const { t } = useTranslation();
  const month = (b: number) => t(`laporan.month.${String(b) as '1'}`);
  return (item: Tugas, i: number): Row => {
    switch (item.jenis) {
      case 'laporan': {
        const name =
          item.kind === 'bulanan'
            ? t('tugas.monthly', { bulan: month(item.bulan ?? 1), tahun: item.tahun })
            : t('tugas.annual', { tahun: item.tahun });
        const date = formatDueDate(item.dueAt);
        const detail =
          item.status === 'dikembalikan'
            ? item.dikembalikanOleh
              ? t('tugas.returnedBy', { by: t(`tugas.by.${item.dikembalikanOleh}`), count: item.catatan })
              : t('tugas.returned', { count: item.catatan })
            : item.status === null
              ? t(item.terlambat ? 'tugas.lateNotStarted' : 'tugas.dueNotStarted', { date })
              : t(item.terlambat ? 'tugas.lateDraft' : 'tugas.dueDraft', { date });
        return {
          key: `l-${item.periodeId}-${item.wilayahKode}-${item.kind}-${item.bulan ?? 0}`,
          title: `${name} · ${item.wilayahNama}`,
          detail,
          href: item.laporanId
            ? paths.laporan.detail.getHref(item.laporanId)
            : paths.laporan.unit.getHref(item.wilayahKode, item.tahun),
          icon: <IconFileText size={20} aria-hidden />,
          urgent: item.terlambat || item.status === 'dikembalikan',
        };
      }
      case 'pengesahan':
      case 'verifikasi':
        return {
          key: `${item.jenis}-${item.periodeId}`,
          title: t(`tugas.${item.jenis}`, { count: item.jumlah }),
          detail: t('tugas.oldest', { tahun: item.tahun, days: item.terlamaHari }),
          href: paths.verifikasi.getHref(item.tahun),
          icon:
            item.jenis === 'pengesahan' ? (
              <IconSignature size={20} aria-hidden />
            ) : (
              <IconChecklist size={20} aria-hidden />
            ),
          urgent: item.terlamaHari > 7,
        };
      case 'unit_terlambat':
        return {
          key: `late-${item.periodeId}`,
          title: t('tugas.unitTerlambat', { count: item.jumlah }),
          detail: t('tugas.unitTerlambatDetail', { bulan: month(item.bulan), tahun: item.tahun }),
          href: paths.rapor.analytics.getHref(item.tahun),
          icon: <IconClockExclamation size={20} aria-hidden />,
          urgent: true,
        };
      case 'periode_belum_diumumkan':
        return {
          key: `pub-${item.periodeId}`,
          title: t('tugas.belumDiumumkan', { tahun: item.tahun }),
          detail: t('tugas.belumDiumumkanDetail'),
          href: paths.rapor.publication.getHref(item.tahun),
          icon: <IconSpeakerphone size={20} aria-hidden />,
          urgent: false,
        };
      case 'akun_terkunci':
        return {
          key: 'locked',
          title: t('tugas.akunTerkunci', { count: item.jumlah }),
          detail: t('tugas.akunTerkunciDetail'),
          href: paths.admin.users.getHref(),
          icon: <IconLock size={20} aria-hidden />,
          urgent: false,
        };
      case 'skm_karantina':
        return {
          key: `skm-${i}`,
          title: t('tugas.skmKarantina', { count: item.jumlah }),
          detail: t('tugas.skmKarantinaDetail'),
          href: paths.skm.report.getHref(item.wilayahKode),
          icon: <IconAlertTriangle size={20} aria-hidden />,
          urgent: false,
        };
    }
  };
}

/** The home page's to-do list: each task links to the page where it is done. */
export function TugasList() {
  const { t } = useTranslation();
  const q = useTugas();
  const row = useRow();
  return (
    <Stack gap="sm" component="section" aria-labelledby="tugas-anda">
      <Title order={2} size="h3" id="tugas-anda">
        {t('tugas.heading')}
      </Title>
      {q.isPending ? (
        <LoadingState lines={3} />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('tugas.empty')}</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('tugas.intro')} {t('tugas.updated', { time: formatDateTime(q.data.dihitungPada) })}
          </Text>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {q.data.items.map((item, i) => {
              const r = row(item, i);
              return (
                <li key={r.key}>
                  <Card withBorder radius="md" padding={0}>
                    <UnstyledButton component={Link} to={r.href} p="sm" w="100%" className="tugas-link">
                      <Group gap="sm" wrap="nowrap" align="flex-start">
                        <ThemeIcon
                          size={36}
                          radius="md"
                          variant="light"
                          color={r.urgent ? 'red' : 'blue'}
                          aria-hidden
                        >
                          {r.icon}
                        </ThemeIcon>
                        <div style={{ minWidth: 0, flex: 1 }}>
                          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                            {r.title}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {r.detail}
                          </Text>
                        </div>
                        {r.urgent && item.jenis === 'laporan' && item.terlambat ? (
                          <Badge color="red.9" variant="filled" radius="sm">
                            {t('tugas.late')}
                          </Badge>
                        ) : null}
                      </Group>
                    </UnstyledButton>
                  </Card>
                </li>
              );
            })}
          </Stack>
        </>
      )}
    </Stack>
  );
}
