import { Button, Group, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type EntryDecision, entryDecisionSchema, type LaporanEntry } from '@sip/contracts';
import type { Indikator } from '@sip/scoring';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { decimalSeparator } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useDecideEntry } from '../api/decide-entry';

/**
 * The verifikator's decision on one entry: accept, correct the value (reason), or reject (reason).
 * An undecided entry shows no choice made; each decision keeps its own reason, so switching from
 * "tolak" to "terima" never sends the rejection's reason along.
 */
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
  const [decision, setDecision] = useState<EntryDecision | null>(entry.decision);
  const [value, setValue] = useState<number | string>(entry.correctedValue ?? entry.value ?? '');
  const [reasons, setReasons] = useState<Partial<Record<EntryDecision, string>>>(
    entry.decision && entry.decisionReason ? { [entry.decision]: entry.decisionReason } : {},
  );
  const mutation = useDecideEntry();
  const errors = fieldErrors(mutation.error);
  const base = `keputusan-${ind.code.replace(/\W/g, '-')}`;
  const reason = decision ? (reasons[decision] ?? '') : '';

  const save = () => {
    if (!decision) return;
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
          ...(decision === 'diterima' ? {} : { reason }),
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
  };

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
      {entry.decision ? null : (
        <Text size="sm" fs="italic">
          {t('laporan.review.notDecided')}
        </Text>
      )}
      <Radio.Group
        value={decision}
        onChange={(v) => setDecision(entryDecisionSchema.parse(v))}
        label={t('laporan.review.decision')}
        name={base}
      >
        <Group gap="md" mt={4}>
          <Radio value="diterima" label={t('laporan.review.accept')} />
          <Radio value="dikoreksi" label={t('laporan.review.correct')} />
          <Radio value="ditolak" label={t('laporan.review.reject')} />
        </Group>
      </Radio.Group>
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
        {decision === 'dikoreksi' || decision === 'ditolak' ? (
          <TextInput
            label={t('laporan.review.reason')}
            value={reason}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setReasons((r) => ({ ...r, [decision]: v }));
            }}
            error={errors.reason}
            required
          />
        ) : null}
      </Group>
      <Group>
        <Button size="xs" onClick={save} loading={mutation.isPending} disabled={!decision}>
          {t('laporan.review.saveDecision')}
        </Button>
      </Group>
    </Stack>
  );
}
