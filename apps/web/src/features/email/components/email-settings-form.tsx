import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type EmailFrekuensi,
  type EmailSettings,
  emailFrekuensiSchema,
  notificationKinds,
} from '@sip/contracts';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { zoneLabel } from '@/lib/format';
import { fieldErrors, isApiError } from '@/lib/http';
import { useResendConfirmation } from '../api/resend-confirmation';
import { useUpdateEmailSettings } from '../api/update-email-settings';

type Kind = (typeof notificationKinds)[number];

/** The person's address (confirmed by a link), the kinds he wants by e-mail, daily or at once. */
export function EmailSettingsForm({ current, onReload }: { current: EmailSettings; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateEmailSettings();
  const resend = useResendConfirmation();
  const [alamat, setAlamat] = useState(current.alamat ?? '');
  const [jenis, setJenis] = useState<Kind[]>(current.jenis);
  const [frekuensi, setFrekuensi] = useState<EmailFrekuensi>(current.frekuensi);
  const [kataSandi, setKataSandi] = useState('');
  // A new address needs the password: links to set a password go there.
  const newAddress = alamat.trim() !== '' && alamat.trim().toLowerCase() !== (current.alamat ?? '');
  const stale = isApiError(update.error, 'STALE');
  const alamatError = fieldErrors(update.error).alamat;
  const kataSandiError = fieldErrors(update.error).kataSandi;

  const save = () =>
    update.mutate(
      {
        alamat: alamat.trim(),
        jenis,
        frekuensi,
        ...(newAddress ? { kataSandi } : {}),
        version: current.version,
      },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message:
              saved.alamat && !saved.terverifikasi && saved.tersedia
                ? t('email.savedConfirm', { alamat: saved.alamat })
                : t('email.saved'),
          }),
      },
    );

  return (
    <Stack gap="md">
      {!current.tersedia ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('email.unavailable')}
        </Alert>
      ) : null}
      <Stack gap={6}>
        <TextInput
          id="email-alamat"
          type="email"
          autoComplete="email"
          label={t('email.alamat')}
          description={t('email.alamatHint')}
          value={alamat}
          onChange={(e) => setAlamat(e.currentTarget.value)}
          error={alamatError}
          maxLength={120}
        />
        {newAddress ? (
          <PasswordInput
            id="email-kata-sandi"
            label={t('email.kataSandi')}
            description={t('email.kataSandiHint')}
            autoComplete="current-password"
            required
            value={kataSandi}
            onChange={(e) => setKataSandi(e.currentTarget.value)}
            error={kataSandiError}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
        ) : null}
        <Group gap="xs">
          {current.alamat ? (
            current.terverifikasi ? (
              <Badge color="green" variant="light">
                {t('email.status.terverifikasi')}
              </Badge>
            ) : (
              <>
                <Text size="sm">{t('email.status.belum')}</Text>
                {current.tersedia ? (
                  <Button
                    size="xs"
                    variant="light"
                    loading={resend.isPending}
                    onClick={() =>
                      resend.mutate(undefined, {
                        onSuccess: () => notifications.show({ color: 'green', message: t('email.resent') }),
                      })
                    }
                  >
                    {t('email.resend')}
                  </Button>
                ) : null}
              </>
            )
          ) : (
            <Text size="sm" c="dimmed">
              {t('email.status.kosong')}
            </Text>
          )}
        </Group>
        {resend.isError ? (
          <Text size="sm" c="red.8" role="alert">
            {errorMessage(resend.error)}
          </Text>
        ) : null}
      </Stack>
      <Checkbox.Group label={t('email.jenis')} value={jenis} onChange={(v) => setJenis(v as Kind[])}>
        <Stack gap={6} mt="xs">
          {notificationKinds.map((k) => (
            <Checkbox key={k} value={k} label={t(`email.jenisLabel.${k}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Radio.Group
        label={t('email.frekuensi')}
        value={frekuensi}
        onChange={(v) => setFrekuensi(emailFrekuensiSchema.parse(v))}
      >
        <Stack gap={6} mt="xs">
          {emailFrekuensiSchema.options.map((f) => (
            <Radio
              key={f}
              value={f}
              label={t(`email.frekuensiLabel.${f}`, {
                jam: String(current.jamRingkasan).padStart(2, '0'),
                zona: zoneLabel(),
              })}
            />
          ))}
        </Stack>
      </Radio.Group>
      {current.menunggu > 0 ? (
        <Text size="sm" c="dimmed">
          {t('email.menunggu', { count: current.menunggu })}
        </Text>
      ) : null}
      {stale ? (
        <StaleAlert error={update.error} onReload={onReload} reloading={false} />
      ) : update.isError && !alamatError && !kataSandiError ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={save} loading={update.isPending}>
          {t('email.save')}
        </Button>
      </Group>
    </Stack>
  );
}
