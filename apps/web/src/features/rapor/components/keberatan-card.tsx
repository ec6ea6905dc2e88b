import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { fileKeberatanBodySchema, type Keberatan } from '@sip/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatDueDate, visibleText, zonedInstant } from '@/lib/format';
import { useFileKeberatan } from '../api/file-keberatan';
import { useKeberatan } from '../api/get-keberatan';

// Dark shades: the badge text keeps a 4.5:1 contrast (WCAG 2.1 AA).
const statusColor = { diajukan: '#1864ab', diterima: '#1b6e2e', ditolak: '#a61e1e' } as const;

/** One objection and, once decided, the admin's decision with its reason. */
export function KeberatanItem({ k }: { k: Keberatan }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="sm" padding="sm">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {k.wilayahNama} ·{' '}
          <Badge variant="outline" color={statusColor[k.status]} radius="sm">
            {t(`rapor.keberatan.status.${k.status}`)}
          </Badge>
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {visibleText(k.isi)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('rapor.keberatan.filedBy', { nama: k.filedByName, at: formatDateTime(k.filedAt) })}
        </Text>
        {k.keputusan ? (
          <Text size="sm">
            <strong>{t('rapor.keberatan.decision')}:</strong> {visibleText(k.keputusan)}{' '}
            <Text span size="xs" c="dimmed">
              ({k.decidedByName}, {k.decidedAt ? formatDateTime(k.decidedAt) : ''})
            </Text>
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

const isiSchema = fileKeberatanBodySchema.pick({ isi: true });

/**
 * The unit's objections to its rapor and, while the admin keeps the window open, a form to file
 * one. Shown to the unit's own lurah or camat (the route decides).
 */
export function KeberatanCard({ tahun, kode, canFile }: { tahun: number; kode: string; canFile: boolean }) {
  const { t } = useTranslation();
  const q = useKeberatan(tahun);
  const mutation = useFileKeberatan(tahun);
  const form = useForm<{ isi: string }>({ resolver: zodResolver(isiSchema), defaultValues: { isi: '' } });
  if (!q.data) return null;
  const mine = q.data.items.filter((k) => k.wilayahKode === kode);
  const open = mine.some((k) => k.status === 'diajukan');
  if (mine.length === 0 && !(canFile && q.data.terbuka)) return null;
  const onSubmit = form.handleSubmit(({ isi }) =>
    mutation.mutate(
      { wilayahKode: kode, isi },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('rapor.keberatan.filed') });
        },
      },
    ),
  );
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby="keberatan-judul"
      className="no-print"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="keberatan-judul">
          {t('rapor.keberatan.title')}
        </Title>
        {q.data.sampai ? (
          <Text size="sm" c="dimmed">
            {q.data.terbuka
              ? t('rapor.keberatan.windowOpen', {
                  date: formatDueDate(zonedInstant(`${q.data.sampai} 12:00`)),
                })
              : t('rapor.keberatan.windowClosed', {
                  date: formatDueDate(zonedInstant(`${q.data.sampai} 12:00`)),
                })}
          </Text>
        ) : null}
        {mine.map((k) => (
          <KeberatanItem key={k.id} k={k} />
        ))}
        {canFile && q.data.terbuka && !open ? (
          <form onSubmit={onSubmit} noValidate aria-label={t('rapor.keberatan.title')}>
            <Stack gap="xs">
              <Textarea
                label={t('rapor.keberatan.isi')}
                description={t('rapor.keberatan.isiHint')}
                autosize
                minRows={3}
                maxLength={2000}
                {...form.register('isi')}
                error={form.formState.errors.isi?.message}
              />
              {mutation.isError ? (
                <Alert color="red" role="alert">
                  {errorMessage(mutation.error)}
                </Alert>
              ) : null}
              <div>
                <Button type="submit" loading={mutation.isPending}>
                  {t('rapor.keberatan.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
