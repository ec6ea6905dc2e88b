import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  type Jabatan,
  jabatanInputSchema,
  jabatanJenis,
  type Pemegang,
  penugasanJenisLabel,
} from '@sip/contracts';
import { IconAlertCircle, IconListDetails, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { NumberField } from '@/components/ui/number-field';
import { PageTitle } from '@/components/ui/page-title';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors, isApiError } from '@/lib/http';
import { parseTanggal } from '@/lib/tanggal';
import { createJabatan } from '../api/create-jabatan';
import { useJabatan } from '../api/get-jabatan';
import { useUnitKerja } from '../api/get-unit-kerja';
import { updateJabatan } from '../api/update-jabatan';
import { useKepegawaianMutation } from '../api/use-kepegawaian-mutation';
import { bawahan, type JabatanNode, jabatanTree } from '../utils/jabatan-tree';
import { KegiatanDialog } from './kegiatan-dialog';

const jenisColor = { definitif: 'blue', plt: 'orange', plh: 'grape' } as const;

export function PenugasanBadge({ jenis }: { jenis: Pemegang['jenis'] }) {
  return (
    <Badge color={jenisColor[jenis]} variant="light" radius="sm" c="dark.8" style={{ flexShrink: 0 }}>
      {penugasanJenisLabel[jenis]}
    </Badge>
  );
}

/** A unit kerja's positions as a tree, with who holds each on a date; add and edit; each one's catalogue. */
export function JabatanPage({
  unitKerjaId,
  today,
  onUnitKerja,
}: {
  unitKerjaId: string;
  today: string;
  onUnitKerja: (id: string) => void;
}) {
  const { t } = useTranslation();
  const units = useUnitKerja();
  const [tanggal, setTanggal] = useState(today);
  const q = useJabatan(unitKerjaId, tanggal);
  const [editing, setEditing] = useState<Jabatan | 'new' | null>(null);
  const [katalog, setKatalog] = useState<Jabatan | null>(null);
  const unit = units.data?.items.find((u) => u.id === unitKerjaId);

  return (
    <Stack gap="lg">
      <PageTitle title={t('kepegawaian.jabatan.title')} eyebrow={t('kepegawaian.title')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('kepegawaian.jabatan.unitKerja')}
          placeholder={t('kepegawaian.jabatan.unitKerjaPlaceholder')}
          searchable
          data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.nama }))}
          value={unitKerjaId || null}
          onChange={(v) => v && onUnitKerja(v)}
          allowDeselect={false}
          w={{ base: '100%', xs: 320 }}
        />
        <TextInput
          type="date"
          label={t('kepegawaian.jabatan.tanggal')}
          value={tanggal}
          onChange={(e) => {
            const v = parseTanggal(e.currentTarget.value);
            if (v) setTanggal(v);
          }}
          w={180}
        />
        {unitKerjaId ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('kepegawaian.jabatan.add')}
          </Button>
        ) : null}
      </Group>
      {!unitKerjaId ? (
        <EmptyState>{t('kepegawaian.jabatan.pickUnit')}</EmptyState>
      ) : q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('kepegawaian.jabatan.empty')}</EmptyState>
      ) : (
        <Stack gap="xs" component="section" aria-labelledby="pohon-jabatan">
          <Title order={2} size="h3" id="pohon-jabatan">
            {t('kepegawaian.jabatan.tree', { unit: unit?.nama ?? '' })}
          </Title>
          <JabatanTreeList
            nodes={jabatanTree(q.data.items)}
            depth={0}
            onEdit={setEditing}
            onKatalog={setKatalog}
          />
        </Stack>
      )}
      <JabatanDialog
        unitKerjaId={unitKerjaId}
        items={q.data?.items ?? []}
        editing={editing}
        onClose={() => setEditing(null)}
        onReload={() => void q.refetch()}
      />
      <KegiatanDialog jabatan={katalog} onClose={() => setKatalog(null)} />
    </Stack>
  );
}

function JabatanTreeList({
  nodes,
  depth,
  onEdit,
  onKatalog,
}: {
  nodes: JabatanNode[];
  depth: number;
  onEdit: (j: Jabatan) => void;
  onKatalog: (j: Jabatan) => void;
}) {
  return (
    <Stack
      gap="xs"
      component="ul"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        ...(depth > 0
          ? { paddingLeft: 'var(--mantine-spacing-md)', borderLeft: '2px solid var(--mantine-color-gray-3)' }
          : {}),
      }}
    >
      {nodes.map((n) => (
        <li key={n.jabatan.id}>
          <JabatanCard jabatan={n.jabatan} onEdit={onEdit} onKatalog={onKatalog} />
          {n.children.length > 0 ? (
            <Box mt="xs">
              <JabatanTreeList nodes={n.children} depth={depth + 1} onEdit={onEdit} onKatalog={onKatalog} />
            </Box>
          ) : null}
        </li>
      ))}
    </Stack>
  );
}

