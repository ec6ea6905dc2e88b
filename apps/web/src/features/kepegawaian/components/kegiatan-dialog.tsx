import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type Jabatan, type Kegiatan, kegiatanInputSchema } from '@sip/contracts';
import { IconAlertCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { NumberField } from '@/components/ui/number-field';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { TableHead } from '@/components/ui/table-head';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors } from '@/lib/http';
import { createKegiatan } from '../api/create-kegiatan';
import { useKegiatan } from '../api/get-kegiatan';
import { updateKegiatan } from '../api/update-kegiatan';
import { useKepegawaianMutation } from '../api/use-kepegawaian-mutation';

/** A jabatan's catalogue of activities with their standard minutes; the template ones are marked. */
export function KegiatanDialog({ jabatan, onClose }: { jabatan: Jabatan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal
      opened={jabatan !== null}
      onClose={onClose}
      size="xl"
      fullScreen={isPhone}
      title={jabatan ? t('kepegawaian.kegiatan.title', { jabatan: jabatan.nama }) : ''}
      closeButtonProps={{ 'aria-label': t('kepegawaian.close') }}
    >
      {jabatan ? <KegiatanBody jabatan={jabatan} /> : null}
    </Modal>
  );
}

function KegiatanBody({ jabatan }: { jabatan: Jabatan }) {
  const { t } = useTranslation();
  const q = useKegiatan(jabatan.id);
  const [editing, setEditing] = useState<Kegiatan | 'new' | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('kepegawaian.kegiatan.intro')}
      </Text>
      {q.isPending ? (
        <LoadingState lines={3} />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('kepegawaian.kegiatan.empty')}</EmptyState>
      ) : (
        <ScrollRegion label={t('kepegawaian.kegiatan.title', { jabatan: jabatan.nama })}>
          <Table striped withTableBorder fz="sm" miw={520} verticalSpacing={4}>
            <TableHead
              columns={[
                { label: t('kepegawaian.kegiatan.col.nama') },
                { label: t('kepegawaian.kegiatan.col.menit'), numeric: true },
                { label: t('kepegawaian.kegiatan.col.satuan') },
                { label: t('kepegawaian.kegiatan.col.templat') },
                { label: t('kepegawaian.kegiatan.col.status') },
                { label: <VisuallyHidden>{t('kepegawaian.edit')}</VisuallyHidden>, w: 48 },
              ]}
            />
            <Table.Tbody>
              {[...q.data.items]
                .sort((a, b) => a.urutan - b.urutan || a.nama.localeCompare(b.nama, 'id'))
                .map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Th scope="row" fw={500}>
                      {k.nama}
                    </Table.Th>
                    <Table.Td ta="right">{k.menitStandar}</Table.Td>
                    <Table.Td>{k.satuan}</Table.Td>
                    <Table.Td>
                      {k.templat ? (
                        <Badge color="teal" variant="light" radius="sm" c="dark.8">
                          {t('kepegawaian.kegiatan.templat')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{k.aktif ? t('kepegawaian.aktif') : t('kepegawaian.nonaktif')}</Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setEditing(k)}
                        aria-label={t('kepegawaian.kegiatan.editOf', { nama: k.nama })}
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
      {editing === null ? (
        <Group>
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            variant="light"
            onClick={() => setEditing('new')}
          >
            {t('kepegawaian.kegiatan.add')}
          </Button>
        </Group>
      ) : (
        <KegiatanForm
          key={editing === 'new' ? 'new' : editing.id}
          jabatanId={jabatan.id}
          kegiatan={editing === 'new' ? null : editing}
          nextUrutan={(q.data?.items.length ?? 0) + 1}
          onDone={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

type FormInput = z.input<typeof kegiatanInputSchema>;
type FormValues = z.output<typeof kegiatanInputSchema>;

function KegiatanForm({
  jabatanId,
  kegiatan,
  nextUrutan,
  onDone,
}: {
  jabatanId: string;
  kegiatan: Kegiatan | null;
  nextUrutan: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useKepegawaianMutation((body: FormValues) =>
    kegiatan
      ? updateKegiatan({ jabatanId, kegiatanId: kegiatan.id, body })
      : createKegiatan({ jabatanId, body }),
  );
  const form = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(kegiatanInputSchema),
    defaultValues: {
      nama: kegiatan?.nama ?? '',
      menitStandar: kegiatan?.menitStandar ?? 30,
      satuan: kegiatan?.satuan ?? '',
      templat: kegiatan?.templat ?? false,
      urutan: kegiatan?.urutan ?? nextUrutan,
      aktif: kegiatan?.aktif ?? true,
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
      <Stack gap="sm" p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
        <Title order={3} size="h5">
          {kegiatan
            ? t('kepegawaian.kegiatan.editOf', { nama: kegiatan.nama })
            : t('kepegawaian.kegiatan.add')}
        </Title>
        <TextInput
          label={t('kepegawaian.kegiatan.nama')}
          {...form.register('nama')}
          error={errors.nama?.message ?? server.nama}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Controller
            control={form.control}
            name="menitStandar"
            render={({ field }) => (
              <NumberField
                label={t('kepegawaian.kegiatan.menitStandar')}
                inputMode="numeric"
                allowDecimal={false}
                value={field.value}
                onValue={field.onChange}
                error={errors.menitStandar?.message ?? server.menitStandar}
              />
            )}
          />
          <TextInput
            label={t('kepegawaian.kegiatan.satuan')}
            {...form.register('satuan')}
            error={errors.satuan?.message ?? server.satuan}
          />
          <Controller
            control={form.control}
            name="urutan"
            render={({ field }) => (
              <NumberField
                label={t('kepegawaian.kegiatan.urutan')}
                inputMode="numeric"
                allowDecimal={false}
                value={field.value}
                onValue={field.onChange}
                error={errors.urutan?.message ?? server.urutan}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="templat"
          render={({ field }) => (
            <Checkbox
              label={t('kepegawaian.kegiatan.templat')}
              description={t('kepegawaian.kegiatan.templatHint')}
              checked={field.value ?? false}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="aktif"
          render={({ field }) => (
            <Checkbox
              label={t('kepegawaian.kegiatan.aktif')}
              checked={field.value ?? true}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        {save.isError && Object.keys(server).length === 0 ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('kepegawaian.kegiatan.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
