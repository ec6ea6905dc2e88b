import { Button, Card, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { LaporanDetail } from '@sip/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, zonedInstant, zoneLabel } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useAcceptUndecided } from '../api/accept-undecided';
import { useApproveLaporan } from '../api/approve-laporan';
import { useEndorseLaporan } from '../api/endorse-laporan';
import { useGrantException } from '../api/grant-exception';
import { useReopenLaporan } from '../api/reopen-laporan';
import { useReturnLaporan } from '../api/return-laporan';

/** The camat's and verifikator's actions on the whole report, and the admin's. */
export function ReviewPanel({ detail }: { detail: LaporanDetail }) {
  const { t } = useTranslation();
  const { permissions: can } = detail;
  const endorse = useEndorseLaporan();
  const approve = useApproveLaporan();
  const acceptAll = useAcceptUndecided();
  const [returning, returnModal] = useDisclosure(false);
  const [confirming, setConfirming] = useState<'endorse' | 'approve' | null>(null);
  const undecidedEntries = detail.entries.filter(
    (e) => detail.indikatorCodes.includes(e.indikatorCode) && !e.decision,
  );
  const undecided = detail.indikatorCodes.filter(
    (c) => !detail.entries.find((e) => e.indikatorCode === c)?.decision,
  ).length;
  const done = (message: string) => () => notifications.show({ color: 'green', message });
  const failed = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });

  if (!can.endorse && !can.verify && !can.reopen && !can.grantException) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="kajian-judul">
      <Stack gap="sm">
        <Title order={2} size="h4" id="kajian-judul">
          {can.reopen || can.grantException ? t('laporan.admin.title') : t('laporan.review.title')}
        </Title>
        {detail.sinceReturn ? (
          <Text size="sm">
            {detail.sinceReturn.changed.length
              ? t('laporan.review.changedCount', {
                  count: detail.sinceReturn.changed.length,
                  at: formatDateTime(detail.sinceReturn.returnedAt),
                  codes: detail.sinceReturn.changed.join(', '),
                })
              : t('laporan.review.unchanged', { at: formatDateTime(detail.sinceReturn.returnedAt) })}
          </Text>
        ) : null}
        {can.endorse ? (
          <Group>
            <Button onClick={() => setConfirming('endorse')}>{t('laporan.review.endorse')}</Button>
            {can.kembalikan ? (
              <Button variant="default" onClick={returnModal.open}>
                {t('laporan.review.return')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {can.verify ? (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('laporan.review.approveHint')}
              {undecided ? ` ${t('laporan.review.undecided', { count: undecided })}.` : ''}
            </Text>
            <Group>
              {undecidedEntries.length ? (
                <Button
                  variant="default"
                  loading={acceptAll.isPending}
                  onClick={() =>
                    acceptAll.mutate(
                      {
                        id: detail.id,
                        body: {
                          entries: undecidedEntries.map((e) => ({
                            indikatorCode: e.indikatorCode,
                            version: e.version,
                          })),
                        },
                      },
                      {
                        onSuccess: done(t('laporan.review.acceptedAll', { count: undecidedEntries.length })),
                        onError: failed,
                      },
                    )
                  }
                >
                  {t('laporan.review.acceptAll', { count: undecidedEntries.length })}
                </Button>
              ) : null}
              <Button onClick={() => setConfirming('approve')}>{t('laporan.review.approve')}</Button>
              {can.kembalikan ? (
                <Button variant="default" onClick={returnModal.open}>
                  {t('laporan.review.return')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
        {can.reopen ? <ReopenForm detail={detail} /> : null}
        {can.grantException &&
        !can.reopen &&
        ['draf', 'dikembalikan', 'dibuka_kembali'].includes(detail.status) ? (
          <ExceptionForm detail={detail} />
        ) : null}
      </Stack>
      <ReturnModal detail={detail} opened={returning} onClose={returnModal.close} />
      <ConfirmModal
        key={confirming ?? 'none'}
        kind={confirming}
        pending={endorse.isPending || approve.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={(comment) => {
          const vars = { id: detail.id, version: detail.version, comment };
          const onSuccess = () => setConfirming(null);
          if (confirming === 'endorse')
            endorse.mutate(vars, {
              onSuccess: () => {
                onSuccess();
                done(t('laporan.review.endorsed'))();
              },
              onError: failed,
            });
          else
            approve.mutate(vars, {
              onSuccess: () => {
                onSuccess();
                done(t('laporan.review.approved'))();
              },
              onError: failed,
            });
        }}
      />
    </Card>
  );
}

/** Endorse or approve only after a second look, with an optional comment kept in the history. */
function ConfirmModal({
  kind,
  pending,
  onClose,
  onConfirm,
}: {
  kind: 'endorse' | 'approve' | null;
  pending: boolean;
  onClose: () => void;
  onConfirm: (comment: string) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind === 'approve' ? t('laporan.review.approveTitle') : t('laporan.review.endorseTitle')}
    >
      <Stack gap="sm">
        <Text size="sm">
          {kind === 'approve' ? t('laporan.review.approveConfirm') : t('laporan.review.endorseConfirm')}
        </Text>
        <Textarea
          label={t('laporan.review.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={pending} onClick={() => onConfirm(comment)}>
            {kind === 'approve' ? t('laporan.review.approve') : t('laporan.review.endorse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReturnModal({
  detail,
  opened,
  onClose,
}: {
  detail: LaporanDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  const mutation = useReturnLaporan();
  const errors = fieldErrors(mutation.error);
  const submit = () =>
    mutation.mutate(
      {
        id: detail.id,
        body: {
          version: detail.version,
          reason,
          comments: Object.entries(comments)
            .filter(([, c]) => c.trim())
            .map(([indikatorCode, comment]) => ({ indikatorCode, comment: comment.trim() })),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('laporan.review.returned') });
          onClose();
        },
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('laporan.review.returnTitle')} size="lg">
      <Stack gap="sm">
        <Textarea
          label={t('laporan.review.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
          data-autofocus
        />
        {detail.indikatorCodes.map((code) => (
          <TextInput
            key={code}
            label={t('laporan.review.entryComment', { code })}
            value={comments[code] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setComments((c) => ({ ...c, [code]: v }));
            }}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={submit} loading={mutation.isPending}>
            {t('laporan.review.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReopenForm({ detail }: { detail: LaporanDetail }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mutation = useReopenLaporan();
  return (
    <Group align="flex-end">
      <TextInput
        label={t('laporan.admin.reopenReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldErrors(mutation.error).reason}
        style={{ flex: 1, minWidth: 220 }}
        required
      />
      <Button
        color="yellow"
        loading={mutation.isPending}
        onClick={() =>
          mutation.mutate(
            { id: detail.id, version: detail.version, reason },
            {
              onSuccess: () => notifications.show({ color: 'green', message: t('laporan.admin.reopened') }),
              onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
            },
          )
        }
      >
        {t('laporan.admin.reopen')}
      </Button>
    </Group>
  );
}

function ExceptionForm({ detail }: { detail: LaporanDetail }) {
  const { t } = useTranslation();
  const [until, setUntil] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const mutation = useGrantException();
  const errors = fieldErrors(mutation.error);
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('laporan.admin.exception')}
      </Text>
      <Group align="flex-end">
        <DateTimePicker
          label={t('laporan.admin.exceptionUntil')}
          description={t('laporan.admin.exceptionZone', { zona: zoneLabel() })}
          value={until}
          onChange={(v) => setUntil(v)}
          error={errors.until}
          style={{ minWidth: 220 }}
          required
        />
        <TextInput
          label={t('laporan.admin.exceptionReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          style={{ flex: 1, minWidth: 220 }}
          required
        />
        <Button
          variant="light"
          loading={mutation.isPending}
          onClick={() =>
            mutation.mutate(
              {
                id: detail.id,
                body: {
                  version: detail.version,
                  // The picker gives a wall time: the pemda's, wherever the browser is.
                  until: until ? zonedInstant(until).toISOString() : '',
                  reason,
                },
              },
              {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: t('laporan.admin.exceptionGranted') }),
                onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
              },
            )
          }
        >
          {t('laporan.admin.exception')}
        </Button>
      </Group>
    </Stack>
  );
}
