import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from './scroll-region';

/**
 * A chart with a table view of the same numbers (for screen readers, checking and copying). The
 * chart is an image with a short summary; the table is the full data.
 */
export function ChartCard({
  title,
  summary,
  chart,
  table,
  actions,
}: {
  title: string;
  /** One sentence read out for the chart image. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby={headingId}
      className="chart-card"
    >
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Title order={2} fz="lg" id={headingId}>
          {title}
        </Title>
        <Group gap="xs">
          {actions}
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            aria-label={`${title}: ${t('common.showChart')} / ${t('common.showTable')}`}
            data={[
              { value: 'chart', label: t('common.showChart') },
              { value: 'table', label: t('common.showTable') },
            ]}
          />
        </Group>
      </Group>
      {view === 'chart' ? (
        <div role="img" aria-label={summary}>
          {chart}
        </div>
      ) : (
        <ScrollRegion label={title}>{table}</ScrollRegion>
      )}
      {view === 'chart' ? (
        <Text size="xs" c="dimmed" mt={4}>
          {summary}
        </Text>
      ) : null}
    </Card>
  );
}
