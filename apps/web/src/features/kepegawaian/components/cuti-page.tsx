import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type Cuti, cutiInputSchema, cutiJenis } from '@sip/contracts';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { TableHead } from '@/components/ui/table-head';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors } from '@/lib/http';
import { formatTanggal, parseTanggal, tambahHari } from '@/lib/tanggal';
import { useCreateCuti } from '../api/create-cuti';
import { useDeleteCuti } from '../api/delete-cuti';
import { useCuti } from '../api/get-cuti';
import { usePegawaiList } from '../api/get-pegawai-list';

/** Leave of the pemda's pegawai in a date range: record and delete (leave days lower the month's target). */
export function CutiPage({ today }: { today: string }) {
  const { t } = useTranslation();
  const [dari, setDari] = useState(`${today.slice(0, 7)}-01`);
  const [sampai, setSampai] = useState(tambahHari(today, 60));
  const q = useCuti({ dari, sampai });
  const [deleting, setDeleting] = useState<Cuti | null>(null);
  const remove = useDeleteCuti();
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kepegawaian.cuti.title')} eyebrow={t('kepegawaian.title')} />
        <Text size="sm" c="dimmed">
          {t('kepegawaian.cuti.intro')}
        </Text>
      </Stack>
      <CutiForm today={today} />
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label={t('kepegawaian.cuti.dari')}
          value={dari}
          onChange={(e) => {
            const v = parseTanggal(e.currentTarget.value);
            if (v) setDari(v);
          }}
          w={180}
        />
        <TextInput
          type="date"
          label={t('kepegawaian.cuti.sampai')}
          value={sampai}
          min={dari}
          onChange={(e) => {
            const v = parseTanggal(e.currentTarget.value);
            if (v) setSampai(v);
          }}
          w={180}
        />
      </Group>
      {q.isPending && q.fetchStatus !== 'idle' ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : !q.data || q.data.items.length === 0 ? (
        <EmptyState>{t('kepegawaian.cuti.empty')}</EmptyState>
      ) : (
        <ScrollRegion label={t('kepegawaian.cuti.title')}>
          <Table striped withTableBorder fz="sm" miw={600} verticalSpacing={6}>
            <TableHead
              columns={[
                { label: t('kepegawaian.cuti.col.pegawai') },
                { label: t('kepegawaian.cuti.col.jenis') },
                { label: t('kepegawaian.cuti.col.tanggal') },
                { label: t('kepegawaian.cuti.col.keterangan') },
                { label: <VisuallyHidden>{t('kepegawaian.cuti.delete')}</VisuallyHidden>, w: 48 },
              ]}
            />
            <Table.Tbody>
              {q.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {c.pegawaiNama}
                  </Table.Th>
                  <Table.Td>{t(`kepegawaian.cuti.jenisValue.${c.jenis}`)}</Table.Td>
                  <Table.Td>
                    {formatTanggal(c.mulai)}
                    {c.selesai !== c.mulai ? ` – ${formatTanggal(c.selesai)}` : ''}
                  </Table.Td>
                  <Table.Td>{c.keterangan}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      onClick={() => setDeleting(c)}
                      aria-label={t('kepegawaian.cuti.deleteOf', { nama: c.pegawaiNama })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('kepegawaian.cuti.delete')}
        confirmLabel={t('kepegawaian.cuti.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('kepegawaian.cuti.deleted') });
              closeDelete();
            },
          })
        }
      >
        {t('kepegawaian.cuti.deleteConfirm', {
          nama: deleting?.pegawaiNama ?? '',
          mulai: deleting ? formatTanggal(deleting.mulai) : '',
          selesai: deleting ? formatTanggal(deleting.selesai) : '',
        })}
      </ConfirmDialog>
    </Stack>
  );
}

type CutiInput = z.input<typeof cutiInputSchema>;
type CutiValues = z.output<typeof cutiInputSchema>;

function CutiForm({ today }: { today: string }) {
  const { t } = useTranslation();
  const create = useCreateCuti();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const pegawai = usePegawaiList({ q: debounced || undefined, page: 1, pageSize: 20 });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const form = useForm<CutiInput, unknown, CutiValues>({
    resolver: zodResolver(cutiInputSchema),
    defaultValues: { pegawaiId: '', jenis: 'tahunan', mulai: today, selesai: today, keterangan: '' },
  });
  const { errors } = form.formState;
  const server = fieldErrors(create.error);
  const options = (pegawai.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.nama} (${p.nip})` }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="catat-cuti">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          create.mutate(v, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('kepegawaian.saved') });
              form.reset({ pegawaiId: '', jenis: v.jenis, mulai: today, selesai: today, keterangan: '' });
              setPicked(null);
              setSearch('');
            },
          }),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="catat-cuti">
            {t('kepegawaian.cuti.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Controller
              control={form.control}
              name="pegawaiId"
              render={({ field }) => (
                <Select
                  label={t('kepegawaian.cuti.pegawai')}
                  placeholder={t('kepegawaian.cuti.pegawaiPlaceholder')}
                  searchable
                  searchValue={search}
                  onSearchChange={setSearch}
                  filter={({ options: o }) => o}
                  data={options}
                  value={field.value || null}
                  onChange={(v, option) => {
                    field.onChange(v ?? '');
                    setPicked(option ?? null);
                  }}
                  nothingFoundMessage={
                    pegawai.isFetching ? t('common.loading') : t('kepegawaian.pegawai.empty')
                  }
                  error={errors.pegawaiId?.message ?? server.pegawaiId}
                />
              )}
            />
            <Controller
              control={form.control}
              name="jenis"
              render={({ field }) => (
                <Select
                  label={t('kepegawaian.cuti.jenis')}
                  data={cutiJenis.map((j) => ({ value: j, label: t(`kepegawaian.cuti.jenisValue.${j}`) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <TextInput
              type="date"
              label={t('kepegawaian.cuti.mulai')}
              {...form.register('mulai')}
              error={errors.mulai?.message ?? server.mulai}
            />
            <TextInput
              type="date"
              label={t('kepegawaian.cuti.selesai')}
              {...form.register('selesai')}
              error={errors.selesai?.message ?? server.selesai}
            />
          </SimpleGrid>
          <TextInput
            label={t('kepegawaian.cuti.keterangan')}
            {...form.register('keterangan')}
            error={errors.keterangan?.message ?? server.keterangan}
          />
          {create.isError && Object.keys(server).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('kepegawaian.cuti.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
