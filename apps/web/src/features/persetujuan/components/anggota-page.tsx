import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Aktivitas, type MingguAnggota, pengecualianInputSchema } from '@sip/contracts';
import { BERAKHLAK, type BerakhlakKode, SKALA_PERILAKU } from '@sip/scoring';
import { IconAlertCircle, IconCheck, IconChecks, IconScissors, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { ErrorText } from '@/components/ui/error-text';
import { LoadingState } from '@/components/ui/loading-state';
import { NumberField } from '@/components/ui/number-field';
import { PageTitle } from '@/components/ui/page-title';
import { StaleAlert } from '@/components/ui/stale-alert';
import { WeekSwitcher } from '@/components/ui/week-switcher';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, visibleText } from '@/lib/format';
import { fieldErrors, isApiError } from '@/lib/http';
import { formatMenit } from '@/lib/menit';
import { formatBulanTahun, formatTanggalPanjang } from '@/lib/tanggal';
import { useBeriPengecualian } from '../api/beri-pengecualian';
import { useMingguAnggota } from '../api/get-minggu-anggota';
import { useNilaiPerilaku } from '../api/nilai-perilaku';
import { usePutuskanAktivitas } from '../api/putuskan-aktivitas';
import { useSetujuiMinggu } from '../api/setujui-minggu';

/** One member's week: decide each entry, approve the rest at once, rate the month, grant an exception. */
export function AnggotaPage({
  pegawaiId,
  senin,
  today,
  onSenin,
}: {
  pegawaiId: string;
  senin: string;
  today: string;
  onSenin: (senin: string) => void;
}) {
  const { t } = useTranslation();
  const q = useMingguAnggota(pegawaiId, senin);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.tim.root.getHref(senin)} size="sm">
        {t('kinerja.anggota.back')}
      </Anchor>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <Stack gap="md">
          <PageTitle title={t('kinerja.tim.title')} />
          <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        </Stack>
      ) : (
        <AnggotaBody data={q.data} today={today} onSenin={onSenin} onReload={() => void q.refetch()} />
      )}
    </Stack>
  );
}

function AnggotaBody({
  data,
  today,
  onSenin,
  onReload,
}: {
  data: MingguAnggota;
  today: string;
  onSenin: (senin: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const setujui = useSetujuiMinggu();
  const waiting = data.items.filter((a) => a.status === 'diajukan' && !a.terkunci);
  const days = [...new Set(data.items.map((a) => a.tanggal))].sort();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kinerja.anggota.title', { nama: data.pegawai.nama })} />
        <Text size="sm" c="dimmed">
          <Text span ff="monospace">
            {data.pegawai.nip}
          </Text>{' '}
          · {data.pegawai.jabatan}
        </Text>
      </Stack>
      <WeekSwitcher senin={data.senin} today={today} onChange={onSenin} />
      {data.eskalasi ? (
        <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />}>
          {t('kinerja.anggota.eskalasi')}
        </Alert>
      ) : null}
      <Text size="sm">{t('kinerja.anggota.batas', { when: formatDateTime(data.batasPersetujuan) })}</Text>
      {waiting.length > 0 ? (
        <Group>
          <Button
            leftSection={<IconChecks size={18} aria-hidden />}
            loading={setujui.isPending}
            onClick={() =>
              setujui.mutate(
                {
                  pegawaiId: data.pegawai.id,
                  senin: data.senin,
                  items: waiting.map(({ id, version }) => ({ id, version })),
                },
                {
                  onSuccess: (r) =>
                    notifications.show({
                      color: 'green',
                      message: t('kinerja.tim.setujuiDone', { count: r.disetujui, nama: data.pegawai.nama }),
                    }),
                },
              )
            }
          >
            {t('kinerja.anggota.setujuiSemua', { count: waiting.length })}
          </Button>
        </Group>
      ) : null}
      {isApiError(setujui.error, 'STALE') ? (
        <StaleAlert error={setujui.error} onReload={onReload} reloading={false} />
      ) : setujui.isError ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(setujui.error)}
        </Alert>
      ) : null}

      {data.items.length === 0 ? (
        <EmptyState>{t('kinerja.anggota.empty')}</EmptyState>
      ) : (
        days.map((d) => (
          <Stack key={d} gap="xs" component="section" aria-labelledby={`hari-${d}`}>
            <Title order={2} size="h4" id={`hari-${d}`}>
              {formatTanggalPanjang(d)}
            </Title>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {data.items
                .filter((a) => a.tanggal === d)
                .map((a) => (
                  <KeputusanCard key={a.id} item={a} onReload={onReload} />
                ))}
            </Stack>
          </Stack>
        ))
      )}

      <PerilakuForm key={`${data.minggu}-${data.perilaku?.version ?? 0}`} data={data} onReload={onReload} />
      <PengecualianForm pegawaiId={data.pegawai.id} today={today} />
    </Stack>
  );
}

