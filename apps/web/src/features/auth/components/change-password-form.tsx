import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { changePasswordBodySchema } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors } from '@/lib/http';
import { useChangePassword } from '../api/change-password';

const fields = ['currentPassword', 'newPassword', 'repeatPassword'] as const;
type Field = (typeof fields)[number];

export function ChangePasswordForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  // The API's schema plus the repetition, which only the form asks for.
  const schema = useMemo(
    () =>
      changePasswordBodySchema
        .extend({ repeatPassword: z.string().min(1, t('account.repeatRequired')) })
        .refine((v) => !v.repeatPassword || v.repeatPassword === v.newPassword, {
          path: ['repeatPassword'],
          message: t('account.mismatch'),
        }),
    [t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ currentPassword, newPassword }) =>
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          onSuccess();
        },
        onError: (error) => {
          // The API's field messages go next to their fields, the first one focused.
          const server = fieldErrors(error);
          for (const [i, field] of fields.filter((f) => server[f]).entries()) {
            form.setError(field, { message: server[field] }, { shouldFocus: i === 0 });
          }
        },
      },
    ),
  );

  const showAlert = mutation.isError && Object.keys(fieldErrors(mutation.error)).length === 0;
  const input = (field: Field) => ({
    ...form.register(field),
    id: `pw-${field}`,
    required: true,
    error: errors[field]?.message,
    visibilityToggleButtonProps: { 'aria-label': t('login.showPassword') },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" maw={420}>
        {showAlert ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(mutation.error)}
          </Alert>
        ) : null}
        <PasswordInput
          label={t('account.current')}
          autoComplete="current-password"
          {...input('currentPassword')}
        />
        <PasswordInput label={t('account.next')} autoComplete="new-password" {...input('newPassword')} />
        <PasswordInput label={t('account.repeat')} autoComplete="new-password" {...input('repeatPassword')} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('account.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
