import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Divider,
  Group,
  Modal,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  type PegawaiCreate,
  pegawaiCreateSchema,
  pegawaiStatus,
  penugasanJenis,
  penugasanJenisLabel,
  tanggalSchema,
  usernameSchema,
} from '@sip/contracts';
import { IconAlertCircle, IconCheck, IconCopy, IconKey, IconSearch, IconUserPlus } from '@tabler/icons-react';
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
import { TableHead } from '@/components/ui/table-head';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useCreatePegawai } from '../api/create-pegawai';
import { usePegawaiList } from '../api/get-pegawai-list';
import { useUnitKerja } from '../api/get-unit-kerja';
import { PenugasanBadge } from './jabatan-page';
import { JabatanPicker } from './jabatan-picker';

const PAGE_SIZE = 25;

/** The pemda's pegawai: searched and paged by the API; a new one with an account and a first position. */
export function PegawaiListPage({ today }: { today: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [unitKerjaId, setUnitKerjaId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);
  const units = useUnitKerja();
  const list = usePegawaiList({
    q: debounced || undefined,
    unitKerjaId: unitKerjaId ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;

  return (
    <Stack gap="lg">
      <PageTitle title={t('kepegawaian.pegawai.title')} eyebrow={t('kepegawaian.title')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('kepegawaian.pegawai.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={t('kepegawaian.pegawai.unitKerja')}
          placeholder={t('kepegawaian.pegawai.semuaUnit')}
          clearable
          searchable
          data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.nama }))}
          value={unitKerjaId}
          onChange={(v) => {
            setUnitKerjaId(v);
            setPage(1);
          }}
          w={{ base: '100%', xs: 280 }}
        />
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('kepegawaian.pegawai.add')}
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('kepegawaian.pegawai.empty')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('kepegawaian.pegawai.total', { count: list.data.total, n: formatNumber(list.data.total) })}
          </Text>
          <ScrollRegion label={t('kepegawaian.pegawai.title')}>
            <Table striped highlightOnHover withTableBorder fz="sm" miw={720} verticalSpacing={6}>
              <TableHead
                columns={[
                  { label: t('kepegawaian.pegawai.col.nama') },
                  { label: t('kepegawaian.pegawai.col.nip') },
                  { label: t('kepegawaian.pegawai.col.status') },
                  { label: t('kepegawaian.pegawai.col.jabatan') },
                  { label: t('kepegawaian.pegawai.col.akun') },
                ]}
              />
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id} opacity={p.aktif ? 1 : 0.7}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={paths.kepegawaian.pegawaiDetail.getHref(p.id)} size="sm">
                        {p.nama}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ff="monospace">{p.nip}</Table.Td>
                    <Table.Td>{p.status}</Table.Td>
                    <Table.Td>
                      {p.jabatan ? (
                        <Group gap={6} wrap="nowrap">
                          <PenugasanBadge jenis={p.jabatan.jenis} />
                          <Text size="sm">
                            {p.jabatan.jabatanNama}
                            <Text span size="xs" c="dimmed">
                              {' '}
                              · {p.jabatan.unitKerjaNama}
                            </Text>
                          </Text>
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('kepegawaian.pegawai.tanpaJabatan')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.username ?? (
                        <Text span size="sm" c="dimmed">
                          {t('kepegawaian.pegawai.tanpaAkun')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) =>
                control === 'previous'
                  ? { 'aria-label': t('kepegawaian.pegawai.previous') }
                  : control === 'next'
                    ? { 'aria-label': t('kepegawaian.pegawai.nextPage') }
                    : {}
              }
              getItemProps={(p) => ({ 'aria-label': t('kepegawaian.pegawai.pageOf', { page: p, pages }) })}
            />
          ) : null}
        </Stack>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        size="lg"
        fullScreen={isPhone}
        title={t('kepegawaian.pegawai.addTitle')}
        closeButtonProps={{ 'aria-label': t('kepegawaian.close') }}
      >
        {creating ? (
          <PegawaiCreateForm
            today={today}
            onDone={(created) => {
              setCreating(false);
              if (created.password && created.username)
                setPassword({ username: created.username, password: created.password });
            }}
          />
        ) : null}
      </Modal>
      <TempPasswordDialog value={password} onClose={() => setPassword(null)} />
    </Stack>
  );
}

