import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
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

/**
 * The signed token of an e-mail's link, from the URL fragment (`#token=`): the browser never sends a
 * fragment to the server, so no request log holds a live link.
 */
function useLinkToken(): string | null {
  return new URLSearchParams(useLocation().hash.replace(/^#/, '')).get('token');
}

/** Public: the links of e-mails (no sign-in needed). */
export function EmailKonfirmasiRoute() {
  const token = useLinkToken();
  return <EmailLinkPage mode="konfirmasi" token={token} settingsHref={paths.account.email.getHref()} />;
}

export function EmailBerhentiRoute() {
  const token = useLinkToken();
  return <EmailLinkPage mode="berhenti" token={token} settingsHref={paths.account.email.getHref()} />;
}

/** Public: "Lupa kata sandi" and the page its e-mailed link opens. */
export function LupaSandiRoute() {
  return <ForgotPasswordPage loginHref={paths.login.getHref()} />;
}

export function ResetSandiRoute() {
  const token = useLinkToken();
  return <ResetPasswordPage token={token} loginHref={paths.login.getHref()} />;
}
