import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type Bantuan, bantuanBodySchema } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors, isApiError } from '@/lib/http';
import { useUpdateBantuan } from '../api/update-bantuan';

const formSchema = bantuanBodySchema.omit({ version: true });
type Field = keyof z.input<typeof formSchema>;
const fieldOrder: Field[] = ['nama', 'telepon', 'whatsapp', 'email', 'jamLayanan', 'alamat'];

const valuesOf = (b: Bantuan): Record<Field, string> => ({
  nama: b.nama,
  telepon: b.telepon,
  whatsapp: b.whatsapp,
  email: b.email,
  jamLayanan: b.jamLayanan,
  alamat: b.alamat,
});

/** The admin sets where the pemda's people get help, checked with the API's own schema. */
export function BantuanForm({
  bantuan,
  onSaved,
  onCancel,
  onReload,
}: {
  bantuan: Bantuan;
  onSaved: () => void;
  onCancel: () => void;
  /** Fetch the latest version after a conflict (409 STALE). */
  onReload: () => Promise<Bantuan | undefined>;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateBantuan();
  const form = useForm({ resolver: zodResolver(formSchema), defaultValues: valuesOf(bantuan) });
  const { errors } = form.formState;
  const [version, setVersion] = useState(bantuan.version);
  const [reloading, setReloading] = useState(false);
  const stale = isApiError(mutation.error, 'STALE');

  const onSubmit = form.handleSubmit((values) =>
    mutation.mutate(
      { pemdaKode: bantuan.pemdaKode, body: { ...values, version } },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const server = fieldErrors(error);
          for (const [i, field] of fieldOrder.filter((f) => server[f]).entries()) {
            form.setError(field, { message: server[field] }, { shouldFocus: i === 0 });
          }
        },
      },
    ),
  );

  async function reload() {
    setReloading(true);
    try {
      const latest = await onReload();
      if (latest) {
        form.reset(valuesOf(latest));
        setVersion(latest.version);
        mutation.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  const otherError = mutation.isError && !stale && Object.keys(fieldErrors(mutation.error)).length === 0;
  const field = (name: Field) => ({
    id: `bantuan-${name}`,
    label: t(`panduan.bantuan.${name}`),
    ...form.register(name),
    error: errors[name]?.message,
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="bantuan-edit-title">
      <Stack gap="md">
        {stale ? (
          <StaleAlert
            error={mutation.error}
            onReload={() => void reload()}
            reloading={reloading}
            reloadLabel={t('unit.staleReload')}
          />
        ) : null}
        {otherError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(mutation.error)}
          </Alert>
        ) : null}
        <TextInput {...field('nama')} description={t('panduan.bantuan.namaHint')} required />
        <Group grow align="flex-start" gap="md" wrap="wrap">
          <TextInput {...field('telepon')} type="tel" inputMode="tel" miw={200} />
          <TextInput {...field('whatsapp')} type="tel" inputMode="tel" miw={200} />
        </Group>
        <TextInput {...field('email')} type="email" />
        <TextInput {...field('jamLayanan')} description={t('unit.jamPelayananHint')} />
        <TextInput {...field('alamat')} />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} disabled={stale}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
