import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { decideKeberatanBodySchema, type Keberatan } from '@sip/contracts';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { formatDueDate, zonedInstant } from '@/lib/format';
import { useDecideKeberatan } from '../api/decide-keberatan';
import { useKeberatan } from '../api/get-keberatan';
import { KeberatanItem } from './keberatan-card';

const decisionSchema = decideKeberatanBodySchema.omit({ version: true });
type DecisionForm = { status: 'diterima' | 'ditolak'; keputusan: string };

function DecideModal({ tahun, k, onClose }: { tahun: number; k: Keberatan; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useDecideKeberatan(tahun);
  const form = useForm<DecisionForm>({
    resolver: zodResolver(decisionSchema),
    defaultValues: { status: 'ditolak', keputusan: '' },
  });
  const onSubmit = form.handleSubmit((v) =>
    mutation.mutate(
      { id: k.id, version: k.version, ...v },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rapor.keberatan.decided') });
          onClose();
        },
      },
    ),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('rapor.keberatan.decideTitle', { nama: k.wilayahNama })}
      centered
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <KeberatanItem k={k} />
          <Controller
            control={form.control}
            name="status"
            render={({ field }) => (
              <SegmentedControl
                aria-label={t('rapor.keberatan.decision')}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                data={[
                  { value: 'diterima', label: t('rapor.keberatan.status.diterima') },
                  { value: 'ditolak', label: t('rapor.keberatan.status.ditolak') },
                ]}
              />
            )}
          />
          <Textarea
            label={t('rapor.keberatan.reason')}
            autosize
            minRows={3}
            maxLength={1000}
            {...form.register('keputusan')}
            error={form.formState.errors.keputusan?.message}
          />
          {mutation.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('rapor.keberatan.decide')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The admin's list of objections of the year, undecided first, each decided with a reason. */
export function KeberatanAdmin({ tahun }: { tahun: number }) {
  const { t } = useTranslation();
  const q = useKeberatan(tahun);
  const [deciding, setDeciding] = useState<Keberatan | null>(null);
  if (!q.data) return null;
  const items = [...q.data.items].sort(
    (a, b) => Number(b.status === 'diajukan') - Number(a.status === 'diajukan'),
  );
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="keberatan-admin">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="keberatan-admin">
          {t('rapor.keberatan.adminTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {q.data.sampai
            ? t(q.data.terbuka ? 'rapor.keberatan.windowOpen' : 'rapor.keberatan.windowClosed', {
                date: formatDueDate(zonedInstant(`${q.data.sampai} 12:00`)),
              })
            : t('rapor.keberatan.windowNone')}
        </Text>
        {items.length === 0 ? <Text size="sm">{t('rapor.keberatan.none')}</Text> : null}
        {items.map((k) => (
          <Stack key={k.id} gap={4}>
            <KeberatanItem k={k} />
            {k.status === 'diajukan' ? (
              <div>
                <Button size="xs" variant="light" onClick={() => setDeciding(k)}>
                  {t('rapor.keberatan.decide')}
                </Button>
              </div>
            ) : null}
          </Stack>
        ))}
      </Stack>
      {deciding ? <DecideModal tahun={tahun} k={deciding} onClose={() => setDeciding(null)} /> : null}
    </Card>
  );
}
