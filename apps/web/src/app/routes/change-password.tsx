import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  if (!me) return null;
  const forced = me.mustChangePassword;

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('account.title')} eyebrow={t('account.profile')} />
      {forced ? (
        <Alert color="orange" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
          {t('account.mustChange')}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="akun-saya">
        <Title order={2} size="h4" id="akun-saya" mb="sm">
          {me.namaLengkap}
        </Title>
        <Stack component="dl" gap={4} m={0}>
          <Group gap="xs">
            <Text component="dt" size="sm" c="dimmed" fw={600}>
              {t('account.username')}:
            </Text>
            <Text component="dd" size="sm" m={0} ff="monospace">
              {me.username}
            </Text>
          </Group>
          {me.nip ? (
            <Group gap="xs">
              <Text component="dt" size="sm" c="dimmed" fw={600}>
                {t('account.nip')}:
              </Text>
              <Text component="dd" size="sm" m={0} ff="monospace">
                {me.nip}
              </Text>
            </Group>
          ) : null}
        </Stack>
        <Anchor
          component={Link}
          to={paths.account.security.getHref()}
          size="sm"
          mt="sm"
          display="inline-block"
        >
          {t('security.title')}: {me.totpEnabled ? t('security.enabled') : t('security.disabled')}
        </Anchor>
        <Anchor component={Link} to={paths.account.email.getHref()} size="sm" mt={4} display="block">
          {t('email.title')}
        </Anchor>
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ganti-sandi">
        <Title order={2} size="h4" id="ganti-sandi" mb={4}>
          {t('account.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('account.intro')}
        </Text>
        <ChangePasswordForm
          onSuccess={() => {
            notifications.show({ color: 'green', message: t('account.success') });
            if (forced)
              void navigate(me.mustEnrolTotp ? paths.account.security.getHref() : paths.home.getHref(), {
                replace: true,
              });
          }}
        />
      </Card>
    </Stack>
  );
}
