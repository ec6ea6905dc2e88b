import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';

/**
 * A save refused because someone else changed the record first (409 STALE): the API's message and
 * the way to load the latest version. Nothing was overwritten.
 */
export function StaleAlert({
  error,
  onReload,
  reloading,
  title,
  reloadLabel,
}: {
  error: unknown;
  onReload: () => void;
  reloading: boolean;
  title?: string;
  reloadLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={title} icon={<IconAlertCircle aria-hidden />}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        <Button
          size="xs"
          variant="white"
          color="orange.9"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={onReload}
          loading={reloading}
        >
          {reloadLabel ?? t('common.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
