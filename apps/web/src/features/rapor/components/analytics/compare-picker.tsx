import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The two kecamatan the radar and the trend compare. */
export function ComparePicker({
  options,
  a,
  b,
  onA,
  onB,
}: {
  options: { value: string; label: string }[];
  a: string | null;
  b: string | null;
  onA: (kode: string | null) => void;
  onB: (kode: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('rapor.analytics.compareA')}
        data={options}
        value={a}
        onChange={onA}
        searchable
        allowDeselect={false}
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('rapor.analytics.compareB')}
        data={options}
        value={b}
        onChange={onB}
        searchable
        allowDeselect={false}
        w={{ base: '100%', xs: 240 }}
      />
    </Group>
  );
}
