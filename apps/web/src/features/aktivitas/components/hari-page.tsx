import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Aktivitas, AktivitasInput, HariSaya } from '@sip/contracts';
import {
  IconAlertCircle,
  IconChevronLeft,
  IconChevronRight,
  IconCloudOff,
  IconCopy,
  IconInfoCircle,
  IconLock,
  IconPencil,
  IconPlaylistAdd,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, visibleText } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { formatMenit } from '@/lib/menit';
import { formatTanggalPanjang, parseTanggal, seninDari, tambahHari } from '@/lib/tanggal';
import { createAktivitas, useCreateAktivitas } from '../api/create-aktivitas';
import { useDeleteAktivitas } from '../api/delete-aktivitas';
import { aktivitasRootKey, useHari } from '../api/get-hari';
import { mingguQueryOptions } from '../api/get-minggu';
import { useSalinAktivitas } from '../api/salin-aktivitas';
import { useUpdateAktivitas } from '../api/update-aktivitas';
import { useOfflineQueue } from '../hooks/use-offline-queue';
import { hariKerjaSebelumnya, jadwalTemplat, statusTampil } from '../utils/log-helpers';
import { newId } from '../utils/new-id';
import type { Draft } from '../utils/offline-queue';
import { AktivitasForm, type AktivitasFormValues } from './aktivitas-form';
import { AktivitasStatusBadge } from './status-badge';

/** "Hari saya": one day of the pegawai's log — the entries, the quick add form, copy and template. */
export function HariPage({
  userId,
  tanggal,
  today,
  onTanggal,
}: {
  userId: string;
  tanggal: string;
  today: string;
  onTanggal: (tanggal: string) => void;
}) {
  const { t } = useTranslation();
  const hari = useHari(tanggal);
  const queue = useOfflineQueue(userId);
  const draftsHariIni = queue.drafts.filter((d) => d.input.tanggal === tanggal);
  const draftsLain = queue.drafts.length - draftsHariIni.length;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kinerja.hari.title')} />
        <Text size="sm" c="dimmed">
          {t('kinerja.hari.intro')}
        </Text>
      </Stack>
      <Stack gap={4}>
        <DateSwitcher tanggal={tanggal} today={today} onTanggal={onTanggal} />
        <Text size="sm" fw={600}>
          <time dateTime={tanggal}>{formatTanggalPanjang(tanggal)}</time>
        </Text>
      </Stack>
      {queue.drafts.some((d) => d.gagal === null) || draftsLain > 0 ? (
        <Alert
          color="gray"
          variant="light"
          icon={<IconCloudOff aria-hidden />}
          title={t('kinerja.hari.queueTitle')}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('kinerja.hari.queueHint')}</Text>
            <Button size="xs" variant="white" color="dark" onClick={queue.retry} loading={queue.sending}>
              {t('kinerja.hari.queueRetry')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {hari.isPending ? (
        <LoadingState />
      ) : hari.isError ? (
        <ErrorState error={hari.error} onRetry={() => void hari.refetch()} retrying={hari.isFetching} />
      ) : (
        <HariBody
          key={hari.data.tanggal}
          hari={hari.data}
          drafts={draftsHariIni}
          onQueue={queue.add}
          onDiscard={queue.discard}
          onReload={() => void hari.refetch()}
        />
      )}
    </Stack>
  );
}

function DateSwitcher({
  tanggal,
  today,
  onTanggal,
}: {
  tanggal: string;
  today: string;
  onTanggal: (tanggal: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('kinerja.hari.previous')}
        onClick={() => onTanggal(tambahHari(tanggal, -1))}
      >
        <IconChevronLeft size={18} aria-hidden />
      </ActionIcon>
      <TextInput
        type="date"
        label={t('kinerja.hari.date')}
        value={tanggal}
        max={today}
        onChange={(e) => {
          const v = parseTanggal(e.currentTarget.value);
          if (v) onTanggal(v);
        }}
        style={{ flex: 1, maxWidth: 220 }}
      />
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('kinerja.hari.next')}
        onClick={() => onTanggal(tambahHari(tanggal, 1))}
        disabled={tanggal >= today}
      >
        <IconChevronRight size={18} aria-hidden />
      </ActionIcon>
      {tanggal !== today ? (
        <Button variant="subtle" size="sm" onClick={() => onTanggal(today)}>
          {t('kinerja.hari.today')}
        </Button>
      ) : null}
    </Group>
  );
}

