import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { bukaBulanSchema, type VerifikasiUnit } from '@sip/contracts';
import {
  IconAlertCircle,
  IconCheck,
  IconLock,
  IconLockOpen,
  IconPaperclip,
  IconPencil,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { NumberField } from '@/components/ui/number-field';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { StaleAlert } from '@/components/ui/stale-alert';
import { TableHead } from '@/components/ui/table-head';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatNumber, formatScore, NO_VALUE, visibleText } from '@/lib/format';
import { fieldErrors, isApiError } from '@/lib/http';
import { formatMenit } from '@/lib/menit';
import { formatBulanTahun, formatTanggalPendek } from '@/lib/tanggal';
import { useBukaBulan } from '../api/buka-bulan';
import { useVerifikasiUnit } from '../api/get-verifikasi-unit';
import { type UnitMonth, useMulaiVerifikasi } from '../api/mulai-verifikasi';
import { usePutuskanVerifikasi } from '../api/putuskan-verifikasi';
import { useTutupBulan } from '../api/tutup-bulan';
import { VerifikasiStatusBadge } from './status-badge';

type Item = VerifikasiUnit['items'][number];

/** One unit kerja's month: start, decide the entries, close; the scores after the close; reopen (BKPSDM). */
export function VerifikasiUnitPage({ unit, canBuka }: { unit: UnitMonth; canBuka: boolean }) {
  const { t } = useTranslation();
  const q = useVerifikasiUnit(unit.unitKerjaId, unit.tahun, unit.bulan);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.verifikasiKinerja.root.getHref(unit)} size="sm">
        {t('kinerja.verifikasi.back')}
      </Anchor>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <Stack gap="md">
          <PageTitle title={t('kinerja.verifikasi.title')} />
          <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        </Stack>
      ) : (
        <UnitBody data={q.data} unit={unit} canBuka={canBuka} onReload={() => void q.refetch()} />
      )}
    </Stack>
  );
}

