import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type KinerjaSettings,
  type KinerjaSettingsInput,
  kinerjaDefaults,
  kinerjaSettingsSchema,
} from '@sip/scoring';
import { IconAlertCircle, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { NumberField } from '@/components/ui/number-field';
import { PageTitle } from '@/components/ui/page-title';
import { StaleAlert } from '@/components/ui/stale-alert';
import { errorMessage } from '@/lib/api-client';
import { fieldErrors, isApiError } from '@/lib/http';
import { usePengaturan } from '../api/get-pengaturan';
import { useUpdatePengaturan } from '../api/update-pengaturan';

/** The kinerja settings of a year (packages/scoring `kinerjaSettingsSchema`): minutes, weights, calendar. */
export function PengaturanPage({ tahun, onTahun }: { tahun: number; onTahun: (tahun: number) => void }) {
  const { t } = useTranslation();
  const q = usePengaturan(tahun);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kepegawaian.pengaturan.title', { tahun })} eyebrow={t('kepegawaian.title')} />
        <Text size="sm" c="dimmed">
          {t('kepegawaian.pengaturan.intro')}
        </Text>
      </Stack>
      <Group gap="xs">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={`${t('kepegawaian.pengaturan.tahun')} ${tahun - 1}`}
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
          aria-label={`${t('kepegawaian.pengaturan.tahun')} ${tahun + 1}`}
          onClick={() => onTahun(tahun + 1)}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Group>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <PengaturanForm
          key={`${tahun}-${q.data.version}`}
          tahun={tahun}
          settings={q.data.settings}
          version={q.data.version}
          onReload={() => void q.refetch()}
        />
      )}
    </Stack>
  );
}

function PengaturanForm({
  tahun,
  settings,
  version,
  onReload,
}: {
  tahun: number;
  settings: unknown;
  version: number;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useUpdatePengaturan();
  const parsed = kinerjaSettingsSchema.safeParse(settings);
  const form = useForm<KinerjaSettingsInput, unknown, KinerjaSettings>({
    resolver: zodResolver(kinerjaSettingsSchema),
    defaultValues: parsed.success ? parsed.data : kinerjaDefaults(),
  });
  const { errors } = form.formState;
  const server = fieldErrors(save.error);
  const err = (path: string, own?: { message?: string | undefined }) =>
    own?.message ?? server[`settings.${path}`];
  const number = (
    name:
      | 'menitEfektifPerHari'
      | 'bobotProduktivitas'
      | 'bobotPerilaku'
      | 'masaSusulanHari'
      | 'batasPersetujuanHari',
    hint?: string,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberField
          label={t(`kepegawaian.pengaturan.${name}`)}
          description={hint}
          inputMode="numeric"
          allowDecimal={false}
          value={field.value}
          onValue={field.onChange}
          error={err(name, errors[name])}
        />
      )}
    />
  );
  return (
    <Card withBorder radius="md" padding="md">
      <form
        noValidate
        onSubmit={form.handleSubmit((v) =>
          save.mutate(
            { tahun, settings: v, version },
            {
              onSuccess: () =>
                notifications.show({ color: 'green', message: t('kepegawaian.pengaturan.saved', { tahun }) }),
            },
          ),
        )}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {number('menitEfektifPerHari', t('kepegawaian.pengaturan.menitEfektifHint'))}
            {number('bobotProduktivitas', t('kepegawaian.pengaturan.bobotHint'))}
            {number('bobotPerilaku', t('kepegawaian.pengaturan.bobotHint'))}
          </SimpleGrid>
          <Controller
            control={form.control}
            name="hariKerja"
            render={({ field }) => (
              <Checkbox.Group
                label={t('kepegawaian.pengaturan.hariKerja')}
                value={(field.value ?? []).map(String)}
                onChange={(v) => field.onChange(v.map(Number).sort())}
                error={err('hariKerja', errors.hariKerja)}
              >
                <Group gap="md" mt={6}>
                  {(['1', '2', '3', '4', '5', '6', '7'] as const).map((d) => (
                    <Checkbox key={d} value={d} label={t(`kepegawaian.pengaturan.hari.${d}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {number('masaSusulanHari', t('kepegawaian.pengaturan.masaSusulanHint'))}
            {number('batasPersetujuanHari', t('kepegawaian.pengaturan.batasPersetujuanHint'))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            <TextInput
              type="time"
              label={t('kepegawaian.pengaturan.jamMulai')}
              {...form.register('jamKerja.mulai')}
              error={err('jamKerja.mulai', errors.jamKerja?.mulai)}
            />
            <TextInput
              type="time"
              label={t('kepegawaian.pengaturan.jamSelesai')}
              {...form.register('jamKerja.selesai')}
              error={err('jamKerja.selesai', errors.jamKerja?.selesai)}
            />
            <Controller
              control={form.control}
              name="rounding.decimals"
              render={({ field }) => (
                <NumberField
                  label={t('kepegawaian.pengaturan.desimal')}
                  inputMode="numeric"
                  allowDecimal={false}
                  value={field.value}
                  onValue={field.onChange}
                  error={err('rounding.decimals', errors.rounding?.decimals)}
                />
              )}
            />
          </SimpleGrid>
          {isApiError(save.error, 'STALE') ? (
            <StaleAlert error={save.error} onReload={onReload} reloading={false} />
          ) : save.isError && Object.keys(server).length === 0 ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(save.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('kepegawaian.pengaturan.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