const statusColor = { diajukan: 'blue', disetujui: 'green', ditolak: 'red' } as const;

function KeputusanCard({ item, onReload }: { item: Aktivitas; onReload: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'kurangi' | 'tolak' | null>(null);
  const putus = usePutuskanAktivitas();
  const dikurangi =
    item.status === 'disetujui' && item.menitDisetujui !== null && item.menitDisetujui < item.menit;
  const canDecide = item.status === 'diajukan' && !item.terkunci;

  return (
    <Card component="li" withBorder radius="md" padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text size="sm" fw={700} ff="monospace">
            {item.mulai}–{item.selesai}
          </Text>
          <Group gap={4}>
            {item.lembur ? (
              <Badge color="grape" variant="light" radius="sm" c="dark.8">
                {t('kinerja.hari.lembur')}
              </Badge>
            ) : null}
            <Badge
              color={dikurangi ? 'yellow' : statusColor[item.status]}
              variant="light"
              radius="sm"
              c="dark.8"
            >
              {t(`kinerja.status.${dikurangi ? 'dikurangi' : item.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {visibleText(item.uraian)}
        </Text>
        <Text size="xs" c="dimmed">
          {item.volume} {item.satuan} · {formatMenit(item.menit)}
          {dikurangi && item.menitDisetujui !== null
            ? ` · ${t('kinerja.hari.menitDisetujui', { menit: formatMenit(item.menitDisetujui) })}`
            : ''}
          {item.bukti ? ` · ${t('kinerja.verifikasi.bukti', { nama: item.bukti.nama })}` : ''}
        </Text>
        {item.catatan ? (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {visibleText(item.catatan)}
          </Text>
        ) : null}
        {item.alasanAtasan ? (
          <Text size="sm">{t('kinerja.hari.atasanSays', { alasan: visibleText(item.alasanAtasan) })}</Text>
        ) : null}
        {canDecide && mode === null ? (
          <Group gap="xs">
            <Button
              size="xs"
              color="teal.9"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={putus.isPending}
              onClick={() =>
                putus.mutate(
                  { id: item.id, version: item.version, keputusan: 'setujui' },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('kinerja.anggota.decided') }),
                  },
                )
              }
              aria-label={t('kinerja.anggota.setujuiOf', { uraian: item.uraian })}
            >
              {t('kinerja.anggota.setujui')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconScissors size={14} aria-hidden />}
              onClick={() => setMode('kurangi')}
              aria-label={t('kinerja.anggota.kurangiOf', { uraian: item.uraian })}
            >
              {t('kinerja.anggota.kurangi')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              c="red.9"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => setMode('tolak')}
              aria-label={t('kinerja.anggota.tolakOf', { uraian: item.uraian })}
            >
              {t('kinerja.anggota.tolak')}
            </Button>
          </Group>
        ) : null}
        {canDecide && mode ? (
          <KeputusanForm
            item={item}
            mode={mode}
            pending={putus.isPending}
            error={putus.error}
            onCancel={() => {
              putus.reset();
              setMode(null);
            }}
            onSubmit={(v) =>
              putus.mutate(
                {
                  id: item.id,
                  version: item.version,
                  keputusan: mode,
                  alasan: v.alasan,
                  ...(mode === 'kurangi' && v.menit !== undefined ? { menit: v.menit } : {}),
                },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('kinerja.anggota.decided') });
                    setMode(null);
                  },
                },
              )
            }
          />
        ) : null}
        {mode === null && putus.isError ? (
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

const alasanSchema = z.string().trim().min(5, 'Tuliskan alasan (minimal 5 karakter)').max(500);

function KeputusanForm({
  item,
  mode,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  item: Aktivitas;
  mode: 'kurangi' | 'tolak';
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (v: { menit?: number | undefined; alasan: string }) => void;
}) {
  const { t } = useTranslation();
  const schema = z
    .object({ alasan: alasanSchema, menit: z.number().int().optional() })
    .refine((v) => mode !== 'kurangi' || v.menit !== undefined, {
      message: 'Isi menit yang disetujui',
      path: ['menit'],
    })
    .refine((v) => v.menit === undefined || (v.menit >= 1 && v.menit < item.menit), {
      message: `Isi 1 sampai ${item.menit - 1} menit (kurang dari yang dicatat)`,
      path: ['menit'],
    });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { alasan: '' },
  });
  const server = fieldErrors(error);
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <Stack gap="xs" p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
        {mode === 'kurangi' ? (
          <Controller
            control={form.control}
            name="menit"
            render={({ field }) => (
              <NumberField
                label={t('kinerja.anggota.menitBaru')}
                description={formatMenit(item.menit)}
                inputMode="numeric"
                allowDecimal={false}
                value={field.value}
                onValue={field.onChange}
                onBlur={field.onBlur}
                error={errors.menit?.message ?? server.menit}
                data-autofocus
                maw={200}
              />
            )}
          />
        ) : null}
        <Textarea
          label={t('kinerja.anggota.alasan')}
          description={t('kinerja.anggota.alasanHint')}
          autosize
          minRows={2}
          {...form.register('alasan')}
          error={errors.alasan?.message ?? server.alasan}
        />
        {error && Object.keys(server).length === 0 ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('kinerja.anggota.batal')}
          </Button>
          <Button type="submit" size="xs" color={mode === 'tolak' ? 'red.9' : undefined} loading={pending}>
            {mode === 'tolak' ? t('kinerja.anggota.tolak') : t('kinerja.anggota.kurangi')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const perilakuFormSchema = z.object({
  ratings: z.object(
    Object.fromEntries(
      BERAKHLAK.map((b) => [b.kode, z.number({ error: 'Pilih nilai 1–5' }).int().min(1).max(5)]),
    ) as Record<BerakhlakKode, z.ZodNumber>,
  ),
  catatan: z.string().trim().max(1000, 'Catatan maksimal 1.000 karakter'),
});
type PerilakuValues = z.infer<typeof perilakuFormSchema>;

function PerilakuForm({ data, onReload }: { data: MingguAnggota; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useNilaiPerilaku();
  // The rating is of the month the week ends in (as the API reads it).
  const tahun = Number(data.minggu.slice(0, 4));
  const bulan = Number(data.minggu.slice(5, 7));
  const existing = data.perilaku;
  const form = useForm<PerilakuValues>({
    resolver: zodResolver(perilakuFormSchema),
    defaultValues: {
      ratings: Object.fromEntries(
        BERAKHLAK.map((b) => [b.kode, existing?.ratings[b.kode]]),
      ) as PerilakuValues['ratings'],
      catatan: existing?.catatan ?? '',
    },
  });
  const { errors } = form.formState;
  const server = fieldErrors(save.error);
  const scale = SKALA_PERILAKU.map((s) => `${s.nilai} ${s.label}`).join(' · ');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="perilaku-judul">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          save.mutate(
            {
              pegawaiId: data.pegawai.id,
              tahun,
              bulan,
              body: { ratings: v.ratings, catatan: v.catatan, version: existing?.version ?? null },
            },
            {
              onSuccess: () =>
                notifications.show({ color: 'green', message: t('kinerja.anggota.perilakuSaved') }),
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="perilaku-judul">
            {t('kinerja.anggota.perilakuTitle', { bulan: formatBulanTahun(tahun, bulan) })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('kinerja.anggota.perilakuIntro')}
          </Text>
          <Text size="xs" c="dimmed" id="skala-perilaku">
            {scale}
          </Text>
          {existing ? (
            <Text size="xs" c="dimmed">
              {t('kinerja.bulan.berakhlakBy', {
                by: existing.dinilaiOleh,
                when: formatDateTime(existing.dinilaiAt),
              })}
            </Text>
          ) : null}
          {BERAKHLAK.map((b) => (
            <Controller
              key={b.kode}
              control={form.control}
              name={`ratings.${b.kode}`}
              render={({ field }) => (
                <Stack gap={2}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="sm" fw={500} id={`nilai-${b.kode}`}>
                      {b.nama}
                    </Text>
                    <SegmentedControl
                      aria-labelledby={`nilai-${b.kode}`}
                      aria-describedby="skala-perilaku"
                      value={field.value ? String(field.value) : ''}
                      onChange={(v) => field.onChange(Number(v))}
                      data={SKALA_PERILAKU.map((s) => ({ value: String(s.nilai), label: String(s.nilai) }))}
                      size="sm"
                    />
                  </Group>
                  <ErrorText size="xs">
                    {errors.ratings?.[b.kode]?.message ?? server[`ratings.${b.kode}`]}
                  </ErrorText>
                </Stack>
              )}
            />
          ))}
          <Textarea
            label={t('kinerja.anggota.perilakuCatatan')}
            autosize
            minRows={2}
            {...form.register('catatan')}
            error={errors.catatan?.message ?? server.catatan}
          />
          {isApiError(save.error, 'STALE') ? (
            <StaleAlert error={save.error} onReload={onReload} reloading={false} />
          ) : save.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(save.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('kinerja.anggota.perilakuSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const pengecualianFormSchema = pengecualianInputSchema.omit({ pegawaiId: true });

function PengecualianForm({ pegawaiId, today }: { pegawaiId: string; today: string }) {
  const { t } = useTranslation();
  const grant = useBeriPengecualian();
  const form = useForm<z.infer<typeof pengecualianFormSchema>>({
    resolver: zodResolver(pengecualianFormSchema),
    defaultValues: { tanggal: '', alasan: '' },
  });
  const { errors } = form.formState;
  const server = fieldErrors(grant.error);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="pengecualian-judul">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          grant.mutate(
            { pegawaiId, ...v },
            {
              onSuccess: (r) => {
                notifications.show({
                  color: 'green',
                  message: t('kinerja.anggota.pengecualianDone', { when: formatDateTime(r.berlakuSampai) }),
                });
                form.reset();
              },
            },
          ),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="pengecualian-judul">
            {t('kinerja.anggota.pengecualianTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('kinerja.anggota.pengecualianIntro')}
          </Text>
          <TextInput
            type="date"
            label={t('kinerja.anggota.pengecualianTanggal')}
            max={today}
            {...form.register('tanggal')}
            error={errors.tanggal?.message ?? server.tanggal}
            maw={220}
          />
          <Textarea
            label={t('kinerja.anggota.pengecualianAlasan')}
            autosize
            minRows={2}
            {...form.register('alasan')}
            error={errors.alasan?.message ?? server.alasan}
          />
          {grant.isError && Object.keys(server).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(grant.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" variant="light" loading={grant.isPending}>
              {t('kinerja.anggota.pengecualianSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
