import { ActionIcon, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { FrameworkIssue, ScoreBand } from '@sip/scoring';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '@/components/ui/error-text';
import { NumberField } from '@/components/ui/number-field';
import { type IssuePath, messageAt } from '../utils/framework-issues';

interface BandTableEditorProps {
  label: string;
  bands: ScoreBand[];
  onChange: (bands: ScoreBand[]) => void;
  issues: readonly FrameworkIssue[];
  /** Path of the `bands` array, for placing the engine's messages. */
  path: IssuePath;
  disabled: boolean;
}

/** A threshold table: values in [min, max) score `score`; an empty max means "and above". */
export function BandTableEditor({ label, bands, onChange, issues, path, disabled }: BandTableEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ScoreBand>) =>
    onChange(bands.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  const tableMessage = messageAt(issues, path);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Table.ScrollContainer minWidth={420} type="native">
        <Table withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.framework.bandMin')}</Table.Th>
              <Table.Th scope="col">{t('admin.framework.bandMax')}</Table.Th>
              <Table.Th scope="col">{t('admin.framework.bandScore')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('admin.framework.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bands.map((b, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <NumberField
                    aria-label={t('admin.framework.bandMinOf', { row: i + 1, label })}
                    value={b.min}
                    onValue={(v) => set(i, { min: v ?? 0 })}
                    error={messageAt(issues, [...path, i, 'min'])}
                    disabled={disabled}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberField
                    aria-label={t('admin.framework.bandMaxOf', { row: i + 1, label })}
                    placeholder={t('admin.framework.bandNoMax')}
                    value={b.max}
                    onValue={(v) => set(i, { max: v ?? null })}
                    error={messageAt(issues, [...path, i, 'max'])}
                    disabled={disabled}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberField
                    aria-label={t('admin.framework.bandScoreOf', { row: i + 1, label })}
                    value={b.score}
                    onValue={(v) => set(i, { score: v ?? 0 })}
                    error={messageAt(issues, [...path, i, 'score'])}
                    disabled={disabled}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('admin.framework.bandRemove', { row: i + 1 })}
                    onClick={() => onChange(bands.filter((_, k) => k !== i))}
                    disabled={disabled}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ErrorText size="xs">{tableMessage}</ErrorText>
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={disabled}
          onClick={() => {
            const last = bands[bands.length - 1];
            const start = last?.max ?? (last ? last.min + 10 : 0);
            onChange([
              ...bands.map((b, k) => (k === bands.length - 1 && b.max === null ? { ...b, max: start } : b)),
              { min: start, max: null, score: 100 },
            ]);
          }}
        >
          {t('admin.framework.bandAdd')}
        </Button>
      </Group>
    </Stack>
  );
}
