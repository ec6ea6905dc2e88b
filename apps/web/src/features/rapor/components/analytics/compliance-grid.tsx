import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { AnalyticsResponse, ComplianceCell } from '@sip/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '@/components/ui/chart-card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatMonthShort } from '@/lib/format';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const cells = ['tepat', 'terlambat', 'belum', 'belum_jatuh_tempo'] as const;
const cellMark: Record<ComplianceCell, string> = {
  tepat: '✓',
  terlambat: 'T',
  belum: '×',
  belum_jatuh_tempo: '·',
};

/** Which unit reported which month on time, late or not at all. */
export function ComplianceGrid({ compliance }: { compliance: AnalyticsResponse['compliance'] }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<'kecamatan' | 'kelurahan'>('kecamatan');
  const units = compliance.filter((c) => c.level === level);
  const counts: Record<string, number> = {};
  for (const c of units.flatMap((u) => u.months)) counts[c] = (counts[c] ?? 0) + 1;

  return (
    <ChartCard
      title={t('rapor.analytics.heatmap')}
      summary={cells.map((c) => `${t(`rapor.analytics.cell.${c}`)}: ${counts[c] ?? 0}`).join('; ')}
      actions={
        <SegmentedControl
          size="xs"
          value={level}
          onChange={(v) => setLevel(v as 'kecamatan' | 'kelurahan')}
          aria-label={t('rapor.analytics.heatmapLevel')}
          data={[
            { value: 'kecamatan', label: t('rapor.level.kecamatan') },
            { value: 'kelurahan', label: t('rapor.level.kelurahan') },
          ]}
        />
      }
      chart={
        <Stack gap="xs">
          <Group gap="md">
            {cells.map((c) => (
              <Group gap={4} key={c}>
                <span
                  className={`heatmap-cell heatmap-${c}`}
                  style={{ display: 'inline-block', lineHeight: '1.6rem' }}
                >
                  {cellMark[c]}
                </span>
                <Text size="xs">{t(`rapor.analytics.cell.${c}`)}</Text>
              </Group>
            ))}
          </Group>
          <ScrollRegion label={t('rapor.analytics.heatmap')} style={{ overflow: 'auto', maxHeight: 480 }}>
            <table style={{ borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  <th />
                  {MONTHS.map((m) => (
                    <th key={m} style={{ fontSize: 11, fontWeight: 600, color: '#495057' }}>
                      {formatMonthShort(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr key={u.kode}>
                    <th
                      style={{
                        textAlign: 'left',
                        fontSize: 12,
                        fontWeight: 400,
                        paddingRight: 8,
                        whiteSpace: 'nowrap',
                      }}
                    >
                      {u.nama}
                    </th>
                    {u.months.map((c, i) => (
                      <td key={MONTHS[i]} className={`heatmap-cell heatmap-${c}`}>
                        {cellMark[c]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Stack>
      }
      table={
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rapor.rapor.unit')}</Table.Th>
              {MONTHS.map((m) => (
                <Table.Th scope="col" key={m}>
                  {formatMonthShort(m)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.kode}>
                <Table.Th scope="row" fw={400}>
                  {u.nama}
                </Table.Th>
                {u.months.map((c, i) => (
                  <Table.Td key={MONTHS[i]} fz="xs">
                    {t(`rapor.analytics.cell.${c}`)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