function UnitBody({
  data,
  unit,
  canBuka,
  onReload,
}: {
  data: VerifikasiUnit;
  unit: UnitMonth;
  canBuka: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const bulan = formatBulanTahun(data.tahun, data.bulan);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle title={t('kinerja.verifikasi.unitTitle', { nama: data.nama, bulan })} />
        <Group gap="xs">
          <VerifikasiStatusBadge status={data.status} />
          {data.cara ? (
            <Text size="sm" c="dimmed">
              {t(`kinerja.verifikasi.cara.${data.cara}`)}
              {data.cara === 'sampel' && data.ukuranSampel ? ` (${formatNumber(data.ukuranSampel)})` : ''}
            </Text>
          ) : null}
          {data.belumDiputus > 0 ? (
            <Badge color="orange" variant="light" radius="sm" c="dark.8">
              {t('kinerja.verifikasi.col.belumDiputus')}: {formatNumber(data.belumDiputus)}
            </Badge>
          ) : null}
        </Group>
      </Stack>
      {data.status === 'belum' ? <MulaiForm unit={unit} /> : null}
      {data.status === 'berjalan' ? (
        <>
          <TutupBulan data={data} unit={unit} bulan={bulan} onReload={onReload} />
          <EntriesList data={data} onReload={onReload} />
        </>
      ) : null}
      {data.status === 'ditutup' ? (
        <>
          <NilaiTable data={data} />
          {canBuka ? <BukaBulan unit={unit} bulan={bulan} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

const mulaiSchema = z
  .object({ cara: z.enum(['semua', 'sampel']), ukuranSampel: z.number().int().optional() })
  .refine((v) => v.cara === 'semua' || (v.ukuranSampel !== undefined && v.ukuranSampel >= 1), {
    message: 'Isi ukuran sampel (minimal 1)',
    path: ['ukuranSampel'],
  });

function MulaiForm({ unit }: { unit: UnitMonth }) {
  const { t } = useTranslation();
  const mulai = useMulaiVerifikasi();
  const form = useForm<z.infer<typeof mulaiSchema>>({
    resolver: zodResolver(mulaiSchema),
    defaultValues: { cara: 'semua' },
  });
  const cara = form.watch('cara');
  const server = fieldErrors(mulai.error);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="mulai-judul">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          mulai.mutate(
            {
              unit,
              body:
                v.cara === 'sampel' ? { cara: 'sampel', ukuranSampel: v.ukuranSampel } : { cara: 'semua' },
            },
            {
              onSuccess: () =>
                notifications.show({ color: 'green', message: t('kinerja.verifikasi.started') }),
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="mulai-judul">
            {t('kinerja.verifikasi.mulaiTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('kinerja.verifikasi.mulaiIntro')}
          </Text>
          <Controller
            control={form.control}
            name="cara"
            render={({ field }) => (
              <SegmentedControl
                aria-label={t('kinerja.verifikasi.mulaiTitle')}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                data={[
                  { value: 'semua', label: t('kinerja.verifikasi.cara.semua') },
                  { value: 'sampel', label: t('kinerja.verifikasi.cara.sampel') },
                ]}
                maw={360}
              />
            )}
          />
          {cara === 'sampel' ? (
            <Controller
              control={form.control}
              name="ukuranSampel"
              render={({ field }) => (
                <NumberField
                  label={t('kinerja.verifikasi.ukuranSampel')}
                  inputMode="numeric"
                  allowDecimal={false}
                  value={field.value}
                  onValue={field.onChange}
                  error={form.formState.errors.ukuranSampel?.message ?? server.ukuranSampel}
                  maw={200}
                />
              )}
            />
          ) : null}
          {mulai.isError && Object.keys(server).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(mulai.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={mulai.isPending}>
              {t('kinerja.verifikasi.mulai')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function EntriesList({ data, onReload }: { data: VerifikasiUnit; onReload: () => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'belum' | 'semua'>('belum');
  const shown = data.items.filter((i) => filter === 'semua' || i.menitDiakui === null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="entri-judul">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h3" id="entri-judul">
          {t('kinerja.verifikasi.entries')}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('kinerja.verifikasi.entries')}
          value={filter}
          onChange={(v) => setFilter(v as 'belum' | 'semua')}
          data={[
            {
              value: 'belum',
              label: `${t('kinerja.verifikasi.belumDiperiksa')} (${data.items.filter((i) => i.menitDiakui === null).length})`,
            },
            { value: 'semua', label: `${t('kinerja.verifikasi.cara.semua')} (${data.items.length})` },
          ]}
        />
      </Group>
      {shown.length === 0 ? (
        <EmptyState>{t('kinerja.verifikasi.entriesEmpty')}</EmptyState>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((i) => (
            <EntryCard key={i.id} item={i} onReload={onReload} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

const koreksiSchema = z.object({
  menit: z.number({ error: 'Isi menit yang diakui' }).int().min(0, 'Minimal 0').max(1440),
  alasan: z.string().trim().min(5, 'Tuliskan alasan koreksi (minimal 5 karakter)').max(500),
});

function EntryCard({ item, onReload }: { item: Item; onReload: () => void }) {
  const { t } = useTranslation();
  const putus = usePutuskanVerifikasi();
  const [koreksi, setKoreksi] = useState(false);
  const form = useForm<z.infer<typeof koreksiSchema>>({
    resolver: zodResolver(koreksiSchema),
    defaultValues: {
      menit: item.menitDiakui ?? item.menitDisetujui ?? item.menit,
      alasan: item.alasanVerifikasi ?? '',
    },
  });
  const server = fieldErrors(putus.error);
  const approved = item.menitDisetujui ?? item.menit;
  const decided = item.menitDiakui !== null;
  const done = () => {
    notifications.show({ color: 'green', message: t('kinerja.verifikasi.decided') });
    setKoreksi(false);
  };
  return (
    <Card component="li" withBorder radius="md" padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {item.pegawaiNama}
            </Text>
            <Text size="xs" c="dimmed">
              {formatTanggalPendek(item.tanggal)} · {item.mulai}–{item.selesai}
            </Text>
          </div>
          <Group gap={4} justify="flex-end">
            {item.sampel ? (
              <Badge color="grape" variant="light" radius="sm" c="dark.8">
                {t('kinerja.verifikasi.sampel')}
              </Badge>
            ) : null}
            <Badge
              color={!decided ? 'gray' : item.alasanVerifikasi ? 'yellow' : 'green'}
              variant={decided ? 'light' : 'outline'}
              radius="sm"
              c="dark.8"
            >
              {!decided
                ? t('kinerja.verifikasi.belumDiperiksa')
                : item.alasanVerifikasi
                  ? t('kinerja.verifikasi.dikoreksi', { menit: formatMenit(item.menitDiakui ?? 0) })
                  : t('kinerja.verifikasi.dikonfirmasi')}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {visibleText(item.uraian)}
        </Text>
        <Text size="xs" c="dimmed">
          {item.volume} {item.satuan} · {t('kinerja.verifikasi.menitCol')}: {formatMenit(approved)}
        </Text>
        <Text size="xs" c={item.bukti ? undefined : 'dimmed'}>
          <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
          {item.bukti
            ? t('kinerja.verifikasi.bukti', { nama: item.bukti.nama })
            : t('kinerja.verifikasi.tanpaBukti')}
        </Text>
        {item.alasanAtasan ? (
          <Text size="xs">{t('kinerja.hari.atasanSays', { alasan: visibleText(item.alasanAtasan) })}</Text>
        ) : null}
        {item.alasanVerifikasi ? (
          <Text size="xs">
            {t('kinerja.hari.verifikatorSays', { alasan: visibleText(item.alasanVerifikasi) })}
          </Text>
        ) : null}
        {!koreksi ? (
          <Group gap="xs">
            <Button
              size="xs"
              color="teal.9"
              variant={decided && !item.alasanVerifikasi ? 'light' : 'filled'}
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={putus.isPending}
              onClick={() =>
                putus.mutate(
                  { id: item.id, version: item.version, keputusan: 'konfirmasi' },
                  { onSuccess: done },
                )
              }
              aria-label={t('kinerja.verifikasi.konfirmasiOf', { uraian: item.uraian })}
            >
              {t('kinerja.verifikasi.konfirmasi')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setKoreksi(true)}
              aria-label={t('kinerja.verifikasi.koreksiOf', { uraian: item.uraian })}
            >
              {t('kinerja.verifikasi.koreksi')}
            </Button>
          </Group>
        ) : (
          <form
            noValidate
            onSubmit={form.handleSubmit((v) =>
              putus.mutate(
                {
                  id: item.id,
                  version: item.version,
                  keputusan: 'koreksi',
                  menit: v.menit,
                  alasan: v.alasan,
                },
                { onSuccess: done },
              ),
            )}
          >
            <Stack gap="xs" p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
              <Controller
                control={form.control}
                name="menit"
                render={({ field }) => (
                  <NumberField
                    label={t('kinerja.verifikasi.menitDiakui')}
                    inputMode="numeric"
                    allowDecimal={false}
                    value={field.value}
                    onValue={field.onChange}
                    error={form.formState.errors.menit?.message ?? server.menit}
                    maw={200}
                    data-autofocus
                  />
                )}
              />
              <Textarea
                label={t('kinerja.verifikasi.alasan')}
                autosize
                minRows={2}
                {...form.register('alasan')}
                error={form.formState.errors.alasan?.message ?? server.alasan}
              />
              <Group gap="xs" justify="flex-end">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    putus.reset();
                    setKoreksi(false);
                  }}
                >
                  {t('kinerja.verifikasi.batal')}
                </Button>
                <Button type="submit" size="xs" loading={putus.isPending}>
                  {t('kinerja.verifikasi.simpan')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {putus.isError && Object.keys(server).length === 0 ? (
          isApiError(putus.error, 'STALE') ? (
            <StaleAlert error={putus.error} onReload={onReload} reloading={false} />
          ) : (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(putus.error)}
            </Alert>
          )
        ) : null}
      </Stack>
    </Card>
  );
}

function TutupBulan({
  data,
  unit,
  bulan,
  onReload,
}: {
  data: VerifikasiUnit;
  unit: UnitMonth;
  bulan: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const tutup = useTutupBulan();
  const [open, setOpen] = useState(false);
  const close = () => {
    tutup.reset();
    setOpen(false);
  };
  return (
    <>
      <Group>
        <Button color="teal.9" leftSection={<IconLock size={16} aria-hidden />} onClick={() => setOpen(true)}>
          {t('kinerja.verifikasi.tutup')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={open}
        title={t('kinerja.verifikasi.tutupTitle', { bulan })}
        confirmLabel={t('kinerja.verifikasi.tutupConfirm')}
        color="teal.9"
        loading={tutup.isPending}
        error={isApiError(tutup.error, 'STALE') ? undefined : tutup.error}
        onClose={close}
        onConfirm={() =>
          tutup.mutate(
            { unit, version: data.version ?? 0 },
            {
              onSuccess: (r) => {
                notifications.show({
                  color: 'green',
                  message: t('kinerja.verifikasi.tutupDone', { pegawai: r.pegawai, aktivitas: r.aktivitas }),
                });
                close();
              },
            },
          )
        }
      >
        <Stack gap="xs">
          <Text size="sm">{t('kinerja.verifikasi.tutupBody')}</Text>
          {data.belumDiputus > 0 ? (
            <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />}>
              {t('kinerja.verifikasi.tutupUndecided', { count: data.belumDiputus })}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('kinerja.verifikasi.tutupAllDecided')}
            </Text>
          )}
          {isApiError(tutup.error, 'STALE') ? (
            <StaleAlert
              error={tutup.error}
              onReload={() => {
                close();
                onReload();
              }}
              reloading={false}
            />
          ) : null}
        </Stack>
      </ConfirmDialog>
    </>
  );
}

function NilaiTable({ data }: { data: VerifikasiUnit }) {
  const { t } = useTranslation();
  const c = (k: 'pegawai' | 'nip' | 'target' | 'diakui' | 'produktivitas' | 'perilaku' | 'nilai') =>
    t(`kinerja.verifikasi.nilaiCol.${k}`);
  return (
    <Stack gap="sm" component="section" aria-labelledby="nilai-judul">
      <Title order={2} size="h3" id="nilai-judul">
        {t('kinerja.verifikasi.nilaiTitle')}
      </Title>
      {data.nilai.length === 0 ? (
        <EmptyState />
      ) : (
        <ScrollRegion label={t('kinerja.verifikasi.nilaiTitle')}>
          <Table striped withTableBorder fz="sm" miw={720} verticalSpacing={6}>
            <TableHead
              columns={[
                { label: c('pegawai') },
                { label: c('nip') },
                { label: c('target'), numeric: true },
                { label: c('diakui'), numeric: true },
                { label: c('produktivitas'), numeric: true },
                { label: c('perilaku'), numeric: true },
                { label: c('nilai'), numeric: true },
              ]}
            />
            <Table.Tbody>
              {data.nilai.map((n) => (
                <Table.Tr key={n.pegawaiId}>
                  <Table.Th scope="row" fw={500}>
                    {n.nama}
                  </Table.Th>
                  <Table.Td ff="monospace">{n.nip}</Table.Td>
                  <Table.Td ta="right">{formatNumber(n.nilai.targetMenit)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(n.nilai.menitDiakui)}</Table.Td>
                  <Table.Td ta="right">{formatScore(n.nilai.produktivitas)}</Table.Td>
                  <Table.Td ta="right">{formatScore(n.nilai.perilaku)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {n.nilai.nilaiKinerja === null ? NO_VALUE : formatScore(n.nilai.nilaiKinerja)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}

function BukaBulan({ unit, bulan }: { unit: UnitMonth; bulan: string }) {
  const { t } = useTranslation();
  const buka = useBukaBulan();
  const [open, setOpen] = useState(false);
  const form = useForm<z.infer<typeof bukaBulanSchema>>({
    resolver: zodResolver(bukaBulanSchema),
    defaultValues: { alasan: '' },
  });
  const close = () => {
    buka.reset();
    form.reset();
    setOpen(false);
  };
  return (
    <>
      <Group>
        <Button
          variant="light"
          color="red.9"
          c="red.9"
          leftSection={<IconLockOpen size={16} aria-hidden />}
          onClick={() => setOpen(true)}
        >
          {t('kinerja.verifikasi.buka')}
        </Button>
      </Group>
      <Modal
        opened={open}
        onClose={close}
        title={t('kinerja.verifikasi.bukaTitle', { bulan })}
        closeButtonProps={{ 'aria-label': t('admin.close') }}
      >
        <form
          noValidate
          onSubmit={form.handleSubmit((v) =>
            buka.mutate(
              { unit, alasan: v.alasan },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('kinerja.verifikasi.bukaDone') });
                  close();
                },
              },
            ),
          )}
        >
          <Stack gap="sm">
            <Textarea
              label={t('kinerja.verifikasi.bukaAlasan')}
              description={t('kinerja.verifikasi.bukaAlasanHint')}
              autosize
              minRows={3}
              data-autofocus
              {...form.register('alasan')}
              error={form.formState.errors.alasan?.message ?? fieldErrors(buka.error).alasan}
            />
            {buka.isError && !fieldErrors(buka.error).alasan ? (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                {errorMessage(buka.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={buka.isPending}>
                {t('kinerja.verifikasi.bukaConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
