import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  SKM_LAYANAN_MAX,
  SKM_SARAN_MAX,
  type SkmProfilField,
  type SkmUnsurKey,
  skmPaperBodySchema,
  skmProfilLabels,
  skmProfilOptions,
} from '@sip/contracts';
import { SKM_UNSUR } from '@sip/scoring';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { PageTitle } from '@/components/ui/page-title';
import { errorMessage } from '@/lib/api-client';
import { dayInZone } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useEnterSkmPaper } from '../api/enter-skm-paper';
import { useSkmPosterUnits } from '../api/get-skm-posters';

const profilFields = Object.keys(skmProfilOptions) as SkmProfilField[];
type FormValues = z.input<typeof formSchema>;
const formSchema = skmPaperBodySchema.omit({ idempotencyKey: true });

const emptyValues = (tanggal: string): FormValues =>
  ({
    tanggal,
    jawaban: {},
    profil: { jenisKelamin: null, kelompokUmur: null, pendidikan: null, pekerjaan: null },
    layanan: '',
    saran: '',
  }) as unknown as FormValues;

/**
 * A paper questionnaire collected at the office, typed in by the unit's operator or an admin: the
 * nine unsur (PermenPANRB 14/2017, with the answer words of its sample questionnaire), the optional
 * profile and suggestion, and the day it was filled in. Audited and marked `kertas` by the API.
 */
export function SkmPaperForm({ kode, reportHref }: { kode: string; reportHref: string }) {
  const { t } = useTranslation();
  const unit = useSkmPosterUnits(kode).data?.items[0];
  const unitName = unit ? `${t(`skm.levelWord.${unit.level}`)} ${unit.nama}` : kode;
  const mutation = useEnterSkmPaper();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [entered, setEntered] = useState(0);
  const today = dayInZone(new Date());
  const form = useForm<FormValues>({
    resolver: zodResolver(
      formSchema.refine((v) => v.tanggal <= dayInZone(new Date()), {
        path: ['tanggal'],
        message: t('skm.paperDateFuture'),
      }),
    ),
    defaultValues: emptyValues(today),
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    const body = formSchema.parse(values);
    const profil = Object.fromEntries(Object.entries(body.profil ?? {}).filter(([, v]) => v));
    mutation.mutate(
      {
        kode,
        body: {
          idempotencyKey: key,
          tanggal: body.tanggal,
          jawaban: body.jawaban,
          ...(Object.keys(profil).length > 0 ? { profil } : {}),
          ...(body.layanan ? { layanan: body.layanan } : {}),
          ...(body.saran ? { saran: body.saran } : {}),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('skm.paperSaved') });
          setEntered((n) => n + 1);
          setKey(crypto.randomUUID());
          // The next questionnaire of the pile is often from the same day: keep the date.
          form.reset(emptyValues(body.tanggal));
          mutation.reset();
          window.scrollTo({ top: 0 });
        },
        onError: (error) => {
          const server = fieldErrors(error);
          for (const [field, message] of Object.entries(server)) {
            form.setError(field as keyof FormValues, { message });
          }
        },
      },
    );
  });
  const otherError = mutation.isError && Object.keys(fieldErrors(mutation.error)).length === 0;
  const invalid = Object.keys(errors).length > 0;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={`${t('skm.paperTitle')} — ${unitName}`} eyebrow={kode}>
          {`${t('skm.paperTitle')} — ${unitName}`}
        </PageTitle>
        <Text c="dimmed" size="sm">
          {t('skm.paperIntro')}
        </Text>
        <Anchor component={Link} to={reportHref} size="sm">
          ← {t('skm.openReport')}
        </Anchor>
      </Stack>
      {entered > 0 ? (
        <Alert color="green" variant="light" role="status">
          {t('skm.paperSession', { n: entered })}
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-label={t('skm.paperTitle')}>
        <Stack gap="md">
          <TextInput
            type="date"
            label={t('skm.paperDate')}
            description={t('skm.paperDateHint')}
            max={today}
            required
            w={{ base: '100%', sm: 240 }}
            {...form.register('tanggal')}
            error={errors.tanggal?.message}
          />
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="paper-answers">
            <Title order={2} size="h4" id="paper-answers" mb="sm">
              {t('skm.paperAnswers')}
            </Title>
            <Stack gap="lg">
              {SKM_UNSUR.map((u, i) => (
                <Controller
                  key={u.key}
                  control={form.control}
                  name={`jawaban.${u.key as SkmUnsurKey}`}
                  render={({ field, fieldState }) => (
                    <Radio.Group
                      name={`jawaban-${u.key}`}
                      label={`${i + 1}. ${u.nama}`}
                      description={u.tanya}
                      required
                      value={field.value === undefined ? null : String(field.value)}
                      onChange={(v) => field.onChange(Number(v))}
                      error={fieldState.error?.message}
                    >
                      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" mt="xs">
                        {u.jawaban.map((label, n) => (
                          <Radio key={label} value={String(n + 1)} label={`${n + 1} — ${label}`} />
                        ))}
                      </SimpleGrid>
                    </Radio.Group>
                  )}
                />
              ))}
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="paper-profile">
            <Title order={2} size="h4" id="paper-profile" mb="sm">
              {t('skm.paperProfile')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {profilFields.map((f) => (
                <Controller
                  key={f}
                  control={form.control}
                  name={`profil.${f}`}
                  render={({ field }) => (
                    <Select
                      label={skmProfilLabels[f]}
                      placeholder={t('skm.paperNone')}
                      clearable
                      data={skmProfilOptions[f].map((o) => ({ value: o.value, label: o.label }))}
                      value={(field.value as string | null | undefined) ?? null}
                      onChange={(v) => field.onChange(v)}
                    />
                  )}
                />
              ))}
            </SimpleGrid>
          </Card>
          <TextInput
            label={t('skm.paperService')}
            maxLength={SKM_LAYANAN_MAX}
            {...form.register('layanan')}
            error={errors.layanan?.message}
          />
          <Textarea
            label={t('skm.paperSaran')}
            maxLength={SKM_SARAN_MAX}
            autosize
            minRows={3}
            {...form.register('saran')}
            error={errors.saran?.message}
          />
          {invalid ? (
            <Alert color="red" role="alert">
              {t('skm.paperCheck')}
            </Alert>
          ) : null}
          {otherError ? (
            <Alert color="red" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('skm.paperSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
