import { Alert, Button, Card, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import type { PeriodeSummary } from '@sip/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '@/components/ui/error-text';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useLatihan, useResetLatihan } from '../api/latihan';

/**
 * The admin's practice periode: made from a real periode (its framework and settings), started
 * again from nothing when a new group of staff begins. Staff switch to it with "Mode latihan".
 */
export function LatihanPanel({ periodes }: { periodes: PeriodeSummary[] }) {
  const { t } = useTranslation();
  const state = useLatihan();
  const reset = useResetLatihan();
  const sources = periodes.filter((p) => p.status !== 'draf');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const chosen = sourceId ?? sources[0]?.id ?? null;
  const current = state.data?.periode ?? null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="latihan-judul">
      <Stack gap="sm">
        <Title order={2} size="h3" id="latihan-judul">
          {t('latihan.admin.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('latihan.admin.intro')}
        </Text>
        {current ? (
          <Text size="sm">
            {t('latihan.admin.current', {
              tahun: current.tahun,
              since: formatDateTime(current.updatedAt),
            })}
          </Text>
        ) : state.isSuccess ? (
          <Text size="sm">{t('latihan.admin.none')}</Text>
        ) : null}
        {sources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('latihan.admin.noSource')}
          </Text>
        ) : (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('latihan.admin.source')}
              data={sources.map((p) => ({ value: p.id, label: t('admin.periode.name', { tahun: p.tahun }) }))}
              value={chosen}
              onChange={setSourceId}
              allowDeselect={false}
              w={{ base: '100%', xs: 240 }}
            />
            <Button variant="default" onClick={() => setConfirming(true)} disabled={!chosen}>
              {current ? t('latihan.admin.reset') : t('latihan.admin.create')}
            </Button>
          </Group>
        )}
        {reset.isSuccess && !confirming ? (
          <Alert color="green" variant="light" role="status">
            {t('latihan.admin.done')}
          </Alert>
        ) : null}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          reset.reset();
        }}
        title={current ? t('latihan.admin.reset') : t('latihan.admin.create')}
      >
        <Stack gap="sm">
          <Text size="sm">{current ? t('latihan.admin.resetWarning') : t('latihan.admin.createInfo')}</Text>
          {reset.isError ? <ErrorText>{errorMessage(reset.error)}</ErrorText> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={reset.isPending}
              onClick={() => {
                if (!chosen) return;
                reset.mutate({ periodeId: chosen }, { onSuccess: () => setConfirming(false) });
              }}
            >
              {current ? t('latihan.admin.resetConfirm') : t('latihan.admin.create')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
