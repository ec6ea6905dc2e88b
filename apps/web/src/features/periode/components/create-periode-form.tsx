import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, FileInput, Group, Radio, Select, Stack, Title } from '@mantine/core';
import type { Periode } from '@sip/contracts';
import { type PeriodeSummary, tahunSchema } from '@sip/contracts';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NumberField } from '@/components/ui/number-field';
import { errorMessage } from '@/lib/api-client';
import { useCreatePeriode } from '../api/create-periode';
import { detailMessages } from '../utils/framework-issues';

const kinds = ['copy', 'template', 'empty', 'import'] as const;

const formSchema = z
  .object({ tahun: tahunSchema, kind: z.enum(kinds), periodeId: z.string().optional() })
  .refine((v) => v.kind !== 'copy' || Boolean(v.periodeId), {
    path: ['periodeId'],
    message: 'Pilih tahun yang disalin',
  });
type FormValues = z.infer<typeof formSchema>;

interface CreatePeriodeFormProps {
  existing: PeriodeSummary[];
  onCreated: (p: Periode) => void;
}

/** A new year: from the Bandung Juara template, a copy of another year, empty, or an imported JSON file. */
export function CreatePeriodeForm({ existing, onCreated }: CreatePeriodeFormProps) {
  const { t } = useTranslation();
  const mutation = useCreatePeriode();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const latest = existing.reduce<PeriodeSummary | undefined>(
    (a, p) => (!a || p.tahun > a.tahun ? p : a),
    undefined,
  );
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      tahun: (latest?.tahun ?? new Date().getFullYear() - 1) + 1,
      kind: latest ? 'copy' : 'template',
      periodeId: latest?.id,
    },
  });
  const kind = form.watch('kind');
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (v) => {
    setFileError(null);
    let source: Parameters<typeof mutation.mutate>[0]['source'];
    if (v.kind === 'copy') source = { kind: 'copy', periodeId: v.periodeId ?? '' };
    else if (v.kind === 'import') {
      if (!file) {
        setFileError(t('admin.periode.importFileRequired'));
        return;
      }
      try {
        source = { kind: 'import', framework: JSON.parse(await file.text()) };
      } catch {
        setFileError(t('admin.framework.importNotJson'));
        return;
      }
    } else source = { kind: v.kind };
    mutation.mutate({ tahun: v.tahun, source }, { onSuccess: onCreated });
  });

  const details = detailMessages(mutation.error);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="create-periode-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="create-periode-title">
            {t('admin.periode.createTitle')}
          </Title>
          <Controller
            control={form.control}
            name="tahun"
            render={({ field }) => (
              <NumberField
                label={t('admin.periode.tahun')}
                value={field.value}
                onValue={(v) => field.onChange(v ?? Number.NaN)}
                error={errors.tahun?.message}
                w={160}
              />
            )}
          />
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Radio.Group label={t('admin.periode.source')} value={field.value} onChange={field.onChange}>
                <Stack gap={6} mt={6}>
                  {kinds.map((k) => (
                    <Radio
                      key={k}
                      value={k}
                      label={t(`admin.periode.sourceKind.${k}`)}
                      disabled={k === 'copy' && existing.length === 0}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          {kind === 'copy' ? (
            <Controller
              control={form.control}
              name="periodeId"
              render={({ field }) => (
                <Select
                  label={t('admin.periode.copyFrom')}
                  data={existing.map((p) => ({ value: p.id, label: String(p.tahun) }))}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v ?? undefined)}
                  error={errors.periodeId?.message}
                  w={200}
                />
              )}
            />
          ) : null}
          {kind === 'import' ? (
            <FileInput
              label={t('admin.periode.importFile')}
              description={t('admin.periode.importFileHint')}
              accept="application/json,.json"
              value={file}
              onChange={setFile}
              error={fileError}
              clearable
              clearButtonProps={{ 'aria-label': t('admin.clearFile') }}
            />
          ) : null}
          {mutation.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {errorMessage(mutation.error)}
              {details.length > 1 ? (
                <ul>
                  {details.slice(0, 10).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          <Group>
            <Button
              type="submit"
              loading={mutation.isPending}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('admin.periode.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
