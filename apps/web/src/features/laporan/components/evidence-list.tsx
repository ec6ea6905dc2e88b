import { ActionIcon, Anchor, Box, Button, FileButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Evidence } from '@sip/contracts';
import { IconEye, IconFileDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { formatValue } from '@/lib/format';
import { useDeleteEvidence } from '../api/delete-evidence';
import { evidenceHref, evidenceViewHref, useUploadEvidence, viewableMimes } from '../api/upload-evidence';

/** What the upload accepts; the API checks the content itself (magic bytes) as well. */
const ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];
const megabytes = (bytes: number) => formatValue(bytes / (1024 * 1024), 1);

export function EvidenceList({
  laporanId,
  code,
  items,
  editable,
  required,
  maxBytes,
  error,
}: {
  laporanId: string;
  code: string;
  items: Evidence[];
  editable: boolean;
  required: boolean;
  /** The server's limit (MAX_UPLOAD_BYTES): a bigger file is refused here, before it is sent. */
  maxBytes: number;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(laporanId);
  const remove = useDeleteEvidence(laporanId);
  const labelId = `bukti-${code.replace(/\W/g, '-')}`;
  const [viewing, setViewing] = useState<Evidence | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const uploadButton = useRef<HTMLButtonElement>(null);
  const resetFile = useRef<() => void>(null);
  const errorId = `${labelId}-galat`;
  // The button is busy (disabled) while sending and loses the focus: once it is enabled again (after
  // React rendered it, however busy the phone), the focus goes back to it, not to the page top.
  const sending = upload.isPending;
  const wasSending = useRef(false);
  useEffect(() => {
    if (wasSending.current && !sending) uploadButton.current?.focus();
    wasSending.current = sending;
  }, [sending]);

  const onFile = (file: File | null) => {
    if (!file) return;
    // Picking the same file again after an error must fire onChange again.
    resetFile.current?.();
    if (file.size > maxBytes) {
      setUploadError(
        t('laporan.form.tooLarge', { name: file.name, size: megabytes(file.size), max: megabytes(maxBytes) }),
      );
      return;
    }
    if (file.type && !ACCEPT.includes(file.type)) {
      setUploadError(t('laporan.form.wrongType', { name: file.name }));
      return;
    }
    setUploadError(null);
    upload.mutate(
      { id: laporanId, code, file },
      {
        onSuccess: (e) =>
          notifications.show({
            color: 'green',
            message: t('laporan.form.uploaded', { name: e.originalName }),
          }),
        onError: (err) => setUploadError(errorMessage(err)),
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
              {viewableMimes.has(e.mime) ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconEye size={14} aria-hidden />}
                  aria-label={t('laporan.form.view', { name: e.originalName })}
                  onClick={() => setViewing(e)}
                >
                  {t('laporan.form.viewShort')}
                </Button>
              ) : null}
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
          <FileButton onChange={onFile} accept={ACCEPT.join(',')} resetRef={resetFile}>
            {(props) => (
              <Button
                {...props}
                ref={uploadButton}
                size="xs"
                variant="light"
                leftSection={<IconPaperclip size={16} aria-hidden />}
                loading={upload.isPending}
                aria-label={`${t('laporan.form.upload')} — ${code}`}
                aria-describedby={uploadError ? errorId : undefined}
              >
                {t('laporan.form.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('laporan.form.evidenceHint', { mb: megabytes(maxBytes) })}
          </Text>
        </Group>
      ) : null}
      {uploadError ? (
        <Text id={errorId} size="sm" c="red.8" role="alert">
          {uploadError}
        </Text>
      ) : null}
      <EvidenceViewer evidence={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}

/** PDF and image evidence shown in the app, with a download link when the browser cannot show it. */
function EvidenceViewer({ evidence: e, onClose }: { evidence: Evidence | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal
      opened={e !== null}
      onClose={onClose}
      title={e ? t('laporan.form.viewTitle', { name: e.originalName }) : ''}
      size="xl"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('laporan.form.viewClose') }}
    >
      {e ? (
        <Stack gap="sm">
          {e.mime === 'application/pdf' ? (
            <Box
              component="iframe"
              src={evidenceViewHref(e.id)}
              title={e.originalName}
              style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-3)' }}
            />
          ) : (
            <Box
              component="img"
              src={evidenceViewHref(e.id)}
              alt={t('laporan.form.viewAlt', { name: e.originalName, code: e.indikatorCode })}
              style={{
                maxWidth: '100%',
                maxHeight: '75vh',
                objectFit: 'contain',
                display: 'block',
                margin: '0 auto',
              }}
            />
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('laporan.form.viewHint')}
            </Text>
            <Anchor href={evidenceHref(e.id)} download={e.originalName} size="sm">
              {t('laporan.form.download', { name: e.originalName })}
            </Anchor>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
