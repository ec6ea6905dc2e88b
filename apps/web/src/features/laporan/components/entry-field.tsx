import {
  Alert,
  Badge,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Evidence, LaporanEntry } from '@sip/contracts';
import { type Indikator, inputRuleOf } from '@sip/scoring';
import { IconMessage2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { decimalSeparator, formatScore, formatValue, visibleText } from '@/lib/format';
import type { Draft } from '../hooks/use-autosave';
import { DecisionControls } from './decision-controls';
import { EvidenceList } from './evidence-list';
import { KomentarThread } from './komentar-thread';

interface EntryFieldProps {
  laporanId: string;
  ind: Indikator;
  draft: Draft;
  entry: LaporanEntry | undefined;
  evidence: Evidence[];
  editable: boolean;
  verify: boolean;
  monthly: boolean;
  score: number | null | undefined;
  error?: string | undefined;
  missing?: string | undefined;
  /** The server's upload limit (laporan detail `buktiMaxBytes`). */
  maxUploadBytes: number;
  /** For the reviewer: changed by the unit since he returned the report. */
  changedSinceReturn?: boolean;
  onChange: (patch: Partial<Draft>) => void;
}

/** The element id of an indicator's card (the submit check links to it). */
export const fieldId = (code: string) => `isian-${code.replace(/\W/g, '-')}`;

/** One indicator of the form: an input fitting its type, tidak berlaku with a reason, a note, evidence, reviews. */
export function EntryField(p: EntryFieldProps) {
  const { t } = useTranslation();
  const { ind, draft, entry } = p;
  const id = fieldId(ind.code);
  const s = ind.scoring;
  // A locked form stays readable (read-only, not greyed out); tidak berlaku disables the value.
  const disabled = p.editable && draft.tidakBerlaku;
  const readOnly = !p.editable;
  const valueLabel = `${t('laporan.form.value')}${ind.satuan ? ` (${ind.satuan})` : ''}`;
  const target =
    s.type === 'ratio'
      ? `${t('laporan.form.target', { target: formatValue(s.target, 4), satuan: ind.satuan })}${s.direction === 'lower_is_better' ? ` — ${t('laporan.form.lowerIsBetter')}` : ''}`
      : undefined;
  // The same rule the API enforces (inputRuleOf), said next to the field; nothing is clamped silently.
  const rule = inputRuleOf(ind);
  let ruleHint: string | undefined;
  if (rule) {
    const n = (x: number) => formatValue(x, 4);
    let range = '';
    if (rule.min !== null && rule.max !== null)
      range = t('laporan.form.rule.between', { min: n(rule.min), max: n(rule.max) });
    else if (rule.min !== null) range = t('laporan.form.rule.atLeast', { min: n(rule.min) });
    else if (rule.max !== null) range = t('laporan.form.rule.atMost', { max: n(rule.max) });
    const kind: string = rule.integer ? t('laporan.form.rule.integer') : t('laporan.form.rule.decimal');
    ruleHint = t('laporan.form.rule.label', { rule: range ? `${range}, ${kind}` : kind });
  }

  let input: React.ReactNode;
  if (s.type === 'boolean') {
    input = (
      <Radio.Group
        label={valueLabel}
        value={draft.value === null ? '' : String(draft.value)}
        onChange={(v) => p.onChange({ value: v === '' ? null : Number(v) })}
        error={p.error}
      >
        <Group mt={6}>
          <Radio value="1" label={t('laporan.form.yes')} disabled={disabled || readOnly} />
          <Radio value="0" label={t('laporan.form.no')} disabled={disabled || readOnly} />
        </Group>
      </Radio.Group>
    );
  } else if (s.type === 'scale') {
    const levels = Array.from({ length: s.levels }, (_, i) => i + 1);
    input = (
      <Select
        label={valueLabel}
        placeholder={t('laporan.form.choose')}
        data={levels.map((l) => ({
          value: String(l),
          label: `${l} — ${s.rubric?.find((r) => r.level === l)?.label ?? t('laporan.form.level', { level: l })}`,
        }))}
        value={draft.value === null ? null : String(draft.value)}
        onChange={(v) => p.onChange({ value: v === null ? null : Number(v) })}
        disabled={disabled}
        readOnly={readOnly}
        error={p.error}
        allowDeselect
      />
    );
  } else {
    input = (
      <NumberInput
        label={valueLabel}
        description={[target, ruleHint].filter(Boolean).join(' · ')}
        value={draft.value ?? ''}
        onChange={(v) =>
          p.onChange({
            value:
              typeof v === 'number' ? v : v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null,
          })
        }
        decimalSeparator={decimalSeparator()}
        thousandSeparator={decimalSeparator() === ',' ? '.' : ','}
        clampBehavior="none"
        suffix={s.type === 'percentage' ? ' %' : undefined}
        disabled={disabled}
        readOnly={readOnly}
        error={p.error}
        hideControls
        inputMode="decimal"
      />
    );
  }

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      role="group"
      aria-labelledby={`${id}-judul`}
      id={id}
      style={{ minWidth: 0 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Text id={`${id}-judul`} fw={700} size="md">
              <Text span c="blue.8" ff="monospace" mr={6}>
                {ind.code}
              </Text>{' '}
              {ind.name}
            </Text>
            <Text size="sm" c="dimmed">
              {ind.definition}
            </Text>
            {p.changedSinceReturn ? (
              <Badge
                color="orange"
                variant="outline"
                mt={4}
                styles={{ label: { color: 'var(--mantine-color-text)' } }}
              >
                {t('laporan.review.changedSinceReturn')}
              </Badge>
            ) : null}
          </div>
          <Badge
            variant="light"
            color={p.score === null || p.score === undefined ? 'gray' : 'blue'}
            style={{ flexShrink: 0 }}
          >
            {p.score === null || p.score === undefined
              ? t('laporan.form.scoreNone')
              : t('laporan.form.score', { score: formatScore(p.score) })}
          </Badge>
        </Group>

        {entry?.reviewComment ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconMessage2 aria-hidden />}
            title={t('laporan.form.reviewComment', { by: entry.reviewCommentBy ?? '' })}
          >
            {visibleText(entry.reviewComment)}
          </Alert>
        ) : null}
        {entry?.decision ? <DecisionNote entry={entry} /> : null}
        {p.missing ? (
          <Text size="sm" c="red.8" role="note">
            {p.missing}
          </Text>
        ) : null}

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap="xs">
            {input}
            <Checkbox
              label={p.monthly ? t('laporan.form.tidakBerlaku') : t('laporan.form.tidakBerlakuTahun')}
              checked={draft.tidakBerlaku}
              onChange={(e) => p.onChange({ tidakBerlaku: e.currentTarget.checked })}
              disabled={!p.editable}
            />
            {draft.tidakBerlaku ? (
              <TextInput
                label={t('laporan.form.tidakBerlakuReason')}
                value={draft.tidakBerlakuReason}
                onChange={(e) => p.onChange({ tidakBerlakuReason: e.currentTarget.value })}
                readOnly={readOnly}
                required
              />
            ) : null}
          </Stack>
          <Textarea
            label={t('laporan.form.note')}
            placeholder={p.editable ? t('laporan.form.notePlaceholder') : undefined}
            value={draft.note}
            onChange={(e) => p.onChange({ note: e.currentTarget.value })}
            readOnly={readOnly}
            autosize
            minRows={2}
            maxRows={6}
          />
        </SimpleGrid>

        <EvidenceList
          laporanId={p.laporanId}
          code={ind.code}
          items={p.evidence}
          editable={p.editable}
          required={ind.evidenceRequired}
          maxBytes={p.maxUploadBytes}
        />
        {p.verify && entry ? (
          // A new version of the entry (decided elsewhere, e.g. all accepted at once) starts the controls afresh.
          <DecisionControls key={entry.version} laporanId={p.laporanId} ind={ind} entry={entry} />
        ) : null}
        <KomentarThread laporanId={p.laporanId} code={ind.code} />
      </Stack>
    </Card>
  );
}

function DecisionNote({ entry }: { entry: LaporanEntry }) {
  const { t } = useTranslation();
  const color = entry.decision === 'diterima' ? 'green' : entry.decision === 'dikoreksi' ? 'yellow' : 'red';
  const title =
    entry.decision === 'dikoreksi'
      ? t('laporan.form.decision.dikoreksi', {
          from: formatValue(entry.value, 4),
          to: formatValue(entry.correctedValue, 4),
        })
      : t(`laporan.form.decision.${entry.decision ?? 'diterima'}`);
  return (
    <Alert color={color} variant="light" title={title}>
      {entry.decisionReason
        ? t('laporan.form.decision.reason', { reason: visibleText(entry.decisionReason) })
        : null}
    </Alert>
  );
}
