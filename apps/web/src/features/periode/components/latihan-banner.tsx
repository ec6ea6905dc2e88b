import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '@/components/ui/error-text';
import { errorMessage } from '@/lib/api-client';
import { useLatihanMode } from '../latihan-mode';

/** Above every page while mode latihan is on: nothing done here counts, and the way out. */
export function LatihanBanner() {
  const { t } = useTranslation();
  const mode = useLatihanMode();
  if (!mode.on) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      mb="md"
      icon={<IconSchool aria-hidden />}
      title={t('latihan.bannerTitle')}
      role="status"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{t('latihan.bannerText')}</Text>
        <Button size="xs" variant="default" loading={mode.switching} onClick={() => mode.switchTo(false)}>
          {t('latihan.leave')}
        </Button>
      </Group>
    </Alert>
  );
}

/** In the navigation: switches mode latihan on (when the pemda has a practice periode) or off. */
export function LatihanSwitch({ fullWidth = true }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const mode = useLatihanMode();
  if (!mode.available && !mode.on) return null;
  return (
    <Stack gap={4} w={fullWidth ? '100%' : undefined}>
      <Button
        variant="default"
        size="sm"
        fullWidth={fullWidth}
        leftSection={<IconSchool size={18} color="var(--mantine-color-orange-9)" aria-hidden />}
        loading={mode.switching}
        onClick={() => mode.switchTo(!mode.on)}
      >
        {mode.on ? t('latihan.leave') : t('latihan.enter')}
      </Button>
      {mode.error ? <ErrorText size="xs">{errorMessage(mode.error)}</ErrorText> : null}
    </Stack>
  );
}
