import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type Aktivitas, aktivitasInputSchema, type HariSaya, jamKeMenit } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NumberField } from '@/components/ui/number-field';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors, isApiError } from '@/lib/http';
import { formatMenit } from '@/lib/menit';
import { durasi, selesaiDari } from '../utils/log-helpers';

const f = aktivitasInputSchema.shape;
// The entry's own fields; its id and date come from the page. Same rules and messages as the API.
const formSchema = z
  .object({
    kegiatanId: z.string().nullable(),
    uraian: f.uraian,
    mulai: f.mulai,
    selesai: f.selesai,
    // An emptied number field is undefined: say so in the form's words, then the API's own rule.
    volume: z.number({ error: 'Isi jumlah hasil' }).pipe(f.volume),
    satuan: f.satuan,
    lembur: z.boolean(),
    catatan: z.string().trim().max(1000, 'Catatan maksimal 1.000 karakter'),
  })
  .refine((v) => jamKeMenit(v.selesai) > jamKeMenit(v.mulai), {
    message: 'Jam selesai harus sesudah jam mulai',
    path: ['selesai'],
  });
export type AktivitasFormValues = z.infer<typeof formSchema>;

/**
 * One entry of the day: picked from the position's catalogue (its standard minutes fill the end
 * time) or written freely. Phone first: one column, native time inputs.
 */
