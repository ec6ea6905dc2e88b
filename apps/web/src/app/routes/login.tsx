import { Alert, Box, Center, Container, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBuildingCommunity, IconClockExclamation, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { paths, safeReturnPath } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reason = params.get('alasan');
  useDocumentTitle(`${t('login.title')} · ${t('app.name')}`);

  return (
    <Box mih="100vh" className="login-page">
      <Group justify="flex-end" p="md" component="header">
        <LanguageSwitch />
      </Group>
      <Container size={440} component="main" pb="xl">
        <Center>
          <Stack gap="lg" w="100%">
            <Stack gap="xs" align="center" ta="center">
              <ThemeIcon size={56} radius="lg" aria-hidden>
                <IconBuildingCommunity size={32} />
              </ThemeIcon>
              <Title order={1} fz={{ base: 24, sm: 28 }}>
                {t('app.name')}
              </Title>
              <Text c="dimmed" size="sm" maw={360}>
                {t('app.tagline')}
              </Text>
            </Stack>

            <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t('login.heading')}
                </Title>
                {reason === 'sesi-berakhir' ? (
                  <Alert
                    color="yellow"
                    variant="light"
                    role="status"
                    title={t('login.sessionExpired')}
                    icon={<IconClockExclamation aria-hidden />}
                  >
                    {t('login.sessionExpiredBody')}
                  </Alert>
                ) : null}
                {reason === 'keluar' ? (
                  <Alert color="blue" variant="light" role="status" icon={<IconLogout aria-hidden />}>
                    {t('login.loggedOut')}
                  </Alert>
                ) : null}
                <LoginForm
                  onSuccess={(user) => {
                    const target = user.mustChangePassword
                      ? paths.account.password.getHref()
                      : safeReturnPath(params.get('kembali'));
                    void navigate(target, { replace: true });
                  }}
                />
                <Text size="xs" c="dimmed">
                  {t('login.help')}
                </Text>
              </Stack>
            </Paper>
            <Text size="xs" c="dimmed" ta="center" component="p">
              {t('app.owner')}
            </Text>
          </Stack>
        </Center>
      </Container>
    </Box>
  );
}
