import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { changePasswordBodySchema } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors } from '@/lib/http';
import { useChangePassword } from '../api/change-password';

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';
const fields: Field[] = ['currentPassword', 'newPassword', 'repeatPassword'];
const empty = { currentPassword: '', newPassword: '', repeatPassword: '' };

export function ChangePasswordForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const serverErrors = fieldErrors(mutation.error);
  const errorOf = (field: Field) => errors[field] ?? serverErrors[field];

  function focusFirst(next: Partial<Record<Field, string>>) {
    const first = fields.find((f) => next[f]);
    if (first) document.getElementById(`pw-${first}`)?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    const parsed = changePasswordBodySchema.safeParse({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'currentPassword' || field === 'newPassword') && !next[field])
          next[field] = issue.message;
      }
    }
    if (!values.repeatPassword) next.repeatPassword = t('account.repeatRequired');
    else if (values.repeatPassword !== values.newPassword) next.repeatPassword = t('account.mismatch');
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) {
      focusFirst(next);
      return;
    }
    mutation.mutate(parsed.data, {
      onSuccess: () => {
        setValues(empty);
        onSuccess();
      },
      onError: (error) => focusFirst(fieldErrors(error) as Partial<Record<Field, string>>),
    });
  }

  const set = (field: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const showAlert = mutation.isError && Object.keys(serverErrors).length === 0;

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md" maw={420}>
        {showAlert ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(mutation.error)}
          </Alert>
        ) : null}
        <PasswordInput
          id="pw-currentPassword"
          label={t('account.current')}
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errorOf('currentPassword')}
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        />
        <PasswordInput
          id="pw-newPassword"
          label={t('account.next')}
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errorOf('newPassword')}
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        />
        <PasswordInput
          id="pw-repeatPassword"
          label={t('account.repeat')}
          autoComplete="new-password"
          required
          value={values.repeatPassword}
          onChange={set('repeatPassword')}
          error={errorOf('repeatPassword')}
          visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('account.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
