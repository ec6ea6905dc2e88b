import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import type { Bidang, FrameworkIssue, Indikator, Level } from '@sip/scoring';
import {
  IconArrowDown,
  IconArrowUp,
  IconChevronDown,
  IconChevronRight,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '@/components/ui/number-field';
import { formatNumber, NO_VALUE } from '@/lib/format';
import { type IssuePath, issuesUnder, messageAt } from '../utils/framework-issues';
import { IndikatorDetail } from './indikator-detail';

const levels: Level[] = ['kecamatan', 'kelurahan'];
const applies = (ind: Indikator, level: Level) => ind.appliesTo === 'both' || ind.appliesTo === level;

/** Sum of weights in integer hundredths, as the engine compares them. */
export function weightSum(indikator: readonly Indikator[], level: Level): number {
  return indikator.reduce(
    (s, i) => (applies(i, level) ? s + Math.round((i.weights[level] ?? 0) * 100) : s),
    0,
  );
}

export function TotalBadge({ hundredths, label }: { hundredths: number; label: string }) {
  const ok = hundredths === 10000;
  return (
    <Badge
      color={ok ? 'teal.9' : 'red.9'}
      variant={ok ? 'outline' : 'filled'}
      size="lg"
      radius="sm"
      style={{ textTransform: 'none' }}
    >
      {label}: {formatNumber(hundredths / 100)} / 100
    </Badge>
  );
}

interface BidangEditorProps {
  bidang: Bidang;
  index: number;
  count: number;
  onChange: (next: Bidang) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  issues: readonly FrameworkIssue[];
  scoringLocked: boolean;
  readOnly: boolean;
}

/** One bidang: its weight, its indicators with their weights per unit level, and the running totals. */
export function BidangEditor({
  bidang,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  issues,
  scoringLocked,
  readOnly,
}: BidangEditorProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const lock = scoringLocked || readOnly;
  const path: IssuePath = ['bidang', index];
  const inds = bidang.indikator;
  const setInd = (k: number, next: Indikator) =>
    onChange({ ...bidang, indikator: inds.map((x, j) => (j === k ? next : x)) });
  const moveInd = (k: number, delta: -1 | 1) => {
    const next = [...inds];
    const [item] = next.splice(k, 1);
    if (!item) return;
    next.splice(k + delta, 0, item);
    onChange({ ...bidang, indikator: next });
    setOpen(new Set());
  };
  const toggle = (k: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });
  const groupMessages = issuesUnder(issues, [...path, 'indikator']).filter((i) => i.path.length === 3);
  const headingId = `bidang-${index}-title`;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text component="h3" id={headingId} fw={700} size="lg" style={{ flex: 1, minWidth: 200 }}>
            {t('admin.framework.bidangHeading', { n: index + 1, name: bidang.name || bidang.code })}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="default"
              aria-label={t('admin.framework.moveBidangUp', { code: bidang.code })}
              onClick={() => onMove(-1)}
              disabled={readOnly || index === 0}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={t('admin.framework.moveBidangDown', { code: bidang.code })}
              onClick={() => onMove(1)}
              disabled={readOnly || index === count - 1}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              color="red"
              aria-label={t('admin.framework.removeBidang', { code: bidang.code })}
              onClick={onRemove}
              disabled={lock}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <TextInput
              label={t('admin.framework.bidangCode')}
              value={bidang.code}
              onChange={(e) => onChange({ ...bidang, code: e.currentTarget.value })}
              error={messageAt(issues, [...path, 'code'])}
              disabled={lock}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('admin.framework.bidangName')}
              value={bidang.name}
              onChange={(e) => onChange({ ...bidang, name: e.currentTarget.value })}
              error={messageAt(issues, [...path, 'name'])}
              readOnly={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NumberField
              label={t('admin.framework.bidangWeight')}
              aria-label={t('admin.framework.bidangWeightOf', { code: bidang.code })}
              value={bidang.weight}
              onValue={(v) => onChange({ ...bidang, weight: v ?? 0 })}
              error={messageAt(issues, [...path, 'weight'])}
              disabled={lock}
            />
          </Grid.Col>
        </Grid>

        <Table.ScrollContainer minWidth={720} type="native">
          <Table verticalSpacing={6} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={70}>
                  <VisuallyHidden>{t('admin.framework.order')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col" w={110}>
                  {t('admin.framework.indCode')}
                </Table.Th>
                <Table.Th scope="col">{t('admin.framework.indName')}</Table.Th>
                <Table.Th scope="col" w={150}>
                  {t('admin.framework.type')}
                </Table.Th>
                {levels.map((l) => (
                  <Table.Th scope="col" w={120} key={l}>
                    {t(`admin.framework.weightLevel.${l}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" w={90}>
                  <VisuallyHidden>{t('admin.framework.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inds.map((ind, k) => {
                const ipath = [...path, 'indikator', k];
                const problems = issuesUnder(issues, ipath).filter((i) => i.path[4] !== 'weights');
                const expanded = open.has(k);
                const detailId = `ind-detail-${index}-${k}`;
                return (
                  <Fragment key={k}>
                    <Table.Tr style={{ verticalAlign: 'top' }}>
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            aria-label={t('admin.framework.moveIndUp', { code: ind.code })}
                            onClick={() => moveInd(k, -1)}
                            disabled={readOnly || k === 0}
                          >
                            <IconArrowUp size={14} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            aria-label={t('admin.framework.moveIndDown', { code: ind.code })}
                            onClick={() => moveInd(k, 1)}
                            disabled={readOnly || k === inds.length - 1}
                          >
                            <IconArrowDown size={14} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          aria-label={t('admin.framework.indCodeOf', { n: k + 1 })}
                          value={ind.code}
                          onChange={(e) => setInd(k, { ...ind, code: e.currentTarget.value })}
                          error={messageAt(issues, [...ipath, 'code'])}
                          disabled={lock}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{ind.name}</Text>
                        {problems.length > 0 ? (
                          <List size="xs" c="red.8" mt={4} spacing={2}>
                            {problems.map((p) => (
                              <List.Item key={`${p.code}-${p.path.join('.')}`}>{p.message}</List.Item>
                            ))}
                          </List>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`admin.framework.typeValue.${ind.scoring.type}`)}</Text>
                      </Table.Td>
                      {levels.map((l) => (
                        <Table.Td key={l}>
                          {applies(ind, l) ? (
                            <NumberField
                              size="xs"
                              aria-label={t('admin.framework.weightOf', { level: l, code: ind.code })}
                              value={ind.weights[l]}
                              onValue={(v) => {
                                const weights = { ...ind.weights };
                                if (v === undefined) delete weights[l];
                                else weights[l] = v;
                                setInd(k, { ...ind, weights });
                              }}
                              error={messageAt(issues, [...ipath, 'weights', l])}
                              disabled={lock}
                            />
                          ) : (
                            <Text size="sm" c="dimmed" aria-label={t('admin.framework.notApplicable')}>
                              {NO_VALUE}
                            </Text>
                          )}
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t(
                              expanded ? 'admin.framework.hideDetail' : 'admin.framework.showDetail',
                              {
                                code: ind.code,
                              },
                            )}
                            aria-expanded={expanded}
                            aria-controls={expanded ? detailId : undefined}
                            onClick={() => toggle(k)}
                          >
                            {expanded ? (
                              <IconChevronDown size={16} aria-hidden />
                            ) : (
                              <IconChevronRight size={16} aria-hidden />
                            )}
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('admin.framework.removeInd', { code: ind.code })}
                            onClick={() => onChange({ ...bidang, indikator: inds.filter((_, j) => j !== k) })}
                            disabled={lock}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {expanded ? (
                      <Table.Tr id={detailId}>
                        <Table.Td colSpan={7} bg="gray.0">
                          <IndikatorDetail
                            ind={ind}
                            onChange={(next) => setInd(k, next)}
                            issues={issues}
                            path={ipath}
                            scoringLocked={scoringLocked}
                            readOnly={readOnly}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        <Group gap="sm" wrap="wrap" aria-live="polite">
          {levels.map((l) => (
            <TotalBadge
              key={l}
              hundredths={weightSum(inds, l)}
              label={t('admin.framework.totalLevel', { level: t(`admin.framework.levelName.${l}`) })}
            />
          ))}
        </Group>
        {groupMessages.length > 0 ? (
          <List size="sm" c="red.8" spacing={2} role="status">
            {groupMessages.map((p) => (
              <List.Item key={`${p.code}-${String(p.params?.level ?? '')}`}>{p.message}</List.Item>
            ))}
          </List>
        ) : null}
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={lock}
            onClick={() => {
              const n = inds.length + 1;
              onChange({
                ...bidang,
                indikator: [
                  ...inds,
                  {
                    code: `${bidang.code}.${n}`,
                    name: t('admin.framework.newIndName'),
                    definition: '',
                    satuan: '',
                    appliesTo: 'both',
                    frequency: 'monthly',
                    aggregation: 'average',
                    weights: {},
                    evidenceRequired: true,
                    scoring: { type: 'percentage' },
                  },
                ],
              });
              setOpen((s) => new Set(s).add(inds.length));
            }}
          >
            {t('admin.framework.addInd')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
