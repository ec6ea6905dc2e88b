import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while the first page of a visit loads (session check, route chunk). */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" component="main" aria-busy="true">
      <Stack align="center" gap="sm">
        <Loader aria-hidden />
        <Text c="dimmed" role="status">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}
