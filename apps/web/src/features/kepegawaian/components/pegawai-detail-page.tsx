import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  type PegawaiDetail,
  type Penugasan,
  pegawaiStatus,
  pegawaiUpdateSchema,
  penugasanInputSchema,
  penugasanJenis,
  penugasanJenisLabel,
  tanggalSchema,
} from '@sip/contracts';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
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
import { fieldErrors, isApiError } from '@/lib/http';
import { formatTanggal } from '@/lib/tanggal';
import { useAddPenugasan } from '../api/add-penugasan';
import { useEndPenugasan } from '../api/end-penugasan';
import { usePegawai } from '../api/get-pegawai';
import { useUpdatePegawai } from '../api/update-pegawai';
import { PenugasanBadge } from './jabatan-page';
import { JabatanPicker } from './jabatan-picker';

/** One pegawai: his data, the history of positions held (spans), add a span, end one. */
export function PegawaiDetailPage({ id, today }: { id: string; today: string }) {
  const { t } = useTranslation();
  const q = usePegawai(id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.kepegawaian.pegawai.getHref()} size="sm">
        {t('kepegawaian.pegawai.back')}
      </Anchor>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <Stack gap="md">
          <PageTitle title={t('kepegawaian.pegawai.detail')} />
          <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        </Stack>
      ) : (
        <PegawaiBody key={q.data.version} pegawai={q.data} today={today} onReload={() => void q.refetch()} />
      )}
    </Stack>
  );
}