function latestEnd(hari: HariSaya, drafts: Draft[]): string {
  const ends = [
    ...hari.items.filter((a) => a.status !== 'ditolak').map((a) => a.selesai),
    ...drafts.map((d) => d.input.selesai),
  ].sort();
  const last = ends.at(-1);
  return last && last < '24:00' ? last : hari.jamKerja.mulai;
}

function HariBody({
  hari,
  drafts,
  onQueue,
  onDiscard,
  onReload,
}: {
  hari: HariSaya;
  drafts: Draft[];
  onQueue: (input: AktivitasInput) => void;
  onDiscard: (id: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useCreateAktivitas();
  const salin = useSalinAktivitas();
  const [editing, setEditing] = useState<Aktivitas | null>(null);
  const [deleting, setDeleting] = useState<Aktivitas | null>(null);
  const [templatBusy, setTemplatBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  // The list first on a phone; the form opens on request and stays open for the next entry.
  const [adding, setAdding] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!adding) return;
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLElement>('input:not([type="radio"]), textarea')?.focus();
  }, [adding]);
  const open = hari.tertutup === null;
  const templat = hari.kegiatan.filter((k) => k.templat);

  const add = (values: AktivitasFormValues, reset: (next: Partial<AktivitasFormValues>) => void) => {
    const input: AktivitasInput = { id: newId(), tanggal: hari.tanggal, ...values };
    create.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('kinerja.hari.saved') });
        reset({ mulai: values.selesai, selesai: values.selesai, lembur: values.lembur });
      },
      onError: (error) => {
        if (!isApiError(error, 'NETWORK')) return;
        // No connection: kept on the device, sent again with the same id when it returns.
        onQueue(input);
        notifications.show({ color: 'gray', message: t('kinerja.hari.queued') });
        reset({ mulai: values.selesai, selesai: values.selesai, lembur: values.lembur });
      },
    });
  };

  const copyPrevious = async () => {
    setActionError(null);
    try {
      const senin = seninDari(hari.tanggal);
      const [ini, lalu] = await Promise.all([
        queryClient.fetchQuery(mingguQueryOptions(senin)),
        queryClient.fetchQuery(mingguQueryOptions(tambahHari(senin, -7))),
      ]);
      const dari = hariKerjaSebelumnya(hari.tanggal, [...lalu.hari, ...ini.hari]);
      if (!dari) {
        setActionError(t('kinerja.hari.salinNone'));
        return;
      }
      salin.mutate(
        { dari, ke: hari.tanggal },
        {
          onSuccess: (r) =>
            notifications.show({
              color: r.dibuat > 0 ? 'green' : 'yellow',
              message: t('kinerja.hari.salinDone', {
                dibuat: r.dibuat,
                dilewati: r.dilewati,
                dari: formatTanggalPanjang(dari),
              }),
            }),
          onError: (error) => setActionError(errorMessage(error)),
        },
      );
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  const fillTemplat = async () => {
    setActionError(null);
    setTemplatBusy(true);
    const terisi = [...hari.items.filter((a) => a.status !== 'ditolak'), ...drafts.map((d) => d.input)].map(
      (a) => ({ mulai: a.mulai, selesai: a.selesai }),
    );
    const slots = jadwalTemplat(
      templat.map((k) => k.menitStandar),
      hari.jamKerja.mulai,
      terisi,
    );
    let dibuat = 0;
    let offline = false;
    try {
      for (const [i, k] of templat.entries()) {
        const slot = slots[i];
        if (!slot) continue;
        const input: AktivitasInput = {
          id: newId(),
          tanggal: hari.tanggal,
          ...slot,
          kegiatanId: k.id,
          uraian: k.nama,
          volume: 1,
          satuan: k.satuan,
          lembur: false,
          catatan: '',
        };
        if (offline) {
          onQueue(input);
          continue;
        }
        try {
          await createAktivitas(input);
          dibuat++;
        } catch (error) {
          if (isApiError(error, 'NETWORK')) {
            offline = true;
            onQueue(input);
            continue;
          }
          setActionError(t('kinerja.hari.templatStopped', { uraian: k.nama, message: errorMessage(error) }));
          break;
        }
      }
    } finally {
      setTemplatBusy(false);
      await queryClient.invalidateQueries({ queryKey: aktivitasRootKey });
    }
    if (dibuat > 0)
      notifications.show({ color: 'green', message: t('kinerja.hari.templatDone', { count: dibuat }) });
    if (offline) notifications.show({ color: 'gray', message: t('kinerja.hari.queued') });
  };

  return (
    <Stack gap="lg">
      <HariInfo hari={hari} />

      <Stack gap="sm" component="section" aria-labelledby="aktivitas-hari-judul">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h3" id="aktivitas-hari-judul">
            {t('kinerja.hari.listTitle')}
          </Title>
          <Text size="sm" fw={600}>
            {t('kinerja.hari.total', { menit: formatMenit(hari.totalMenit) })}
          </Text>
        </Group>
        {open ? (
          <Group gap="xs">
            <Button
              variant="light"
              size="xs"
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() => void copyPrevious()}
              loading={salin.isPending}
            >
              {t('kinerja.hari.salin')}
            </Button>
            {hari.hariKerja && templat.length > 0 ? (
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlaylistAdd size={16} aria-hidden />}
                onClick={() => void fillTemplat()}
                loading={templatBusy}
                title={t('kinerja.hari.templatHint', { mulai: hari.jamKerja.mulai })}
              >
                {t('kinerja.hari.templat')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {actionError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {actionError}
          </Alert>
        ) : null}
        {hari.items.length === 0 && drafts.length === 0 ? (
          <EmptyState>{t('kinerja.hari.empty')}</EmptyState>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {drafts.map((d) => (
              <DraftCard key={d.input.id} draft={d} onDiscard={() => onDiscard(d.input.id)} />
            ))}
            {hari.items.map((a) => (
              <EntryCard
                key={a.id}
                item={a}
                canChange={open && a.status === 'diajukan' && !a.terkunci}
                onEdit={() => setEditing(a)}
                onDelete={() => setDeleting(a)}
              />
            ))}
          </Stack>
        )}
      </Stack>

      {open && !adding ? (
        <Group>
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('kinerja.hari.add')}
          </Button>
        </Group>
      ) : null}
      {open && adding ? (
        <Card
          ref={formRef}
          withBorder
          radius="md"
          padding="md"
          component="section"
          aria-labelledby="tambah-aktivitas"
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="tambah-aktivitas">
              {t('kinerja.hari.add')}
            </Title>
            <AktivitasForm
              hari={hari}
              initial={null}
              defaultMulai={latestEnd(hari, drafts)}
              submitLabel={t('kinerja.form.submit')}
              pending={create.isPending}
              error={create.error}
              onSubmit={add}
              onCancel={() => {
                create.reset();
                setAdding(false);
              }}
            />
          </Stack>
        </Card>
      ) : null}

      <EditDialog hari={hari} item={editing} onClose={() => setEditing(null)} onReload={onReload} />
      <DeleteDialog item={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

function HariInfo({ hari }: { hari: HariSaya }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">
        {hari.jabatan ? (
          <>
            {t('kinerja.hari.jabatan', { jabatan: hari.jabatan.nama, unit: hari.jabatan.unitKerja })}
            {' · '}
          </>
        ) : null}
        {t('kinerja.hari.jamKerja', { mulai: hari.jamKerja.mulai, selesai: hari.jamKerja.selesai })}
      </Text>
      {!hari.jabatan ? (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('kinerja.hari.noJabatan')}
        </Alert>
      ) : null}
      {hari.tertutup ? (
        <Alert
          color={hari.tertutup === 'cuti' ? 'blue' : 'yellow'}
          variant="light"
          icon={<IconLock aria-hidden />}
        >
          {t(`kinerja.tertutup.${hari.tertutup}`, { keterangan: hari.keterangan ?? '' })}
        </Alert>
      ) : !hari.hariKerja ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('kinerja.hari.bukanHariKerja', { keterangan: hari.keterangan ? ` (${hari.keterangan})` : '' })}
        </Alert>
      ) : null}
      {hari.tertutup === null && hari.batasIsi ? (
        <Text size="sm" c="dimmed">
          {t('kinerja.hari.batasIsi', { when: formatDateTime(hari.batasIsi) })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function EntryCard({
  item,
  canChange,
  onEdit,
  onDelete,
}: {
  item: Aktivitas;
  canChange: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const status = statusTampil(item);
  return (
    <Card component="li" withBorder radius="md" padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text size="sm" fw={700} ff="monospace">
            {item.mulai}–{item.selesai}
          </Text>
          <Group gap={4} justify="flex-end">
            {item.lembur ? (
              <Badge color="grape" variant="light" radius="sm" c="dark.8">
                {t('kinerja.hari.lembur')}
              </Badge>
            ) : null}
            {item.eskalasi ? (
              <Badge color="orange" variant="outline" radius="sm" c="dark.8">
                {t('kinerja.hari.eskalasi')}
              </Badge>
            ) : null}
            <AktivitasStatusBadge status={status} />
          </Group>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {visibleText(item.uraian)}
        </Text>
        <Text size="xs" c="dimmed">
          {item.volume} {item.satuan} · {formatMenit(item.menit)}
          {item.menitDisetujui !== null && item.status !== 'ditolak' && item.menitDisetujui !== item.menit
            ? ` · ${t('kinerja.hari.menitDisetujui', { menit: formatMenit(item.menitDisetujui) })}`
            : ''}
          {item.menitDiakui !== null && item.menitDiakui !== (item.menitDisetujui ?? item.menit)
            ? ` · ${t('kinerja.hari.menitDiakui', { menit: formatMenit(item.menitDiakui) })}`
            : ''}
        </Text>
        {item.catatan ? (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {visibleText(item.catatan)}
          </Text>
        ) : null}
        {item.alasanAtasan ? (
          <Text size="sm" c={item.status === 'ditolak' ? 'red.9' : undefined}>
            {t('kinerja.hari.atasanSays', { alasan: visibleText(item.alasanAtasan) })}
          </Text>
        ) : null}
        {item.alasanVerifikasi ? (
          <Text size="sm">
            {t('kinerja.hari.verifikatorSays', { alasan: visibleText(item.alasanVerifikasi) })}
          </Text>
        ) : null}
        {canChange ? (
          <Group gap="xs" justify="flex-end">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={onEdit}
              aria-label={t('kinerja.hari.editOf', { uraian: item.uraian })}
            >
              {t('kinerja.hari.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red.9"
              c="red.9"
              size="xs"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={onDelete}
              aria-label={t('kinerja.hari.deleteOf', { uraian: item.uraian })}
            >
              {t('kinerja.hari.delete')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

function DraftCard({ draft, onDiscard }: { draft: Draft; onDiscard: () => void }) {
  const { t } = useTranslation();
  const { input } = draft;
  return (
    <Card component="li" withBorder radius="md" padding="sm" style={{ borderStyle: 'dashed' }}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text size="sm" fw={700} ff="monospace">
            {input.mulai}–{input.selesai}
          </Text>
          <AktivitasStatusBadge status={draft.gagal ? 'gagal' : 'antrean'} />
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {visibleText(input.uraian)}
        </Text>
        <Text size="xs" c="dimmed">
          {input.volume} {input.satuan}
        </Text>
        {draft.gagal ? (
          <Text size="sm" c="red.9">
            {draft.gagal}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="subtle"
            color="red.9"
            c="red.9"
            size="xs"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onDiscard}
            aria-label={t('kinerja.hari.queueDiscardOf', { uraian: input.uraian })}
          >
            {t('kinerja.hari.queueDiscard')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function EditDialog({
  hari,
  item,
  onClose,
  onReload,
}: {
  hari: HariSaya;
  item: Aktivitas | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAktivitas();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal
      opened={item !== null}
      onClose={close}
      title={t('kinerja.hari.edit')}
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('admin.close') }}
    >
      {item ? (
        <AktivitasForm
          hari={hari}
          initial={item}
          defaultMulai={item.mulai}
          submitLabel={t('kinerja.form.submitEdit')}
          pending={update.isPending}
          error={update.error}
          onCancel={close}
          onReload={() => {
            close();
            onReload();
          }}
          onSubmit={(values) =>
            update.mutate(
              { id: item.id, tanggal: item.tanggal, version: item.version, ...values },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('kinerja.hari.saved') });
                  close();
                },
              },
            )
          }
        />
      ) : null}
    </Modal>
  );
}

function DeleteDialog({ item, onClose }: { item: Aktivitas | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAktivitas();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={item !== null}
      title={t('kinerja.hari.delete')}
      confirmLabel={t('kinerja.hari.delete')}
      loading={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        item &&
        remove.mutate(
          { id: item.id, version: item.version },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('kinerja.hari.deleted') });
              close();
            },
          },
        )
      }
    >
      {t('kinerja.hari.deleteConfirm', { uraian: item?.uraian ?? '' })}
    </ConfirmDialog>
  );
}
