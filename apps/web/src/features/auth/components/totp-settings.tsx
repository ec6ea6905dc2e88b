import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TotpEnrolment } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors } from '@/lib/http';
import { useConfirmTotp, useDisableTotp, useStartTotpEnrolment, useTotpStatus } from '../api/totp';

/** Enrol (QR + confirming code), the recovery codes shown once, and turning it off. */
export function TotpSettings() {
  const { t } = useTranslation();
  const status = useTotpStatus();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const disable = useDisableTotp();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (!status.data) return null;

  if (recoveryCodes) {
    return (
      <Stack gap="sm" aria-live="polite">
        <Title order={3} size="h5">
          {t('security.recoveryTitle')}
        </Title>
        <Text size="sm">{t('security.recoveryIntro')}</Text>
        <List spacing={4} ff="monospace" aria-label={t('security.recoveryTitle')}>
          {recoveryCodes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
        <Group>
          <Button onClick={() => setRecoveryCodes(null)}>{t('security.recoveryDone')}</Button>
        </Group>
      </Stack>
    );
  }

  if (status.data.enabled) {
    const onDisable = (e: FormEvent) => {
      e.preventDefault();
      disable.mutate(
        { password, code },
        {
          onSuccess: () => {
            setPassword('');
            setCode('');
            notifications.show({ color: 'green', message: t('security.disabledDone') });
          },
        },
      );
    };
    const errors = fieldErrors(disable.error);
    return (
      <Stack gap="md">
        <Group gap="xs">
          <Badge color="green">{t('security.enabled')}</Badge>
          <Text size="sm">{t('security.recoveryLeft', { count: status.data.recoveryCodesLeft })}</Text>
        </Group>
        <form onSubmit={onDisable} noValidate aria-labelledby="totp-disable">
          <Stack gap="sm" maw={420}>
            <Title order={3} size="h5" id="totp-disable">
              {t('security.disableTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('security.disableIntro')}
            </Text>
            {disable.isError && Object.keys(errors).length === 0 ? (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                {errorMessage(disable.error)}
              </Alert>
            ) : null}
            <PasswordInput
              label={t('security.password')}
              autoComplete="current-password"
              required
              value={password}
              error={errors.password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <TextInput
              label={t('security.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              value={code}
              error={errors.code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                {t('security.disableSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    );
  }

  if (!enrolment) {
    return (
      <Stack gap="sm">
        <Group>
          <Badge color="gray">{t('security.disabled')}</Badge>
        </Group>
        {start.isError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(start.error)}
          </Alert>
        ) : null}
        <Group>
          <Button
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}
          >
            {t('security.start')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(
      { code: code.trim() },
      {
        onSuccess: (res) => {
          setCode('');
          setEnrolment(null);
          setRecoveryCodes(res.recoveryCodes);
          notifications.show({ color: 'green', message: t('security.enabledDone') });
        },
      },
    );
  };
  const errors = fieldErrors(confirm.error);
  return (
    <Stack gap="md">
      <Text size="sm">{t('security.scan')}</Text>
      <img
        src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt={t('security.qrAlt')}
        width={200}
        height={200}
        style={{ background: 'white' }}
      />
      <Text size="sm">
        {t('security.secret')}: <Code style={{ wordBreak: 'break-all' }}>{enrolment.secret}</Code>
      </Text>
      <form onSubmit={onConfirm} noValidate>
        <Stack gap="sm" maw={420}>
          {confirm.isError && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(confirm.error)}
            </Alert>
          ) : null}
          <TextInput
            label={t('security.confirm')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            value={code}
            error={errors.code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('security.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