const createFormSchema = z
  .object({
    nip: pegawaiCreateSchema.shape.nip,
    nama: pegawaiCreateSchema.shape.nama,
    status: z.enum(pegawaiStatus),
    cara: z.enum(['baru', 'tautkan', 'tanpa']),
    username: z.string(),
    jabatanId: z.string().nullable(),
    jenis: z.enum(penugasanJenis),
    mulai: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.cara !== 'tanpa') {
      const u = usernameSchema.safeParse(v.username);
      if (!u.success)
        ctx.addIssue({ code: 'custom', path: ['username'], message: u.error.issues[0]?.message ?? '' });
    }
    if (v.jabatanId) {
      const d = tanggalSchema.safeParse(v.mulai);
      if (!d.success)
        ctx.addIssue({ code: 'custom', path: ['mulai'], message: d.error.issues[0]?.message ?? '' });
    }
  });
type CreateValues = z.infer<typeof createFormSchema>;

function PegawaiCreateForm({
  today,
  onDone,
}: {
  today: string;
  onDone: (r: { username: string | null; password: string | null }) => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePegawai();
  const form = useForm<CreateValues>({
    resolver: zodResolver(createFormSchema),
    defaultValues: {
      nip: '',
      nama: '',
      status: 'PNS',
      cara: 'baru',
      username: '',
      jabatanId: null,
      jenis: 'definitif',
      mulai: today,
    },
  });
  const { errors } = form.formState;
  const server = fieldErrors(create.error);
  const cara = form.watch('cara');
  const submit = form.handleSubmit((v) => {
    const body: PegawaiCreate = {
      nip: v.nip,
      nama: v.nama,
      status: v.status,
      akun: v.cara === 'tanpa' ? { cara: 'tanpa' } : { cara: v.cara, username: v.username.trim() },
      penugasan: v.jabatanId ? { jabatanId: v.jabatanId, jenis: v.jenis, mulai: v.mulai } : null,
    };
    create.mutate(body, {
      onSuccess: (r) => {
        notifications.show({
          color: 'green',
          message: t('kepegawaian.pegawai.created', { nama: r.pegawai.nama }),
        });
        onDone({ username: r.pegawai.username, password: r.passwordSementara });
      },
    });
  });
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label={t('kepegawaian.pegawai.nip')}
          description={t('kepegawaian.pegawai.nipHint')}
          inputMode="numeric"
          maxLength={18}
          {...form.register('nip')}
          error={errors.nip?.message ?? server.nip}
          data-autofocus
        />
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
              comboboxProps={{ withinPortal: true }}
              maw={200}
            />
          )}
        />
        <Divider label={t('kepegawaian.pegawai.akun')} labelPosition="left" />
        <Controller
          control={form.control}
          name="cara"
          render={({ field }) => (
            <SegmentedControl
              aria-label={t('kepegawaian.pegawai.akun')}
              value={field.value}
              onChange={field.onChange}
              data={(['baru', 'tautkan', 'tanpa'] as const).map((c) => ({
                value: c,
                label: t(`kepegawaian.pegawai.akunCara.${c}`),
              }))}
              fullWidth
              orientation="horizontal"
            />
          )}
        />
        {cara !== 'tanpa' ? (
          <TextInput
            label={t('kepegawaian.pegawai.username')}
            description={cara === 'baru' ? t('kepegawaian.pegawai.usernameHint') : undefined}
            autoCapitalize="none"
            autoComplete="off"
            {...form.register('username')}
            error={errors.username?.message ?? server['akun.username']}
          />
        ) : null}
        <Divider label={t('kepegawaian.pegawai.penugasan')} labelPosition="left" />
        <Controller
          control={form.control}
          name="jabatanId"
          render={({ field }) => (
            <JabatanPicker
              value={field.value}
              onChange={field.onChange}
              error={errors.jabatanId?.message ?? server['penugasan.jabatanId']}
            />
          )}
        />
        {form.watch('jabatanId') ? (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
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
              error={errors.mulai?.message ?? server['penugasan.mulai']}
            />
          </SimpleGrid>
        ) : null}
        {create.isError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(create.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('kepegawaian.pegawai.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Shown once: the server keeps only the hash. */
function TempPasswordDialog({
  value,
  onClose,
}: {
  value: { username: string; password: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={value !== null}
      onClose={onClose}
      title={t('kepegawaian.pegawai.tempPasswordTitle')}
      closeButtonProps={{ 'aria-label': t('kepegawaian.close') }}
    >
      {value ? (
        <Stack gap="sm">
          <Text size="sm">{t('kepegawaian.pegawai.tempPasswordIntro', { username: value.username })}</Text>
          <Group gap="sm">
            <Text ff="monospace" fz="xl" fw={700} data-testid="temporary-password">
              {value.password}
            </Text>
            <CopyButton value={value.password}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                  }
                >
                  {copied ? t('kepegawaian.pegawai.copied') : t('kepegawaian.pegawai.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" variant="light" icon={<IconKey aria-hidden />}>
            {t('kepegawaian.pegawai.tempPasswordWarning')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('kepegawaian.pegawai.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
