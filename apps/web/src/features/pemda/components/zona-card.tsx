import { Alert, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type PemdaZona, type Zona, zonaSchema, zonaSingkatan } from '@sip/contracts';
import { IconAlertCircle, IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { formatLongDate } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { useZona } from '../api/get-zona';
import { useUpdateZona } from '../api/update-zona';

/** The admin sets the pemda's time zone (WIB, WITA or WIT); its province's is the default. */
export function ZonaCard({ pemdaKode }: { pemdaKode: string }) {
  const { t } = useTranslation();
  const zona = useZona(pemdaKode);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="zona-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconClock size={20} aria-hidden />
          <Title order={2} size="h3" id="zona-title">
            {t('admin.zona.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('admin.zona.intro')}
        </Text>
        {zona.isPending ? (
          <LoadingState lines={2} />
        ) : zona.isError ? (
          <ErrorState error={zona.error} onRetry={() => void zona.refetch()} retrying={zona.isFetching} />
        ) : (
          <ZonaForm key={zona.data.version} current={zona.data} onReload={() => void zona.refetch()} />
        )}
      </Stack>
    </Card>
  );
}

function ZonaForm({ current, onReload }: { current: PemdaZona; onReload: () => void }) {
  const { t } = useTranslation();
  const mutation = useUpdateZona();
  const [value, setValue] = useState<Zona>(current.zona);
  const stale = isApiError(mutation.error, 'STALE');
  const changed = value !== current.zona;

  const save = () =>
    mutation.mutate(
      { pemdaKode: current.pemdaKode, body: { zona: value, version: current.version } },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: t('admin.zona.saved', { zona: zonaSingkatan[saved.zona] }),
          }),
      },
    );

  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('admin.zona.label')}
        value={value}
        onChange={(v) => setValue(zonaSchema.parse(v))}
        description={
          current.diatur && current.updatedAt
            ? t('admin.zona.diatur', { date: formatLongDate(current.updatedAt) })
            : t('admin.zona.bawaan', { zona: zonaSingkatan[current.bawaan] })
        }
      >
        <Stack gap={6} mt="xs">
          {zonaSchema.options.map((z) => (
            <Radio key={z} value={z} label={t(`admin.zona.options.${z}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {changed ? (
        <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />}>
          {t('admin.zona.confirm')}
        </Alert>
      ) : null}
      {stale ? (
        <StaleAlert error={mutation.error} onReload={onReload} reloading={false} />
      ) : mutation.isError ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(mutation.error)}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={save} loading={mutation.isPending} disabled={!changed}>
          {t('admin.zona.save')}
        </Button>
      </Group>
    </Stack>
  );
}