function PegawaiBody({
  pegawai,
  today,
  onReload,
}: {
  pegawai: PegawaiDetail;
  today: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Penugasan | null>(null);
  const riwayat = [...pegawai.riwayat].sort((a, b) => b.mulai.localeCompare(a.mulai));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={pegawai.nama} eyebrow={t('kepegawaian.pegawai.detail')} />
        <Text size="sm" c="dimmed">
          <Text span ff="monospace">
            {pegawai.nip}
          </Text>
          {' · '}
          {pegawai.status}
          {pegawai.username ? ` · ${t('kepegawaian.pegawai.akunLabel', { username: pegawai.username })}` : ''}
        </Text>
      </Stack>
      <PegawaiForm pegawai={pegawai} onReload={onReload} />
      <Stack gap="sm" component="section" aria-labelledby="riwayat-judul">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="riwayat-judul">
            {t('kepegawaian.pegawai.riwayat')}
          </Title>
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('kepegawaian.pegawai.addSpan')}
          </Button>
        </Group>
        {riwayat.length === 0 ? (
          <EmptyState>{t('kepegawaian.pegawai.riwayatEmpty')}</EmptyState>
        ) : (
          <ScrollRegion label={t('kepegawaian.pegawai.riwayat')}>
            <Table striped withTableBorder fz="sm" miw={620} verticalSpacing={6}>
              <TableHead
                columns={[
                  { label: t('kepegawaian.pegawai.riwayatCol.jabatan') },
                  { label: t('kepegawaian.pegawai.riwayatCol.unit') },
                  { label: t('kepegawaian.pegawai.riwayatCol.jenis') },
                  { label: t('kepegawaian.pegawai.riwayatCol.mulai') },
                  { label: t('kepegawaian.pegawai.riwayatCol.selesai') },
                  { label: <VisuallyHidden>{t('kepegawaian.pegawai.endSpan')}</VisuallyHidden> },
                ]}
              />
              <Table.Tbody>
                {riwayat.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Th scope="row" fw={500}>
                      {s.jabatanNama}
                    </Table.Th>
                    <Table.Td>{s.unitKerjaNama}</Table.Td>
                    <Table.Td>
                      <PenugasanBadge jenis={s.jenis} />
                    </Table.Td>
                    <Table.Td>{formatTanggal(s.mulai)}</Table.Td>
                    <Table.Td>
                      {s.selesai ? formatTanggal(s.selesai) : t('kepegawaian.pegawai.sampaiSekarang')}
                    </Table.Td>
                    <Table.Td>
                      {s.selesai === null || s.selesai >= today ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red.9"
                          c="red.9"
                          onClick={() => setEnding(s)}
                          aria-label={t('kepegawaian.pegawai.endSpanOf', { jabatan: s.jabatanNama })}
                        >
                          {t('kepegawaian.pegawai.endSpan')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
      <AddSpanDialog pegawaiId={pegawai.id} opened={adding} today={today} onClose={() => setAdding(false)} />
      <EndSpanDialog pegawaiId={pegawai.id} span={ending} today={today} onClose={() => setEnding(null)} />
    </Stack>
  );
}

const editSchema = pegawaiUpdateSchema.omit({ version: true });

function PegawaiForm({ pegawai, onReload }: { pegawai: PegawaiDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePegawai();
  const form = useForm<z.infer<typeof editSchema>>({
    resolver: zodResolver(editSchema),
    defaultValues: { nama: pegawai.nama, status: pegawai.status, aktif: pegawai.aktif },
  });
  const { errors, isDirty } = form.formState;
  const server = fieldErrors(update.error);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="data-pegawai">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          update.mutate(
            { id: pegawai.id, body: { ...v, version: pegawai.version } },
            { onSuccess: () => notifications.show({ color: 'green', message: t('kepegawaian.saved') }) },
          ),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="data-pegawai">
            {t('kepegawaian.pegawai.detail')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('kepegawaian.pegawai.nama')}
              {...form.register('nama')}
              error={errors.nama?.message ?? server.nama}
            />
            <Controller
              control={form.control}
              name="status"
              render={({ field }) => (
                <Select
                  label={t('kepegawaian.pegawai.status')}
                  data={[...pegawaiStatus]}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="aktif"
            render={({ field }) => (
              <Switch
                label={t('kepegawaian.pegawai.aktif')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
          {isApiError(update.error, 'STALE') ? (
            <StaleAlert error={update.error} onReload={onReload} reloading={false} />
          ) : update.isError && Object.keys(server).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(update.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!isDirty}>
              {t('kepegawaian.pegawai.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const spanSchema = z
  .object({
    jabatanId: z.string({ error: 'Pilih jabatan' }).min(1, 'Pilih jabatan'),
    jenis: z.enum(penugasanJenis),
    mulai: tanggalSchema,
    selesai: z.string(),
  })
  .refine((v) => v.selesai === '' || tanggalSchema.safeParse(v.selesai).success, {
    message: 'Tanggal harus berformat TTTT-BB-HH',
    path: ['selesai'],
  })
  .refine((v) => v.selesai === '' || v.selesai >= v.mulai, {
    message: 'Tanggal selesai tidak boleh sebelum tanggal mulai',
    path: ['selesai'],
  });

function AddSpanDialog({
  pegawaiId,
  opened,
  today,
  onClose,
}: {
  pegawaiId: string;
  opened: boolean;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddPenugasan();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const form = useForm<z.infer<typeof spanSchema>>({
    resolver: zodResolver(spanSchema),
    defaultValues: { jabatanId: '', jenis: 'definitif', mulai: today, selesai: '' },
  });
  const { errors } = form.formState;
  const server = fieldErrors(add.error);
  const close = () => {
    add.reset();
    form.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      fullScreen={isPhone}
      title={t('kepegawaian.pegawai.addSpanTitle')}
      closeButtonProps={{ 'aria-label': t('kepegawaian.close') }}
    >
      <form
        noValidate
        onSubmit={form.handleSubmit((v) => {
          const body = penugasanInputSchema.parse({ ...v, selesai: v.selesai || null });
          add.mutate(
            { pegawaiId, body },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('kepegawaian.saved') });
                close();
              },
            },
          );
        })}
      >
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="jabatanId"
            render={({ field }) => (
              <JabatanPicker
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={errors.jabatanId?.message ?? server.jabatanId}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Controller
              control={form.control}
              name="jenis"
              render={({ field }) => (
                <Select
                  label={t('kepegawaian.pegawai.jenis')}
                  data={penugasanJenis.map((j) => ({ value: j, label: penugasanJenisLabel[j] }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            />
            <TextInput
              type="date"
              label={t('kepegawaian.pegawai.mulai')}
              {...form.register('mulai')}
              error={errors.mulai?.message ?? server.mulai}
            />
            <TextInput
              type="date"
              label={t('kepegawaian.pegawai.selesai')}
              {...form.register('selesai')}
              error={errors.selesai?.message ?? server.selesai}
            />
          </SimpleGrid>
          {add.isError && Object.keys(server).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(add.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const endSchema = z.object({ selesai: tanggalSchema });

function EndSpanDialog({
  pegawaiId,
  span,
  today,
  onClose,
}: {
  pegawaiId: string;
  span: Penugasan | null;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const end = useEndPenugasan();
  const form = useForm<z.infer<typeof endSchema>>({
    resolver: zodResolver(endSchema),
    values: { selesai: today },
  });
  const server = fieldErrors(end.error);
  const close = () => {
    end.reset();
    onClose();
  };
  return (
    <Modal
      opened={span !== null}
      onClose={close}
      title={span ? t('kepegawaian.pegawai.endSpanTitle', { jabatan: span.jabatanNama }) : ''}
      closeButtonProps={{ 'aria-label': t('kepegawaian.close') }}
    >
      {span ? (
        <form
          noValidate
          onSubmit={form.handleSubmit((v) =>
            end.mutate(
              { pegawaiId, spanId: span.id, selesai: v.selesai },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('kepegawaian.saved') });
                  close();
                },
              },
            ),
          )}
        >
          <Stack gap="sm">
            <TextInput
              type="date"
              label={t('kepegawaian.pegawai.endSpanDate')}
              min={span.mulai}
              data-autofocus
              {...form.register('selesai')}
              error={form.formState.errors.selesai?.message ?? server.selesai}
            />
            {end.isError && !server.selesai ? (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                {errorMessage(end.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={end.isPending}>
                {t('kepegawaian.pegawai.endSpanSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
