import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { type Unit, type UnitProfileBody, unitProfileBodySchema } from '@sip/contracts';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors, isApiError } from '@/lib/http';
import { useUpdateUnitProfile } from '../api/update-unit-profile';

type Field = Exclude<keyof UnitProfileBody, 'version'>;
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
  const [values, setValues] = useState(() => valuesOf(unit));
  const [version, setVersion] = useState(unit.version);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [reloading, setReloading] = useState(false);

  const serverErrors = fieldErrors(mutation.error);
  const errorOf = (field: Field) => errors[field] ?? serverErrors[field];
  const stale = isApiError(mutation.error, 'STALE');

  function focusFirst(errs: Partial<Record<string, string>>) {
    const first = fieldOrder.find((f) => errs[f]);
    if (first) document.getElementById(`unit-${first}`)?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = unitProfileBodySchema.safeParse({ ...values, version });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field | undefined;
        if (field && fieldOrder.includes(field) && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      focusFirst(next);
      return;
    }
    setErrors({});
    mutation.mutate(
      { kode: unit.kode, body: parsed.data },
      { onSuccess: onSaved, onError: (error) => focusFirst(fieldErrors(error)) },
    );
  }

  async function reload() {
    setReloading(true);
    try {
      const latest = await onReload();
      if (latest) {
        setValues(valuesOf(latest));
        setVersion(latest.version);
        setErrors({});
        mutation.reset();
      }
    } finally {
      setReloading(false);
    }
  }

  const set = (field: Field) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const otherError = mutation.isError && !stale && Object.keys(serverErrors).length === 0;

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="unit-edit-title">
      <Stack gap="md">
        {stale ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title={t('unit.staleTitle')}
            icon={<IconAlertCircle aria-hidden />}
          >
            <Stack gap="xs" align="flex-start">
              {errorMessage(mutation.error)}
              <Button
                size="xs"
                variant="white"
                color="orange.9"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => void reload()}
                loading={reloading}
              >
                {t('unit.staleReload')}
              </Button>
            </Stack>
          </Alert>
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
          value={values.alamatKantor}
          onChange={set('alamatKantor')}
          error={errorOf('alamatKantor')}
        />
        <Group grow align="flex-start" gap="md" wrap="wrap">
          <TextInput
            id="unit-telepon"
            label={t('unit.telepon')}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            value={values.telepon}
            onChange={set('telepon')}
            error={errorOf('telepon')}
            miw={200}
          />
          <TextInput
            id="unit-email"
            label={t('unit.email')}
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={errorOf('email')}
            miw={200}
          />
        </Group>
        <TextInput
          id="unit-jamPelayanan"
          label={t('unit.jamPelayanan')}
          description={t('unit.jamPelayananHint')}
          value={values.jamPelayanan}
          onChange={set('jamPelayanan')}
          error={errorOf('jamPelayanan')}
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
