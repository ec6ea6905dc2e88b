import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/ui/language-switch';

/** The frame of the public pages (no login): the app's name, the way in for staff, the language. */
export function PublicShell({ loginLink, children }: { loginLink: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700}>{t('app.name')}</Text>
        <Group gap="sm">
          {loginLink}
          <LanguageSwitch />
        </Group>
      </Group>
      <Container size="lg" component="main" pb="xl">
        {children}
      </Container>
    </Box>
  );
}
