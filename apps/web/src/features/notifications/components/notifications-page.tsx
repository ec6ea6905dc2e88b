import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useNotifications } from '../api/get-notifications';
import { useMarkRead } from '../api/mark-read';
import { notificationMinggu, notificationText } from '../utils/notification-text';

const colors = {
  dikembalikan: 'orange',
  disahkan: 'indigo',
  diverifikasi: 'green',
  jatuh_tempo: 'yellow',
  terlambat: 'red',
  menunggu_kajian: 'blue',
  aktivitas_diputus: 'teal',
} as const;

export function NotificationsPage() {
  const { t } = useTranslation();
  const q = useNotifications();
  const mark = useMarkRead();
  return (
    <Stack gap="lg">
      <PageTitle title={t('laporan.notifications.title')} />
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('laporan.notifications.empty')}</EmptyState>
      ) : (
        <>
          {q.data.unread > 0 ? (
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => mark.mutate({})}
                loading={mark.isPending && !mark.variables?.id}
              >
                {t('laporan.notifications.markAll')}
              </Button>
            </Group>
          ) : null}
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {q.data.items.map((n) => (
              <Card
                key={n.id}
                component="li"
                withBorder
                radius="md"
                padding="sm"
                bg={n.readAt ? undefined : 'var(--mantine-color-blue-0)'}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Badge color={colors[n.kind]} variant="light" radius="sm" c="dark.8">
                        {t(`laporan.notifications.kind.${n.kind}`)}
                      </Badge>
                      {!n.readAt ? (
                        <Text size="xs" fw={700} c="blue.8">
                          {t('laporan.notifications.unread')}
                        </Text>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt)}
                      </Text>
                    </Group>
                    <Text size="sm">{notificationText(t, n)}</Text>
                    {n.laporanId ? (
                      <Anchor
                        component={Link}
                        to={paths.laporan.detail.getHref(n.laporanId)}
                        size="sm"
                        onClick={() => !n.readAt && mark.mutate({ id: n.id })}
                      >
                        {t('laporan.notifications.open')}
                      </Anchor>
                    ) : null}
                    {notificationMinggu(n) ? (
                      <Anchor
                        component={Link}
                        to={paths.aktivitas.minggu.getHref(notificationMinggu(n) ?? undefined)}
                        size="sm"
                        onClick={() => !n.readAt && mark.mutate({ id: n.id })}
                      >
                        {t('laporan.notifications.openMinggu')}
                      </Anchor>
                    ) : null}
                  </Stack>
                  {!n.readAt ? (
                    <Button
                      variant="subtle"
                      size="xs"
                      px={6}
                      style={{ flexShrink: 0 }}
                      onClick={() => mark.mutate({ id: n.id })}
                    >
                      {t('laporan.notifications.markRead')}
                    </Button>
                  ) : null}
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
