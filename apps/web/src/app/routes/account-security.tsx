import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { useMe } from '@/features/auth/api/get-me';
import { TotpSettings } from '@/features/auth/components/totp-settings';

export function AccountSecurityRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('security.title')} eyebrow={t('account.profile')} />
      {me.mustEnrolTotp ? (
        <Alert color="orange" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
          {t('security.required')}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="dua-langkah">
        <Title order={2} size="h4" id="dua-langkah" mb={4}>
          {t('security.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('security.intro')}
        </Text>
        <TotpSettings />
      </Card>
    </Stack>
  );
}
