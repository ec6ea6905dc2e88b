import { ActionIcon, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatBulanTahun, geserBulan } from '@/lib/tanggal';

/** A month and year with previous / next; never past the current month. */
export function MonthSwitcher({
  tahun,
  bulan,
  latest,
  onChange,
}: {
  tahun: number;
  bulan: number;
  latest: { tahun: number; bulan: number };
  onChange: (v: { tahun: number; bulan: number }) => void;
}) {
  const { t } = useTranslation();
  const atLatest = tahun * 12 + bulan >= latest.tahun * 12 + latest.bulan;
  return (
    <Group gap="xs" wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('kinerja.bulan.previous')}
        onClick={() => onChange(geserBulan(tahun, bulan, -1))}
      >
        <IconChevronLeft size={18} aria-hidden />
      </ActionIcon>
      <Text fw={600} size="sm" miw={130} ta="center" aria-live="polite">
        {formatBulanTahun(tahun, bulan)}
      </Text>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('kinerja.bulan.next')}
        onClick={() => onChange(geserBulan(tahun, bulan, 1))}
        disabled={atLatest}
      >
        <IconChevronRight size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
