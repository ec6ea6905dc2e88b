import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Evidence } from '@sip/contracts';
import { IconFileDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { formatValue } from '@/lib/format';
import { useDeleteEvidence } from '../api/delete-evidence';
import { evidenceHref, useUploadEvidence } from '../api/upload-evidence';

const MAX_MB = 10;

export function EvidenceList({
  laporanId,
  code,
  items,
  editable,
  required,
  error,
}: {
  laporanId: string;
  code: string;
  items: Evidence[];
  editable: boolean;
  required: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(laporanId);
  const remove = useDeleteEvidence(laporanId);
  const labelId = `bukti-${code.replace(/\W/g, '-')}`;

  const onFile = (file: File | null) => {
    if (!file) return;
    upload.mutate(
      { id: laporanId, code, file },
      {
        onSuccess: (e) =>
          notifications.show({
            color: 'green',
            message: t('laporan.form.uploaded', { name: e.originalName }),
          }),
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );
  };

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" fw={600}>
        {t('laporan.form.evidence')}
        {required ? ` (${t('laporan.form.evidenceRequired')})` : ''}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c={error ? 'red.8' : 'dimmed'}>
          {t('laporan.form.noEvidence')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((e) => (
            <Group key={e.id} component="li" gap="xs" wrap="nowrap">
              <IconFileDownload size={18} aria-hidden />
              <Anchor
                href={evidenceHref(e.id)}
                size="sm"
                download={e.originalName}
                aria-label={t('laporan.form.download', { name: e.originalName })}
              >
                {e.originalName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatValue(e.size / 1024, 0)} KB
              </Text>
              {editable ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('laporan.form.remove', { name: e.originalName })}
                  loading={remove.isPending && remove.variables?.evidenceId === e.id}
                  onClick={() =>
                    remove.mutate(
                      { evidenceId: e.id },
                      { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) },
                    )
                  }
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {editable ? (
        <Group gap="xs" align="center">
          <FileButton onChange={onFile} accept="application/pdf,image/jpeg,image/png">
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconPaperclip size={16} aria-hidden />}
                loading={upload.isPending}
                aria-label={`${t('laporan.form.upload')} — ${code}`}
              >
                {t('laporan.form.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('laporan.form.evidenceHint', { mb: MAX_MB })}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
