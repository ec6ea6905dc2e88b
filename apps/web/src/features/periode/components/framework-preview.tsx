import {
  Alert,
  Badge,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { computeRapor, type Entry, type Framework, type Level, type RaporContext } from '@sip/scoring';
import { IconCalculator } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '@/components/ui/number-field';
import { TableHead } from '@/components/ui/table-head';
import { formatNumber, formatScore } from '@/lib/format';

type Sample = Record<string, number | boolean | undefined>;

/**
 * Sample values in, score and predikat out, computed in the browser by the same engine as the API.
 * Monthly indicators take the sample as the value of one month that is due, so sum, average and last
 * all give the value typed.
 */
export function FrameworkPreview({ framework, valid }: { framework: Framework; valid: boolean }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Level>('kelurahan');
  const [sample, setSample] = useState<Sample>({});
  const inds = framework.bidang.flatMap((b) =>
    b.indikator.filter((i) => i.appliesTo === 'both' || i.appliesTo === level),
  );

  const result = useMemo(() => {
    if (!valid) return null;
    const entries: Entry[] = [];
    const context: RaporContext = { monthsDue: 1 };
    for (const ind of inds) {
      const v = sample[ind.code];
      if (v === undefined) continue;
      const value = typeof v === 'boolean' ? (v ? 1 : 0) : v;
      switch (ind.scoring.type) {
        case 'ikm':
          context.ikm = value;
          break;
        case 'timeliness':
          context.timeliness = { onTime: Math.max(0, Math.min(12, Math.round(value))), total: 12 };
          break;
        case 'kelurahan_average':
          context.kelurahanTotals = [value];
          break;
        default:
          entries.push({
            indikatorCode: ind.code,
            month: ind.frequency === 'monthly' ? 1 : null,
            value,
            status: 'verified',
          });
      }
    }
    try {
      return computeRapor({ framework, level, entries, context });
    } catch {
      return null;
    }
  }, [framework, level, sample, inds, valid]);

  const decimals = framework.settings.rounding.decimals;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="preview-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconCalculator size={20} aria-hidden />
          <Title order={3} id="preview-title" size="h4">
            {t('admin.preview.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('admin.preview.intro')}
        </Text>
        <SegmentedControl
          aria-label={t('admin.preview.level')}
          value={level}
          onChange={(v) => setLevel(v as Level)}
          data={[
            { value: 'kelurahan', label: t('admin.framework.levelName.kelurahan') },
            { value: 'kecamatan', label: t('admin.framework.levelName.kecamatan') },
          ]}
        />
        {!valid ? (
          <Alert color="yellow" variant="light">
            {t('admin.preview.invalid')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          {inds.map((ind) =>
            ind.scoring.type === 'boolean' ? (
              <Switch
                key={ind.code}
                mt="md"
                label={`${ind.code} · ${ind.name}`}
                aria-label={t('admin.preview.sampleOf', { code: ind.code })}
                checked={sample[ind.code] === true}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setSample((s) => ({ ...s, [ind.code]: checked }));
                }}
              />
            ) : (
              <NumberField
                key={ind.code}
                size="xs"
                label={`${ind.code} · ${ind.name}`}
                aria-label={t('admin.preview.sampleOf', { code: ind.code })}
                description={t(`admin.preview.hint.${ind.scoring.type}`, { satuan: ind.satuan })}
                value={sample[ind.code] as number | undefined}
                onValue={(v) => setSample((s) => ({ ...s, [ind.code]: v }))}
              />
            ),
          )}
        </SimpleGrid>
        {result ? (
          <Stack gap="xs" aria-live="polite">
            <Group gap="md" align="baseline">
              <Text size="sm">{t('admin.preview.total')}</Text>
              <Text fw={800} fz={32} data-testid="preview-total">
                {formatScore(result.total, decimals)}
              </Text>
              {result.predikat ? (
                <Badge
                  size="lg"
                  variant="filled"
                  color="blue.8"
                  data-testid="preview-predikat"
                  style={{ textTransform: 'none' }}
                >
                  {result.predikat}
                </Badge>
              ) : null}
            </Group>
            <Table verticalSpacing={4}>
              <TableHead
                columns={[
                  { label: t('admin.preview.bidang') },
                  { label: t('admin.framework.bidangWeight'), numeric: true },
                  { label: t('admin.preview.score'), numeric: true },
                ]}
              />
              <Table.Tbody>
                {result.bidang.map((b) => (
                  <Table.Tr key={b.code}>
                    <Table.Td>
                      <Text size="sm">
                        {b.code} · {b.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(b.weight)}</Table.Td>
                    <Table.Td ta="right">{formatScore(b.score, decimals)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
