import { Alert, Button, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface TemporaryPasswordProps {
  value: { username: string; password: string } | null;
  onClose: () => void;
}

/** Shown once: the server keeps only the hash, so closing this dialog is the last chance to copy it. */
export function TemporaryPasswordDialog({ value, onClose }: TemporaryPasswordProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={value !== null}
      onClose={onClose}
      title={t('admin.users.tempPasswordTitle')}
      closeButtonProps={{ 'aria-label': t('admin.close') }}
    >
      {value ? (
        <Stack gap="sm">
          <Text size="sm">{t('admin.users.tempPasswordIntro', { username: value.username })}</Text>
          <Group gap="sm">
            <Text ff="monospace" fz="xl" fw={700} data-testid="temporary-password">
              {value.password}
            </Text>
            <CopyButton value={value.password}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                  }
                >
                  {copied ? t('admin.users.copied') : t('admin.users.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" variant="light" icon={<IconKey aria-hidden />}>
            {t('admin.users.tempPasswordWarning')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('admin.users.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
