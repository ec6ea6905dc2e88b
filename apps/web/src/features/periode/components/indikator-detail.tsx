import { Checkbox, Group, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import {
  type FrameworkIssue,
  type Indikator,
  type IndikatorType,
  inputRuleOf,
  type Scoring,
} from '@sip/scoring';
import { useTranslation } from 'react-i18next';
import { NumberField } from '@/components/ui/number-field';
import { type IssuePath, messageAt } from '../utils/framework-issues';
import { BandTableEditor } from './band-table-editor';

export const indikatorTypes: IndikatorType[] = [
  'ratio',
  'percentage',
  'boolean',
  'scale',
  'bands',
  'ikm',
  'timeliness',
  'kelurahan_average',
];

/** Sensible starting values when an admin switches an indicator to another type. */
export function defaultScoring(type: IndikatorType): Scoring {
  switch (type) {
    case 'ratio':
      return { type, target: 100, direction: 'higher_is_better', cap: 100 };
    case 'scale':
      return { type, levels: 5, rubric: null };
    case 'bands':
      return {
        type,
        bands: [
          { min: 0, max: 50, score: 50 },
          { min: 50, max: null, score: 100 },
        ],
      };
    default:
      return { type } as Scoring;
  }
}

interface IndikatorDetailProps {
  ind: Indikator;
  onChange: (next: Indikator) => void;
  issues: readonly FrameworkIssue[];
  path: IssuePath;
  /** Scoring fields are locked (periode aktif or later). */
  scoringLocked: boolean;
  /** Nothing may change (periode diumumkan). */
  readOnly: boolean;
}

/** Every field of one indicator, the scoring fields depending on its type. */
export function IndikatorDetail({
  ind,
  onChange,
  issues,
  path,
  scoringLocked,
  readOnly,
}: IndikatorDetailProps) {
  const { t } = useTranslation();
  const lockScoring = scoringLocked || readOnly;
  const set = (patch: Partial<Indikator>) => onChange({ ...ind, ...patch });
  const setScoring = (patch: Partial<Scoring>) =>
    onChange({ ...ind, scoring: { ...ind.scoring, ...patch } as Scoring });
  const s = ind.scoring;
  const spath = [...path, 'scoring'];
  const err = (...p: (string | number)[]) => messageAt(issues, [...path, ...p]);
  const idp = `ind-${ind.code}`;
  // What the unit may type (docs/scoring.md §1): shown with the type's default until the admin sets it.
  const rule = inputRuleOf(ind);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id={`${idp}-name`}
          label={t('admin.framework.indName')}
          value={ind.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={err('name')}
          readOnly={readOnly}
        />
        <TextInput
          id={`${idp}-satuan`}
          label={t('admin.framework.satuan')}
          value={ind.satuan}
          onChange={(e) => set({ satuan: e.currentTarget.value })}
          error={err('satuan')}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <Textarea
        id={`${idp}-definition`}
        label={t('admin.framework.definition')}
        autosize
        minRows={2}
        maxRows={6}
        value={ind.definition}
        onChange={(e) => set({ definition: e.currentTarget.value })}
        error={err('definition')}
        readOnly={readOnly}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('admin.framework.appliesTo')}
          data={(['both', 'kecamatan', 'kelurahan'] as const).map((v) => ({
            value: v,
            label: t(`admin.framework.appliesToValue.${v}`),
          }))}
          value={ind.appliesTo}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            const appliesTo = v as Indikator['appliesTo'];
            // A level the indicator no longer applies to must not keep a weight.
            const weights = { ...ind.weights };
            if (appliesTo === 'kecamatan') delete weights.kelurahan;
            if (appliesTo === 'kelurahan') delete weights.kecamatan;
            set({ appliesTo, weights });
          }}
          error={err('appliesTo')}
          disabled={lockScoring}
        />
        <Select
          label={t('admin.framework.frequency')}
          data={(['monthly', 'annual'] as const).map((v) => ({
            value: v,
            label: t(`admin.framework.frequencyValue.${v}`),
          }))}
          value={ind.frequency}
          allowDeselect={false}
          onChange={(v) => v && set({ frequency: v as Indikator['frequency'] })}
          disabled={lockScoring}
        />
        <Select
          label={t('admin.framework.aggregation')}
          data={(['average', 'sum', 'last'] as const).map((v) => ({
            value: v,
            label: t(`admin.framework.aggregationValue.${v}`),
          }))}
          value={ind.aggregation}
          allowDeselect={false}
          onChange={(v) => v && set({ aggregation: v as Indikator['aggregation'] })}
          disabled={lockScoring || ind.frequency === 'annual'}
        />
        <Select
          label={t('admin.framework.type')}
          data={indikatorTypes.map((v) => ({ value: v, label: t(`admin.framework.typeValue.${v}`) }))}
          value={s.type}
          allowDeselect={false}
          onChange={(v) => v && v !== s.type && set({ scoring: defaultScoring(v as IndikatorType) })}
          disabled={lockScoring}
        />
      </SimpleGrid>
      <Checkbox
        label={t('admin.framework.evidenceRequired')}
        checked={ind.evidenceRequired}
        onChange={(e) => set({ evidenceRequired: e.currentTarget.checked })}
        disabled={lockScoring}
      />
      <details>
        <summary>{t('admin.framework.panduan')}</summary>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" mt="xs">
          {(['dasarHukum', 'sumberData', 'contohBukti'] as const).map((field) => (
            <Textarea
              key={field}
              id={`${idp}-${field}`}
              label={t(`admin.framework.panduanField.${field}`)}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={field === 'contohBukti' ? 1000 : 500}
              value={ind.panduan?.[field] ?? ''}
              onChange={(e) => set({ panduan: { ...ind.panduan, [field]: e.currentTarget.value } })}
              error={err('panduan', field)}
              readOnly={readOnly}
            />
          ))}
        </SimpleGrid>
      </details>
      {rule && (s.type === 'percentage' || s.type === 'ratio' || s.type === 'bands') ? (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NumberField
            label={t('admin.framework.inputMin')}
            description={t('admin.framework.inputBoundHint')}
            value={rule.min ?? undefined}
            onValue={(v) => set({ input: { ...rule, min: v ?? null } })}
            error={err('input', 'min')}
            readOnly={readOnly}
          />
          <NumberField
            label={t('admin.framework.inputMax')}
            description={t('admin.framework.inputBoundHint')}
            value={rule.max ?? undefined}
            onValue={(v) => set({ input: { ...rule, max: v ?? null } })}
            error={err('input', 'max')}
            readOnly={readOnly}
          />
          <Checkbox
            mt="lg"
            label={t('admin.framework.inputInteger')}
            checked={rule.integer}
            onChange={(e) => set({ input: { ...rule, integer: e.currentTarget.checked } })}
            disabled={readOnly}
          />
        </SimpleGrid>
      ) : null}

      {s.type === 'ratio' ? (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NumberField
            label={t('admin.framework.target')}
            value={s.target}
            onValue={(v) => setScoring({ target: v ?? 0 })}
            error={messageAt(issues, [...spath, 'target'])}
            disabled={lockScoring}
          />
          <Select
            label={t('admin.framework.direction')}
            data={(['higher_is_better', 'lower_is_better'] as const).map((v) => ({
              value: v,
              label: t(`admin.framework.directionValue.${v}`),
            }))}
            value={s.direction}
            allowDeselect={false}
            onChange={(v) => v && setScoring({ direction: v as 'higher_is_better' | 'lower_is_better' })}
            disabled={lockScoring}
          />
          <NumberField
            label={t('admin.framework.cap')}
            description={t('admin.framework.capHint')}
            value={s.cap}
            onValue={(v) => setScoring({ cap: v ?? 0 })}
            error={messageAt(issues, [...spath, 'cap'])}
            disabled={lockScoring}
          />
        </SimpleGrid>
      ) : null}

      {s.type === 'percentage' ? (
        <Stack gap="xs">
          <Switch
            label={t('admin.framework.percentageBanded')}
            checked={Boolean(s.bands)}
            onChange={(e) =>
              setScoring({
                bands: e.currentTarget.checked
                  ? [
                      { min: 0, max: 80, score: 60 },
                      { min: 80, max: null, score: 100 },
                    ]
                  : null,
              })
            }
            disabled={lockScoring}
          />
          {s.bands ? (
            <BandTableEditor
              label={t('admin.framework.bandsOf', { code: ind.code })}
              bands={s.bands}
              onChange={(bands) => setScoring({ bands })}
              issues={issues}
              path={[...spath, 'bands']}
              disabled={lockScoring}
            />
          ) : null}
        </Stack>
      ) : null}

      {s.type === 'bands' ? (
        <BandTableEditor
          label={t('admin.framework.bandsOf', { code: ind.code })}
          bands={s.bands}
          onChange={(bands) => setScoring({ bands })}
          issues={issues}
          path={[...spath, 'bands']}
          disabled={lockScoring}
        />
      ) : null}

      {s.type === 'scale' ? (
        <Stack gap="xs">
          <Group align="flex-end" gap="md">
            <NumberField
              label={t('admin.framework.scaleLevels')}
              value={s.levels}
              onValue={(v) => {
                const levels = Math.round(v ?? 0);
                const rubric = s.rubric
                  ? Array.from({ length: Math.max(0, Math.min(levels, 20)) }, (_, k) => ({
                      level: k + 1,
                      label: s.rubric?.[k]?.label ?? t('admin.framework.rubricLevel', { level: k + 1 }),
                      score: s.rubric?.[k]?.score ?? 0,
                    }))
                  : null;
                setScoring({ levels, rubric });
              }}
              error={messageAt(issues, [...spath, 'levels'])}
              disabled={lockScoring}
              w={160}
            />
            <Switch
              label={t('admin.framework.scaleRubric')}
              checked={Boolean(s.rubric)}
              onChange={(e) =>
                setScoring({
                  rubric: e.currentTarget.checked
                    ? Array.from({ length: s.levels }, (_, k) => ({
                        level: k + 1,
                        label: t('admin.framework.rubricLevel', { level: k + 1 }),
                        score: s.levels > 1 ? Math.round((k * 100) / (s.levels - 1)) : 100,
                      }))
                    : null,
                })
              }
              disabled={lockScoring}
            />
          </Group>
          {messageAt(issues, [...spath, 'rubric']) ? (
            <Text size="xs" c="red.8">
              {messageAt(issues, [...spath, 'rubric'])}
            </Text>
          ) : null}
          {s.rubric?.map((r, k) => (
            <Group key={r.level} gap="sm" align="flex-start" wrap="nowrap">
              <TextInput
                label={t('admin.framework.rubricLabelOf', { level: r.level })}
                value={r.label}
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  setScoring({ rubric: s.rubric?.map((x, j) => (j === k ? { ...x, label } : x)) ?? null });
                }}
                readOnly={readOnly}
                style={{ flex: 1 }}
              />
              <NumberField
                label={t('admin.framework.rubricScoreOf', { level: r.level })}
                value={r.score}
                onValue={(v) =>
                  setScoring({
                    rubric: s.rubric?.map((x, j) => (j === k ? { ...x, score: v ?? 0 } : x)) ?? null,
                  })
                }
                error={messageAt(issues, [...spath, 'rubric', k, 'score'])}
                disabled={lockScoring}
                w={120}
              />
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
