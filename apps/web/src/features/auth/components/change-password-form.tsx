import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { changePasswordBodySchema } from '@sip/contracts';
import type { PasswordStrength } from '@sip/contracts/password-strength';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors } from '@/lib/http';
import { useChangePassword } from '../api/change-password';
import { useMe } from '../api/get-me';

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
  const strength = usePasswordStrength(form.watch('newPassword'));

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
        <PasswordInput
          label={t('account.next')}
          autoComplete="new-password"
          {...input('newPassword')}
          aria-describedby="pw-strength"
        />
        <div id="pw-strength" aria-live="polite">
          {strength ? (
            <Stack gap={4}>
              <Progress
                value={(strength.score / 4) * 100}
                color={strength.ok ? 'green' : 'orange'}
                aria-label={t('account.strength', { score: strength.score, min: strength.min })}
              />
              <Text size="xs">{t('account.strength', { score: strength.score, min: strength.min })}</Text>
              {strength.problems.map((p) => (
                <Text key={p} size="xs" c="orange.9">
                  {p}
                </Text>
              ))}
            </Stack>
          ) : null}
        </div>
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

/**
 * The same estimator as the server (loaded on first use, a separate chunk), shown while typing; only
 * the server's answer decides.
 */
function usePasswordStrength(password: string) {
  const me = useMe().data;
  const [result, setResult] = useState<(PasswordStrength & { min: number }) | null>(null);
  useEffect(() => {
    if (!password || !me) {
      setResult(null);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const { checkPasswordStrength, personalInputs } = await import('@sip/contracts/password-strength');
      const min = me.passwordMinScore;
      const r = await checkPasswordStrength(password, {
        minScore: min,
        userInputs: personalInputs(me.username, me.namaLengkap, me.nip),
      });
      if (current) setResult({ ...r, min });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, me]);
  return result;
}
