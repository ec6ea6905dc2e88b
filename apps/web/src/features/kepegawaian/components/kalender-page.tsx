import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type HariLibur, hariLiburInputSchema, liburJenis } from '@sip/contracts';
import { IconAlertCircle, IconChevronLeft, IconChevronRight, IconTrash } from '@tabler/icons-react';
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
import { formatTanggalPanjang } from '@/lib/tanggal';
import { useDeleteLibur } from '../api/delete-libur';
import { useLibur } from '../api/get-libur';
import { useSaveLibur } from '../api/save-libur';

const jenisColor = { libur_nasional: 'red', cuti_bersama: 'orange', libur_daerah: 'grape' } as const;

/** The pemda's holidays of a year (national, cuti bersama, regional): add and delete. */
export function KalenderPage({ tahun, onTahun }: { tahun: number; onTahun: (tahun: number) => void }) {
  const { t } = useTranslation();
  const q = useLibur(tahun);
  const [deleting, setDeleting] = useState<HariLibur | null>(null);
  const remove = useDeleteLibur();
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };
  return (
    <Stack gap="lg">
      <PageTitle title={t('kepegawaian.kalender.title', { tahun })} eyebrow={t('kepegawaian.title')} />
      <Group gap="xs">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={`${t('kepegawaian.kalender.tahun')} ${tahun - 1}`}
          onClick={() => onTahun(tahun - 1)}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Title order={2} size="h4" aria-live="polite">
          {tahun}
        </Title>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={`${t('kepegawaian.kalender.tahun')} ${tahun + 1}`}
          onClick={() => onTahun(tahun + 1)}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <LiburForm tahun={tahun} />
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('kepegawaian.kalender.empty')}</EmptyState>
      ) : (
        <ScrollRegion label={t('kepegawaian.kalender.title', { tahun })}>
          <Table striped withTableBorder fz="sm" miw={520} verticalSpacing={6}>
            <TableHead
              columns={[
                { label: t('kepegawaian.kalender.tanggal') },
                { label: t('kepegawaian.kalender.keterangan') },
                { label: t('kepegawaian.kalender.jenis') },
                { label: <VisuallyHidden>{t('kepegawaian.kalender.delete')}</VisuallyHidden>, w: 48 },
              ]}
            />
            <Table.Tbody>
              {[...q.data.items]
                .sort((a, b) => a.tanggal.localeCompare(b.tanggal))
                .map((l) => (
                  <Table.Tr key={l.tanggal}>
                    <Table.Td>
                      <time dateTime={l.tanggal}>{formatTanggalPanjang(l.tanggal)}</time>
                    </Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {l.keterangan}
                    </Table.Th>
                    <Table.Td>
                      <Badge color={jenisColor[l.jenis]} variant="light" radius="sm" c="dark.8">
                        {t(`kepegawaian.kalender.jenisValue.${l.jenis}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        onClick={() => setDeleting(l)}
                        aria-label={t('kepegawaian.kalender.deleteOf', { keterangan: l.keterangan })}
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
        title={t('kepegawaian.kalender.delete')}
        confirmLabel={t('kepegawaian.kalender.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.tanggal, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('kepegawaian.kalender.deleted') });
              closeDelete();
            },
          })
        }
      >
        {t('kepegawaian.kalender.deleteConfirm', {
          keterangan: deleting?.keterangan ?? '',
          tanggal: deleting ? formatTanggalPanjang(deleting.tanggal) : '',
        })}
      </ConfirmDialog>
    </Stack>
  );
}

type LiburValues = z.infer<typeof hariLiburInputSchema>;

function LiburForm({ tahun }: { tahun: number }) {
  const { t } = useTranslation();
  const save = useSaveLibur();
  const form = useForm<LiburValues>({
    resolver: zodResolver(hariLiburInputSchema),
    defaultValues: { tanggal: '', jenis: 'libur_nasional', keterangan: '' },
  });
  const { errors } = form.formState;
  const server = fieldErrors(save.error);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="tambah-libur">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          save.mutate(v, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('kepegawaian.saved') });
              form.reset({ tanggal: '', jenis: v.jenis, keterangan: '' });
            },
          }),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="tambah-libur">
            {t('kepegawaian.kalender.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t('kepegawaian.kalender.tanggal')}
              min={`${tahun}-01-01`}
              max={`${tahun}-12-31`}
              {...form.register('tanggal')}
              error={errors.tanggal?.message ?? server.tanggal}
            />
            <Controller
              control={form.control}
              name="jenis"
              render={({ field }) => (
                <Select
                  label={t('kepegawaian.kalender.jenis')}
                  data={liburJenis.map((j) => ({
                    value: j,
                    label: t(`kepegawaian.kalender.jenisValue.${j}`),
                  }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                />
              )}
            />
            <TextInput
              label={t('kepegawaian.kalender.keterangan')}
              {...form.register('keterangan')}
              error={errors.keterangan?.message ?? server.keterangan}
            />
          </SimpleGrid>
          {save.isError && Object.keys(server).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(save.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('kepegawaian.kalender.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
