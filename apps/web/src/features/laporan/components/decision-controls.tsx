import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { EntryDecision, LaporanEntry } from '@sip/contracts';
import type { Indikator } from '@sip/scoring';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { decimalSeparator } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useDecideEntry } from '../api/decide-entry';

/** The verifikator's decision on one entry: accept, correct the value (reason), or reject (reason). */
export function DecisionControls({
  laporanId,
  ind,
  entry,
}: {
  laporanId: string;
  ind: Indikator;
  entry: LaporanEntry;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<EntryDecision>(entry.decision ?? 'diterima');
  const [value, setValue] = useState<number | string>(entry.correctedValue ?? entry.value ?? '');
  const [reason, setReason] = useState(entry.decisionReason ?? '');
  const mutation = useDecideEntry();
  const errors = fieldErrors(mutation.error);
  const base = `keputusan-${ind.code.replace(/\W/g, '-')}`;

  const save = () =>
    mutation.mutate(
      {
        id: laporanId,
        code: ind.code,
        body: {
          version: entry.version,
          decision,
          ...(decision === 'dikoreksi'
            ? { correctedValue: typeof value === 'number' ? value : Number(value) }
            : {}),
          reason,
        },
      },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('laporan.review.decisionSaved', { code: ind.code }),
          }),
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );

  return (
    <Stack
      gap="xs"
      p="sm"
      bg="var(--mantine-color-gray-0)"
      style={{ borderRadius: 8 }}
      role="group"
      aria-labelledby={`${base}-judul`}
    >
      <Text id={`${base}-judul`} size="sm" fw={600}>
        {t('laporan.review.title')} — {ind.code}
      </Text>
      <SegmentedControl
        value={decision}
        onChange={(v) => setDecision(v as EntryDecision)}
        data={[
          { value: 'diterima', label: t('laporan.review.accept') },
          { value: 'dikoreksi', label: t('laporan.review.correct') },
          { value: 'ditolak', label: t('laporan.review.reject') },
        ]}
        aria-label={`${t('laporan.review.title')} ${ind.code}`}
      />
      <Group grow align="flex-start">
        {decision === 'dikoreksi' ? (
          <NumberInput
            label={t('laporan.review.correctedValue')}
            value={value}
            onChange={setValue}
            decimalSeparator={decimalSeparator()}
            hideControls
            error={errors.correctedValue}
          />
        ) : null}
        {decision !== 'diterima' ? (
          <TextInput
            label={t('laporan.review.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
          />
        ) : null}
      </Group>
      <Group>
        <Button size="xs" onClick={save} loading={mutation.isPending}>
          {t('laporan.review.saveDecision')}
        </Button>
      </Group>
    </Stack>
  );
}
