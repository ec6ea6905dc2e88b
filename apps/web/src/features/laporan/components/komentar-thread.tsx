import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, NO_VALUE, visibleText } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useAddKomentar } from '../api/add-komentar';
import { useKomentar } from '../api/get-komentar';

/** The discussion of one indicator between the unit and its reviewers, folded until opened. */
export function KomentarThread({ laporanId, code }: { laporanId: string; code: string }) {
  const { t } = useTranslation();
  const q = useKomentar(laporanId);
  const items = (q.data?.items ?? []).filter((k) => k.indikatorCode === code);
  const [opened, { toggle }] = useDisclosure(false);
  const [isi, setIsi] = useState('');
  const mutation = useAddKomentar(laporanId);
  const base = `diskusi-${code.replace(/\W/g, '-')}`;
  const send = () =>
    mutation.mutate(
      { id: laporanId, code, body: { isi } },
      {
        onSuccess: () => setIsi(''),
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );

  return (
    <Stack gap={6}>
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconMessages size={16} aria-hidden />}
          aria-expanded={opened}
          aria-controls={opened ? base : undefined}
          onClick={toggle}
        >
          {t('laporan.komentar.toggle', { code, count: items.length })}
        </Button>
      </Group>
      {opened ? (
        <Stack gap="xs" id={base} role="region" aria-label={t('laporan.komentar.title', { code })}>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('laporan.komentar.empty')}
            </Text>
          ) : (
            <Stack gap={6} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((k) => (
                <li key={k.id}>
                  <Text size="xs" c="dimmed">
                    {k.authorNama ?? NO_VALUE} ({t(`laporan.komentar.peran.${k.peran}`)}) ·{' '}
                    {formatDateTime(k.createdAt)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {visibleText(k.isi)}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
          {q.data?.canComment ? (
            <Stack gap={4}>
              <Textarea
                label={t('laporan.komentar.write', { code })}
                value={isi}
                onChange={(e) => setIsi(e.currentTarget.value)}
                error={fieldErrors(mutation.error).isi}
                maxLength={2000}
                autosize
                minRows={2}
              />
              <Group>
                <Button size="xs" onClick={send} loading={mutation.isPending} disabled={!isi.trim()}>
                  {t('laporan.komentar.send')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
