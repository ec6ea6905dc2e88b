import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { loginBodySchema, type Me } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '@/lib/api-client';
import { useLogin } from '../api/login';

type Field = 'username' | 'password';

export function LoginForm({ onSuccess }: { onSuccess: (user: Me) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [values, setValues] = useState({ username: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const serverFieldErrors = fieldErrors(login.error);
  const fieldError = (field: Field) => errors[field] ?? serverFieldErrors[field];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = loginBodySchema.safeParse(values);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'username' || field === 'password') && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      (next.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setErrors({});
    login.mutate(parsed.data, {
      onSuccess,
      onError: () => {
        setValues((v) => ({ ...v, password: '' }));
        passwordRef.current?.focus();
      },
    });
  }

  const showAlert = login.isError && Object.keys(serverFieldErrors).length === 0;

  return (
    <form onSubmit={handleSubmit} noValidate aria-describedby={showAlert ? 'login-error' : undefined}>
      <Stack gap="md">
        {showAlert ? (
          <Alert
            id="login-error"
            color="red"
            variant="light"
            role="alert"
            title={t('login.failed')}
            icon={<IconAlertCircle aria-hidden />}
          >
            {errorMessage(login.error)}
          </Alert>
        ) : null}
        <TextInput
          ref={usernameRef}
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          size="md"
          value={values.username}
          error={fieldError('username')}
          onChange={(e) => {
            const username = e.currentTarget.value;
            setValues((v) => ({ ...v, username }));
          }}
        />
        <PasswordInput
          ref={passwordRef}
          label={t('login.password')}
          name="password"
          autoComplete="current-password"
          required
          size="md"
          value={values.password}
          error={fieldError('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          onChange={(e) => {
            const password = e.currentTarget.value;
            setValues((v) => ({ ...v, password }));
          }}
        />
        <Button
          type="submit"
          size="md"
          fullWidth
          loading={login.isPending}
          loaderProps={{ 'aria-hidden': true }}
        >
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
