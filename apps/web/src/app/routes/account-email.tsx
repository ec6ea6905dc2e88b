import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useEmailSettings } from '@/features/email/api/get-email-settings';
import { EmailLinkPage } from '@/features/email/components/email-link-page';
import { EmailSettingsForm } from '@/features/email/components/email-settings-form';
import { ForgotPasswordPage, ResetPasswordPage } from '@/features/email/components/password-reset-pages';

/** The signed-in person's e-mail notifications. */
export function AccountEmailRoute() {
  const { t } = useTranslation();
  const settings = useEmailSettings();
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('email.title')} eyebrow={t('account.profile')} />
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="email-title">
        <Title order={2} size="h4" id="email-title" mb={4}>
          {t('email.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('email.intro')}
        </Text>
        {settings.isPending ? (
          <LoadingState lines={4} />
        ) : settings.isError ? (
          <ErrorState
            error={settings.error}
            onRetry={() => void settings.refetch()}
            retrying={settings.isFetching}
          />
        ) : (
          <EmailSettingsForm
            key={settings.data.version}
            current={settings.data}
            onReload={() => void settings.refetch()}
          />
        )}
      </Card>
    </Stack>
  );
}

/** Public: the links of e-mails (no sign-in needed). */
export function EmailKonfirmasiRoute() {
  const [params] = useSearchParams();
  return (
    <EmailLinkPage
      mode="konfirmasi"
      token={params.get('token')}
      settingsHref={paths.account.email.getHref()}
    />
  );
}

export function EmailBerhentiRoute() {
  const [params] = useSearchParams();
  return (
    <EmailLinkPage mode="berhenti" token={params.get('token')} settingsHref={paths.account.email.getHref()} />
  );
}

/** Public: "Lupa kata sandi" and the page its e-mailed link opens. */
export function LupaSandiRoute() {
  return <ForgotPasswordPage loginHref={paths.login.getHref()} />;
}

export function ResetSandiRoute() {
  const [params] = useSearchParams();
  return <ResetPasswordPage token={params.get('token')} loginHref={paths.login.getHref()} />;
}
