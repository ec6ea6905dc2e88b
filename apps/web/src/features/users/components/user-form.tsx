import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { createUserBodySchema, type Role, roles, type User, updateUserBodySchema } from '@sip/contracts';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorText } from '@/components/ui/error-text';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors, isApiError } from '@/lib/http';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import { ScopePicker, type WilayahChildrenQuery } from './scope-picker';

// One form for both: create needs a username, edit a status and a reason; the API schemas decide.
const formSchema = createUserBodySchema.omit({ username: true }).extend({
  username: z.string(),
  active: updateUserBodySchema.shape.active,
  reason: z.string().trim().max(500).optional(),
});
type FormValues = z.infer<typeof formSchema>;

interface UserFormProps {
  user: User | null;
  pemda: { kode: string; nama: string };
  wilayahChildren: WilayahChildrenQuery;
  onDone: (result: { user: User; temporaryPassword?: string }) => void;
  onCancel: () => void;
}

const defaultScope = (role: Role, pemda: string) => (role === 'admin' || role === 'analis' ? pemda : '');

export function UserForm({ user, pemda, wilayahChildren, onDone, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const form = useForm<FormValues>({
    resolver: zodResolver(
      user ? formSchema : formSchema.extend({ username: createUserBodySchema.shape.username }),
    ),
    defaultValues: {
      username: user?.username ?? '',
      namaLengkap: user?.namaLengkap ?? '',
      nip: user?.nip ?? '',
      roles: user?.roles.map((r) => ({ role: r.role, wilayahKode: r.wilayahKode })) ?? [
        { role: 'lurah', wilayahKode: '' },
      ],
      active: user?.active ?? true,
      reason: '',
    },
  });
  const rolesField = useFieldArray({ control: form.control, name: 'roles' });
  const { errors } = form.formState;
  const server = fieldErrors(mutation.error);

  const onSubmit = form.handleSubmit((v) => {
    const nip = v.nip || null;
    if (user) {
      update.mutate(
        {
          id: user.id,
          body: {
            version: user.version,
            namaLengkap: v.namaLengkap,
            nip,
            roles: v.roles,
            active: v.active,
            reason: v.reason || undefined,
          },
        },
        { onSuccess: (u) => onDone({ user: u }) },
      );
    } else {
      create.mutate(
        { username: v.username, namaLengkap: v.namaLengkap, nip, roles: v.roles },
        { onSuccess: (r) => onDone({ user: r.user, temporaryPassword: r.temporaryPassword }) },
      );
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('admin.users.username')}
          description={user ? undefined : t('admin.users.usernameHint')}
          autoCapitalize="none"
          autoComplete="off"
          disabled={Boolean(user)}
          {...form.register('username')}
          error={errors.username?.message ?? server.username}
          data-autofocus={user ? undefined : true}
        />
        <TextInput
          label={t('admin.users.namaLengkap')}
          {...form.register('namaLengkap')}
          error={errors.namaLengkap?.message ?? server.namaLengkap}
        />
        <TextInput
          label={t('admin.users.nip')}
          description={t('admin.users.nipHint')}
          inputMode="numeric"
          maxLength={18}
          {...form.register('nip')}
          error={errors.nip?.message ?? server.nip}
        />
        <Text size="sm" fw={500} mt="xs">
          {t('admin.users.roles')}
        </Text>
        {rolesField.fields.map((f, i) => (
          <Paper key={f.id} withBorder p="sm" radius="md">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Controller
                control={form.control}
                name={`roles.${i}.role`}
                render={({ field }) => (
                  <Select
                    label={t('admin.users.role')}
                    aria-label={`${t('admin.users.role')} ${i + 1}`}
                    data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    value={field.value}
                    allowDeselect={false}
                    onChange={(v) => {
                      if (!v) return;
                      field.onChange(v);
                      form.setValue(`roles.${i}.wilayahKode`, defaultScope(v as Role, pemda.kode));
                    }}
                    w={160}
                  />
                )}
              />
              <Controller
                control={form.control}
                name={`roles.${i}.wilayahKode`}
                render={({ field }) => (
                  <ScopePicker
                    role={form.watch(`roles.${i}.role`)}
                    value={field.value}
                    onChange={field.onChange}
                    pemda={pemda}
                    wilayahChildren={wilayahChildren}
                    rowLabel={`${t('admin.users.role')} ${i + 1}`}
                    error={
                      errors.roles?.[i]?.wilayahKode
                        ? t('admin.users.pickScope')
                        : server[`roles.${i}.wilayahKode`]
                    }
                  />
                )}
              />
              <ActionIcon
                mt={{ base: 0, sm: 28 }}
                variant="subtle"
                color="red"
                aria-label={t('admin.users.removeRole', { n: i + 1 })}
                onClick={() => rolesField.remove(i)}
                disabled={rolesField.fields.length <= 1}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <ErrorText>{errors.roles?.message ?? errors.roles?.root?.message}</ErrorText>
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => rolesField.append({ role: 'operator', wilayahKode: '' })}
          >
            {t('admin.users.addRole')}
          </Button>
        </Group>
        {user ? (
          <>
            <Controller
              control={form.control}
              name="active"
              render={({ field }) => (
                <Switch
                  mt="xs"
                  label={t('admin.users.active')}
                  description={t('admin.users.activeHint')}
                  checked={field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
            <Textarea label={t('admin.users.reason')} autosize minRows={2} {...form.register('reason')} />
          </>
        ) : null}
        {mutation.isError ? (
          <Alert
            color={isApiError(mutation.error, 'STALE') ? 'orange' : 'red'}
            variant="light"
            role="alert"
            icon={<IconAlertCircle aria-hidden />}
          >
            {errorMessage(mutation.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {user ? t('common.save') : t('admin.users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
