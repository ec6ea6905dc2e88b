import { Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { Rapor } from '@sip/scoring';
import { useTranslation } from 'react-i18next';
import { formatScore } from '@/lib/format';

/** Live preview: bidang scores, the running total and its predikat, recomputed on every keystroke. */
export function PreviewPanel({ rapor, verified }: { rapor: Rapor | null; verified: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="pratinjau-judul">
      <Stack gap="xs">
        <Title order={2} size="h4" id="pratinjau-judul">
          {t('laporan.preview.title')}
        </Title>
        <Group justify="space-between" align="baseline" aria-live="polite">
          <Text size="sm">{t('laporan.preview.total')}</Text>
          <Text fw={700} fz={28} data-testid="pratinjau-total">
            {formatScore(rapor?.total)}
          </Text>
        </Group>
        <Group justify="space-between">
          <Text size="sm">{t('laporan.preview.predikat')}</Text>
          <Text fw={600} data-testid="pratinjau-predikat">
            {rapor?.predikat ?? t('laporan.preview.none')}
          </Text>
        </Group>
        <Divider />
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rapor?.bidang.map((b) => (
            <Group key={b.code} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" lineClamp={2}>
                {b.code}. {b.name}
              </Text>
              <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
                {formatScore(b.score)}
              </Text>
            </Group>
          ))}
        </Stack>
        <Text size="xs" c="dimmed">
          {verified ? t('laporan.preview.hintVerified') : t('laporan.preview.hint')}
        </Text>
      </Stack>
    </Card>
  );
}
