import { Card, Timeline as MTimeline, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/components/ui/loading-state';
import { formatDateTime, NO_VALUE, visibleText } from '@/lib/format';
import { useTimeline } from '../api/get-timeline';
import { timelineSummary } from '../utils/timeline-summary';

/** Who did what, when and why: the report's audit rows. */
export function LaporanTimeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useTimeline(id);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="riwayat-judul">
      <Title order={2} size="h4" id="riwayat-judul" mb="sm">
        {t('laporan.timeline.title')}
      </Title>
      {q.isPending ? (
        <LoadingState />
      ) : !q.data?.items.length ? (
        <Text size="sm" c="dimmed">
          {t('laporan.timeline.empty')}
        </Text>
      ) : (
        <MTimeline bulletSize={12} lineWidth={2}>
          {q.data.items.map((item) => (
            <MTimeline.Item key={item.id} title={timelineSummary(t, item)}>
              <Text size="xs" c="dimmed">
                {formatDateTime(item.at)} · {item.actorNama ?? item.actorUsername ?? NO_VALUE}
              </Text>
              {item.reason ? (
                <Text size="sm">{t('laporan.timeline.reason', { reason: visibleText(item.reason) })}</Text>
              ) : null}
            </MTimeline.Item>
          ))}
        </MTimeline>
      )}
    </Card>
  );
}