function JabatanCard({
  jabatan: j,
  onEdit,
  onKatalog,
}: {
  jabatan: Jabatan;
  onEdit: (j: Jabatan) => void;
  onKatalog: (j: Jabatan) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" opacity={j.aktif ? 1 : 0.7}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
              {j.nama}
            </Text>
            <Text size="xs" c="dimmed">
              <Text span ff="monospace" size="xs">
                {j.kode}
              </Text>{' '}
              · {t(`kepegawaian.jabatan.jenisValue.${j.jenis}`)} ·{' '}
              {t('kepegawaian.jabatan.kelasShort', { kelas: j.kelas })}
            </Text>
          </div>
          <Group gap={4} justify="flex-end">
            {j.kepalaUnit ? (
              <Badge color="indigo" variant="light" radius="sm" c="dark.8">
                {t('kepegawaian.jabatan.kepalaUnit')}
              </Badge>
            ) : null}
            {!j.aktif ? (
              <Badge color="gray" variant="outline" radius="sm" c="dark.8">
                {t('kepegawaian.nonaktif')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {j.pemegang.length === 0 ? (
          <Group gap={6}>
            <Badge color="red" variant="light" radius="sm" c="dark.8">
              {t('kepegawaian.jabatan.kosong')}
            </Badge>
          </Group>
        ) : (
          j.pemegang.map((p) => (
            <Group key={`${p.pegawaiId}-${p.jenis}`} gap={6} wrap="nowrap">
              <PenugasanBadge jenis={p.jenis} />
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {p.nama}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {p.nip}
                </Text>
              </Text>
            </Group>
          ))
        )}
        <Group gap="xs" justify="flex-end">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconListDetails size={14} aria-hidden />}
            onClick={() => onKatalog(j)}
            aria-label={t('kepegawaian.jabatan.kegiatanOf', { nama: j.nama })}
          >
            {t('kepegawaian.jabatan.kegiatan')}
          </Button>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => onEdit(j)}
            aria-label={t('kepegawaian.jabatan.editOf', { nama: j.nama })}
          >
            {t('kepegawaian.edit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const formSchema = jabatanInputSchema.omit({ unitKerjaId: true });
type FormValues = z.infer<typeof formSchema>;

function JabatanDialog({
  unitKerjaId,
  items,
  editing,
  onClose,
  onReload,
}: {
  unitKerjaId: string;
  items: Jabatan[];
  editing: Jabatan | 'new' | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const jabatan = editing === 'new' ? null : editing;
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      fullScreen={isPhone}
      title={
        jabatan
          ? t('kepegawaian.jabatan.editTitle', { nama: jabatan.nama })
          : t('kepegawaian.jabatan.addTitle')
      }
      closeButtonProps={{ 'aria-label': t('kepegawaian.close') }}
    >
      {editing !== null ? (
        <JabatanForm
          key={jabatan?.id ?? 'new'}
          unitKerjaId={unitKerjaId}
          items={items}
          jabatan={jabatan}
          onDone={onClose}
          onReload={() => {
            onClose();
            onReload();
          }}
        />
      ) : null}
    </Modal>
  );
}

function JabatanForm({
  unitKerjaId,
  items,
  jabatan,
  onDone,
  onReload,
}: {
  unitKerjaId: string;
  items: Jabatan[];
  jabatan: Jabatan | null;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useKepegawaianMutation((v: FormValues) => {
    const body = { ...v, unitKerjaId };
    return jabatan
      ? updateJabatan({ id: jabatan.id, body: { ...body, version: jabatan.version } })
      : createJabatan(body);
  });
  const form = useForm<z.input<typeof formSchema>, unknown, FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      kode: jabatan?.kode ?? '',
      nama: jabatan?.nama ?? '',
      jenis: jabatan?.jenis ?? 'pelaksana',
      kelas: jabatan?.kelas ?? 7,
      atasanId: jabatan?.atasanId ?? null,
      kepalaUnit: jabatan?.kepalaUnit ?? false,
      aktif: jabatan?.aktif ?? true,
    },
  });
  const { errors } = form.formState;
  const server = fieldErrors(save.error);
  const excluded = jabatan ? bawahan(items, jabatan.id) : new Set<string>();
  const atasanOutside = jabatan?.atasanId && !items.some((i) => i.id === jabatan.atasanId);
  const atasanOptions = [
    ...items.filter((i) => !excluded.has(i.id)).map((i) => ({ value: i.id, label: `${i.nama} (${i.kode})` })),
    ...(atasanOutside && jabatan?.atasanId
      ? [{ value: jabatan.atasanId, label: t('kepegawaian.jabatan.atasanLain') }]
      : []),
  ];
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
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('kepegawaian.jabatan.kode')}
            {...form.register('kode')}
            error={errors.kode?.message ?? server.kode}
            data-autofocus
          />
          <Controller
            control={form.control}
            name="kelas"
            render={({ field }) => (
              <NumberField
                label={t('kepegawaian.jabatan.kelas')}
                inputMode="numeric"
                allowDecimal={false}
                value={field.value}
                onValue={(v) => field.onChange(v)}
                error={errors.kelas?.message ?? server.kelas}
              />
            )}
          />
        </SimpleGrid>
        <TextInput
          label={t('kepegawaian.jabatan.nama')}
          {...form.register('nama')}
          error={errors.nama?.message ?? server.nama}
        />
        <Controller
          control={form.control}
          name="jenis"
          render={({ field }) => (
            <Select
              label={t('kepegawaian.jabatan.jenis')}
              data={jabatanJenis.map((j) => ({ value: j, label: t(`kepegawaian.jabatan.jenisValue.${j}`) }))}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="atasanId"
          render={({ field }) => (
            <Select
              label={t('kepegawaian.jabatan.atasan')}
              description={t('kepegawaian.jabatan.atasanHint')}
              placeholder={t('kepegawaian.jabatan.atasanNone')}
              searchable
              clearable
              data={atasanOptions}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v ?? null)}
              error={errors.atasanId?.message ?? server.atasanId}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="kepalaUnit"
          render={({ field }) => (
            <Switch
              label={t('kepegawaian.jabatan.kepalaUnit')}
              checked={field.value ?? false}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="aktif"
          render={({ field }) => (
            <Switch
              label={t('kepegawaian.jabatan.aktif')}
              checked={field.value ?? true}
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
