import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Periode } from '@sip/contracts';
import { DEFAULT_PENGINGAT_HARI, type PeriodeConfig, periodeConfigSchema } from '@sip/contracts';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '@/components/ui/number-field';
import { errorMessage } from '@/lib/api-client';
import { useUpdatePeriodeSettings } from '../api/update-periode-settings';

/** How the year runs: due dates, camat endorsement, openness of results before publication. */
export function PeriodeSettingsForm({ periode }: { periode: Periode }) {
  const { t } = useTranslation();
  const mutation = useUpdatePeriodeSettings();
  const [reason, setReason] = useState('');
  const form = useForm<PeriodeConfig>({
    resolver: zodResolver(periodeConfigSchema),
    defaultValues: periode.settings,
  });
  const readOnly = periode.status === 'diumumkan';
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((settings) =>
    mutation.mutate(
      { id: periode.id, body: { version: periode.version, settings, reason: reason.trim() || undefined } },
      {
        onSuccess: (p) => {
          form.reset(p.settings);
          setReason('');
          notifications.show({
            closeButtonProps: { 'aria-label': t('admin.close') },
            color: 'teal',
            message: t('admin.settings.saved'),
          });
        },
      },
    ),
  );

  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={onSubmit} noValidate aria-label={t('admin.settings.title')}>
        <Stack gap="md" maw={720}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={form.control}
              name="monthlyDueDay"
              render={({ field }) => (
                <NumberField
                  label={t('admin.settings.monthlyDueDay')}
                  description={t('admin.settings.monthlyDueDayHint')}
                  value={field.value}
                  onValue={(v) => field.onChange(v ?? Number.NaN)}
                  onBlur={field.onBlur}
                  error={errors.monthlyDueDay?.message}
                  disabled={readOnly}
                />
              )}
            />
            <TextInput
              type="date"
              label={t('admin.settings.annualDueDate')}
              description={t('admin.settings.annualDueDateHint')}
              {...form.register('annualDueDate')}
              error={errors.annualDueDate?.message}
              disabled={readOnly}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="pengingatHari"
            render={({ field }) => (
              <NumberField
                label={t('admin.settings.pengingatHari')}
                description={t('admin.settings.pengingatHariHint')}
                value={field.value ?? DEFAULT_PENGINGAT_HARI}
                onValue={(v) => field.onChange(v ?? Number.NaN)}
                onBlur={field.onBlur}
                error={errors.pengingatHari?.message}
                disabled={readOnly}
              />
            )}
          />
          <TextInput
            type="date"
            label={t('admin.settings.keberatanSampai')}
            description={t('admin.settings.keberatanSampaiHint')}
            {...form.register('keberatanSampai', { setValueAs: (v: string | null) => v || null })}
            error={errors.keberatanSampai?.message}
            disabled={readOnly}
          />
          <Controller
            control={form.control}
            name="camatEndorsement"
            render={({ field }) => (
              <Switch
                label={t('admin.settings.camatEndorsement')}
                description={t('admin.settings.camatEndorsementHint')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                disabled={readOnly}
              />
            )}
          />
          <Controller
            control={form.control}
            name="resultsVisibleBeforePublication"
            render={({ field }) => (
              <Switch
                label={t('admin.settings.resultsVisible')}
                description={t('admin.settings.resultsVisibleHint')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                disabled={readOnly}
              />
            )}
          />
          <Textarea
            label={t('admin.framework.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            disabled={readOnly}
          />
          {mutation.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(mutation.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={mutation.isPending} disabled={readOnly}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
