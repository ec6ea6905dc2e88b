import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors } from '@/lib/http';
import { useForgotPassword, useResetPasswordByEmail } from '../api/forgot-password';

function Frame({ title, children, loginHref }: { title: string; children: ReactNode; loginHref: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      <Card withBorder radius="md" padding="lg" maw={480} w="100%" component="main">
        <Stack gap="md">
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
          <Anchor href={loginHref} size="sm">
            {t('email.sandi.toLogin')}
          </Anchor>
        </Stack>
      </Card>
    </Center>
  );
}

/** "Lupa kata sandi": asks for a link to the account's confirmed e-mail address. */
export function ForgotPasswordPage({ loginHref }: { loginHref: string }) {
  const { t } = useTranslation();
  const mutation = useForgotPassword();
  const [username, setUsername] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(username.trim());
  };
  return (
    <Frame title={t('email.sandi.forgotTitle')} loginHref={loginHref}>
      {mutation.isSuccess ? (
        <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
          {mutation.data.pesan}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('email.sandi.forgotIntro')}</Text>
            {mutation.isError ? (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                {errorMessage(mutation.error)}
              </Alert>
            ) : null}
            <TextInput
              id="lupa-username"
              label={t('email.sandi.username')}
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={fieldErrors(mutation.error).username}
            />
            <Button type="submit" loading={mutation.isPending} disabled={username.trim() === ''}>
              {t('email.sandi.send')}
            </Button>
          </Stack>
        </form>
      )}
    </Frame>
  );
}

/** The page the e-mailed link opens: a new password, set once. */
export function ResetPasswordPage({ token, loginHref }: { token: string | null; loginHref: string }) {
  const { t } = useTranslation();
  const mutation = useResetPasswordByEmail();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    if (token) mutation.mutate({ token, newPassword: password });
  };
  const serverField = fieldErrors(mutation.error).newPassword;
  return (
    <Frame title={t('email.sandi.resetTitle')} loginHref={loginHref}>
      {!token ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {t('email.link.missing')}
        </Alert>
      ) : mutation.isSuccess ? (
        <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
          {t('email.sandi.done')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('email.sandi.resetIntro')}</Text>
            {mutation.isError && !serverField ? (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                {errorMessage(mutation.error)}
              </Alert>
            ) : null}
            <PasswordInput
              id="reset-new"
              label={t('email.sandi.newPassword')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={serverField}
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            />
            <PasswordInput
              id="reset-repeat"
              label={t('email.sandi.repeat')}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={mismatch ? t('email.sandi.mismatch') : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            />
            <Button type="submit" loading={mutation.isPending} disabled={password === ''}>
              {t('email.sandi.save')}
            </Button>
          </Stack>
        </form>
      )}
    </Frame>
  );
}
