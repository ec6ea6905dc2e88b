import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { type Unit, unitProfileBodySchema } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors, isApiError } from '@/lib/http';
import { useUpdateUnitProfile } from '../api/update-unit-profile';

const formSchema = unitProfileBodySchema.omit({ version: true });
type Field = keyof z.input<typeof formSchema>;
const fieldOrder: Field[] = ['alamatKantor', 'telepon', 'email', 'jamPelayanan'];

function valuesOf(unit: Unit): Record<Field, string> {
  return {
    alamatKantor: unit.alamatKantor,
    telepon: unit.telepon,
    email: unit.email,
    jamPelayanan: unit.jamPelayanan,
  };
}

interface UnitProfileFormProps {
  unit: Unit;
  onSaved: (unit: Unit) => void;
  onCancel: () => void;
  /** Fetch the latest version after a conflict (409 STALE). */
  onReload: () => Promise<Unit | undefined>;
}

/** The office details of a unit, validated with the API's own schema before sending. */
export function UnitProfileForm({ unit, onSaved, onCancel, onReload }: UnitProfileFormProps) {
  const { t } = useTranslation();
  const mutation = useUpdateUnitProfile();
  const form = useForm({ resolver: zodResolver(formSchema), defaultValues: valuesOf(unit) });
  const { errors } = form.formState;
  const [version, setVersion] = useState(unit.version);
  const [reloading, setReloading] = useState(false);
  const stale = isApiError(mutation.error, 'STALE');

  const onSubmit = form.handleSubmit((values) =>
    mutation.mutate(
      { kode: unit.kode, body: { ...values, version } },
      {
        onSuccess: onSaved,
        onError: (error) => {
          // The API's field messages go next to their fields, the first one focused.
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

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="unit-edit-title">
      <Stack gap="md">
        {stale ? (
          <StaleAlert
            error={mutation.error}
            onReload={() => void reload()}
            reloading={reloading}
            title={t('unit.staleTitle')}
            reloadLabel={t('unit.staleReload')}
          />
        ) : null}
        {otherError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(mutation.error)}
          </Alert>
        ) : null}
        <Textarea
          id="unit-alamatKantor"
          label={t('unit.alamatKantor')}
          autosize
          minRows={2}
          maxRows={5}
          {...form.register('alamatKantor')}
          error={errors.alamatKantor?.message}
        />
        <Group grow align="flex-start" gap="md" wrap="wrap">
          <TextInput
            id="unit-telepon"
            label={t('unit.telepon')}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            {...form.register('telepon')}
            error={errors.telepon?.message}
            miw={200}
          />
          <TextInput
            id="unit-email"
            label={t('unit.email')}
            type="email"
            autoComplete="email"
            {...form.register('email')}
            error={errors.email?.message}
            miw={200}
          />
        </Group>
        <TextInput
          id="unit-jamPelayanan"
          label={t('unit.jamPelayanan')}
          description={t('unit.jamPelayananHint')}
          {...form.register('jamPelayanan')}
          error={errors.jamPelayanan?.message}
        />
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
