import { Alert, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, visibleText } from '@/lib/format';
import { type SkmSaranParams, useSkmSaran } from '../api/get-skm-saran';
import { useModerateSkmSaran } from '../api/moderate-skm-saran';

const PAGE_SIZE = 20;

/** Citizens' suggestions wait here until an admin or verifikator approves (shown) or hides them (kept). */
export function SkmModeration() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SkmSaranParams['status']>('menunggu');
  const [page, setPage] = useState(1);
  const list = useSkmSaran({ status, page, pageSize: PAGE_SIZE });
  const moderate = useModerateSkmSaran();
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const act = (id: string, next: 'disetujui' | 'disembunyikan') =>
    moderate.mutate(
      { id, status: next },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: next === 'disetujui' ? t('skm.approvedDone') : t('skm.hiddenDone'),
          }),
      },
    );

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('skm.moderationTitle')} />
        <Text size="sm" c="dimmed">
          {t('skm.moderationIntro')}
        </Text>
      </Stack>
      <SegmentedControl
        aria-label={t('skm.status')}
        value={status}
        onChange={(v) => {
          setStatus(v as SkmSaranParams['status']);
          setPage(1);
        }}
        data={[
          { value: 'menunggu', label: t('skm.pending') },
          { value: 'disetujui', label: t('skm.approved') },
          { value: 'disembunyikan', label: t('skm.hidden') },
        ]}
        w="fit-content"
      />
      {moderate.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(moderate.error)}
        </Alert>
      ) : null}
      {list.isPending ? <LoadingState lines={4} /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState>{t('skm.noPending')}</EmptyState> : null}
      {list.data?.items.map((s) => (
        <Card
          key={s.id}
          withBorder
          radius="md"
          padding="md"
          component="article"
          aria-label={`${s.wilayahNama}: ${s.saran.slice(0, 60)}`}
        >
          <Text style={{ whiteSpace: 'pre-wrap' }}>{visibleText(s.saran)}</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {s.wilayahNama} ({s.wilayahKode}) · {formatDateTime(s.submittedAt)}
            {s.layanan ? ` · ${t('skm.service')}: ${s.layanan}` : ''}
          </Text>
          <Group gap="xs" mt="sm">
            {s.status !== 'disetujui' ? (
              <Button
                size="xs"
                color="green"
                onClick={() => act(s.id, 'disetujui')}
                loading={moderate.isPending && moderate.variables?.id === s.id}
              >
                {t('skm.approve')}
              </Button>
            ) : null}
            {s.status !== 'disembunyikan' ? (
              <Button size="xs" color="gray" variant="light" onClick={() => act(s.id, 'disembunyikan')}>
                {t('skm.hide')}
              </Button>
            ) : null}
          </Group>
        </Card>
      ))}
      {list.data && list.data.total > PAGE_SIZE ? (
        <Group justify="space-between">
          <Text size="sm">{t('skm.page', { page, pages })}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('skm.prev')}
            </Button>
            <Button size="xs" variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('skm.next')}
            </Button>
          </Group>
        </Group>
      ) : null}
    </Stack>
  );
}
