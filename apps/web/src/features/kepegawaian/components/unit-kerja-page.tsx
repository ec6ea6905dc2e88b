import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type UnitKerja, unitKerjaInputSchema, unitKerjaJenis } from '@sip/contracts';
import { IconAlertCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { StaleAlert } from '@/components/ui/stale-alert';
import { TableHead } from '@/components/ui/table-head';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { fieldErrors, isApiError } from '@/lib/http';
import { createUnitKerja } from '../api/create-unit-kerja';
import { useUnitKerja } from '../api/get-unit-kerja';
import { updateUnitKerja } from '../api/update-unit-kerja';
import { useKepegawaianMutation } from '../api/use-kepegawaian-mutation';

/** The pemda's unit kerja (perangkat daerah, kecamatan, kelurahan): list, add, edit. */
export function UnitKerjaPage() {
  const { t } = useTranslation();
  const q = useUnitKerja();
  const [editing, setEditing] = useState<UnitKerja | 'new' | null>(null);
  return (
    <Stack gap="lg">
      <PageTitle title={t('kepegawaian.unitKerja.title')} eyebrow={t('kepegawaian.title')} />
      <Group>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('kepegawaian.unitKerja.add')}
        </Button>
      </Group>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('kepegawaian.unitKerja.empty')}</EmptyState>
      ) : (
        <ScrollRegion label={t('kepegawaian.unitKerja.title')}>
          <Table striped highlightOnHover withTableBorder fz="sm" miw={640} verticalSpacing={6}>
            <TableHead
              columns={[
                { label: t('kepegawaian.unitKerja.kode') },
                { label: t('kepegawaian.unitKerja.nama') },
                { label: t('kepegawaian.unitKerja.jenis') },
                { label: t('kepegawaian.unitKerja.jabatan'), numeric: true },
                { label: t('kepegawaian.unitKerja.pegawai'), numeric: true },
                { label: t('kepegawaian.unitKerja.status') },
                { label: <VisuallyHidden>{t('kepegawaian.edit')}</VisuallyHidden>, w: 48 },
              ]}
            />
            <Table.Tbody>
              {q.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td ff="monospace">{u.kode}</Table.Td>
                  <Table.Th scope="row" fw={500}>
                    <Anchor
                      component={Link}
                      to={paths.kepegawaian.jabatan.getHref(u.id)}
                      size="sm"
                      aria-label={t('kepegawaian.unitKerja.openJabatan', { nama: u.nama })}
                    >
                      {u.nama}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`kepegawaian.unitKerja.jenisValue.${u.jenis}`)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.jumlahJabatan)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.jumlahPegawai)}</Table.Td>
                  <Table.Td>
                    <Badge color={u.aktif ? 'green' : 'gray'} variant="light" radius="sm" c="dark.8">
                      {u.aktif ? t('kepegawaian.aktif') : t('kepegawaian.nonaktif')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('kepegawaian.unitKerja.editOf', { nama: u.nama })}
                      onClick={() => setEditing(u)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' || editing === null
            ? t('kepegawaian.unitKerja.addTitle')
            : t('kepegawaian.unitKerja.editTitle', { nama: editing.nama })
        }
        closeButtonProps={{ 'aria-label': t('kepegawaian.close') }}
      >
        {editing ? (
          <UnitKerjaForm
            unit={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
            onReload={() => {
              setEditing(null);
              void q.refetch();
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

const formSchema = unitKerjaInputSchema.extend({
  wilayahKode: z
    .string()
    .trim()
    .regex(/^(\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)?$/, 'Kode wilayah Kemendagri, mis. 32.73.02'),
  aktif: z.boolean(),
});

function UnitKerjaForm({
  unit,
  onDone,
  onReload,
}: {
  unit: UnitKerja | null;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useKepegawaianMutation((v: z.infer<typeof formSchema>) => {
    const body = { ...v, wilayahKode: v.wilayahKode || null };
    return unit
      ? updateUnitKerja({ id: unit.id, body: { ...body, version: unit.version } })
      : createUnitKerja(body);
  });
  const form = useForm<z.infer<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      kode: unit?.kode ?? '',
      nama: unit?.nama ?? '',
      jenis: unit?.jenis ?? 'perangkat_daerah',
      wilayahKode: unit?.wilayahKode ?? '',
      aktif: unit?.aktif ?? true,
    },
  });
  const { errors } = form.formState;
  const server = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((v) =>
        save.mutate(v, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('kepegawaian.saved') });
            onDone();
          },
        }),
      )}
    >
      <Stack gap="sm">
        <TextInput
          label={t('kepegawaian.unitKerja.kode')}
          {...form.register('kode')}
          error={errors.kode?.message ?? server.kode}
          data-autofocus
        />
        <TextInput
          label={t('kepegawaian.unitKerja.nama')}
          {...form.register('nama')}
          error={errors.nama?.message ?? server.nama}
        />
        <Controller
          control={form.control}
          name="jenis"
          render={({ field }) => (
            <Select
              label={t('kepegawaian.unitKerja.jenis')}
              data={unitKerjaJenis.map((j) => ({
                value: j,
                label: t(`kepegawaian.unitKerja.jenisValue.${j}`),
              }))}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <TextInput
          label={t('kepegawaian.unitKerja.wilayahKode')}
          description={t('kepegawaian.unitKerja.wilayahKodeHint')}
          {...form.register('wilayahKode')}
          error={errors.wilayahKode?.message ?? server.wilayahKode}
        />
        <Controller
          control={form.control}
          name="aktif"
          render={({ field }) => (
            <Switch
              label={t('kepegawaian.unitKerja.aktif')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        {isApiError(save.error, 'STALE') ? (
          <StaleAlert error={save.error} onReload={onReload} reloading={false} />
        ) : save.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