export function AktivitasForm({
  hari,
  initial,
  defaultMulai,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  onReload,
}: {
  hari: HariSaya;
  initial: Aktivitas | null;
  defaultMulai: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: AktivitasFormValues, reset: (next: Partial<AktivitasFormValues>) => void) => void;
  onCancel?: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const katalog = hari.kegiatan;
  const [sumber, setSumber] = useState<'katalog' | 'bebas'>(
    initial ? (initial.kegiatanId ? 'katalog' : 'bebas') : katalog.length > 0 ? 'katalog' : 'bebas',
  );
  const empty = (mulai: string): AktivitasFormValues => ({
    kegiatanId: null,
    uraian: '',
    mulai,
    selesai: mulai,
    volume: 1,
    satuan: '',
    lembur: !hari.hariKerja,
    catatan: '',
  });
  const form = useForm<AktivitasFormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: initial
      ? {
          kegiatanId: initial.kegiatanId,
          uraian: initial.uraian,
          mulai: initial.mulai,
          selesai: initial.selesai,
          volume: initial.volume,
          satuan: initial.satuan,
          lembur: initial.lembur,
          catatan: initial.catatan,
        }
      : empty(defaultMulai),
  });
  const { errors } = form.formState;
  const server = fieldErrors(error);
  // New entries start where the day's last one ended: follow it until the person picks or writes one.
  useEffect(() => {
    const v = form.getValues();
    if (initial || v.uraian.trim() !== '' || v.kegiatanId !== null) return;
    form.setValue('mulai', defaultMulai);
    form.setValue('selesai', defaultMulai);
  }, [defaultMulai, initial, form]);
  const kegiatanId = form.watch('kegiatanId');
  const picked = katalog.find((k) => k.id === kegiatanId) ?? null;
  const menit = durasi(form.watch('mulai'), form.watch('selesai'));

  // A catalogue item's standard minutes are per unit of output.
  const fillEnd = (mulai: string, volume: number | undefined, item = picked) => {
    if (!item || !/^\d\d:\d\d$/.test(mulai)) return;
    form.setValue('selesai', selesaiDari(mulai, item.menitStandar * Math.max(1, volume ?? 1)), {
      shouldValidate: form.formState.isSubmitted,
    });
  };

  const submit = form.handleSubmit((v) =>
    onSubmit({ ...v, kegiatanId: sumber === 'katalog' ? v.kegiatanId : null }, (next) =>
      form.reset({ ...empty(next.mulai ?? v.selesai), ...next }),
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {katalog.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="sumber-aktivitas">
              {t('kinerja.form.sumber')}
            </Text>
            <SegmentedControl
              aria-labelledby="sumber-aktivitas"
              value={sumber}
              onChange={(v) => {
                setSumber(v as 'katalog' | 'bebas');
                if (v === 'bebas') form.setValue('kegiatanId', null);
              }}
              data={[
                { value: 'katalog', label: t('kinerja.form.katalog') },
                { value: 'bebas', label: t('kinerja.form.bebas') },
              ]}
              fullWidth
            />
          </Stack>
        ) : null}
        {sumber === 'katalog' && katalog.length > 0 ? (
          <Controller
            control={form.control}
            name="kegiatanId"
            render={({ field }) => (
              <Select
                label={t('kinerja.form.kegiatan')}
                placeholder={t('kinerja.form.kegiatanPlaceholder')}
                searchable
                data={katalog.map((k) => ({
                  value: k.id,
                  label: t('kinerja.form.kegiatanOption', {
                    nama: k.nama,
                    menit: k.menitStandar,
                    satuan: k.satuan,
                  }),
                }))}
                value={field.value}
                onChange={(v) => {
                  field.onChange(v);
                  const item = katalog.find((k) => k.id === v);
                  if (!item) return;
                  form.setValue('uraian', item.nama, { shouldValidate: form.formState.isSubmitted });
                  form.setValue('satuan', item.satuan, { shouldValidate: form.formState.isSubmitted });
                  fillEnd(form.getValues('mulai'), form.getValues('volume'), item);
                }}
                description={
                  picked
                    ? t('kinerja.form.menitStandar', {
                        menit: formatMenit(picked.menitStandar),
                        satuan: picked.satuan,
                      })
                    : undefined
                }
                error={server.kegiatanId}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
        ) : null}
        <Textarea
          label={t('kinerja.form.uraian')}
          description={t('kinerja.form.uraianHint')}
          autosize
          minRows={2}
          maxLength={500}
          {...form.register('uraian')}
          error={errors.uraian?.message ?? server.uraian}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="time"
            label={t('kinerja.form.mulai')}
            {...form.register('mulai', {
              onChange: (e: { target: { value: string } }) =>
                fillEnd(e.target.value, form.getValues('volume')),
            })}
            error={errors.mulai?.message ?? server.mulai}
          />
          <TextInput
            type="time"
            label={t('kinerja.form.selesai')}
            {...form.register('selesai')}
            error={errors.selesai?.message ?? server.selesai}
          />
        </SimpleGrid>
        {menit > 0 ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('kinerja.form.durasi', { menit: formatMenit(menit) })}
          </Text>
        ) : null}
        <SimpleGrid cols={2} spacing="sm">
          <Controller
            control={form.control}
            name="volume"
            render={({ field }) => (
              <NumberField
                label={t('kinerja.form.volume')}
                inputMode="numeric"
                allowDecimal={false}
                min={1}
                value={field.value}
                onValue={(v) => {
                  field.onChange(v);
                  fillEnd(form.getValues('mulai'), v);
                }}
                onBlur={field.onBlur}
                error={errors.volume?.message ?? server.volume}
              />
            )}
          />
          <TextInput
            label={t('kinerja.form.satuan')}
            placeholder={t('kinerja.form.satuanPlaceholder')}
            {...form.register('satuan')}
            error={errors.satuan?.message ?? server.satuan}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="lembur"
          render={({ field }) => (
            <Checkbox
              label={t('kinerja.form.lembur')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        <Textarea
          label={t('kinerja.form.catatan')}
          autosize
          minRows={1}
          {...form.register('catatan')}
          error={errors.catatan?.message ?? server.catatan}
        />
        {isApiError(error, 'STALE') && onReload ? (
          <StaleAlert error={error} onReload={onReload} reloading={false} />
        ) : error && !isApiError(error, 'NETWORK') ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('kinerja.form.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
