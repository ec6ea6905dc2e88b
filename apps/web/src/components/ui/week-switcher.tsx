import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTanggal, seninDari, tambahHari } from '@/lib/tanggal';

/** Monday-to-Sunday weeks: previous, next, this week; the range written out. */
export function WeekSwitcher({
  senin,
  today,
  onChange,
}: {
  /** The Monday of the week shown. */
  senin: string;
  today: string;
  onChange: (senin: string) => void;
}) {
  const { t } = useTranslation();
  const thisWeek = seninDari(today);
  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={t('kinerja.weekNav.label')}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('kinerja.weekNav.previous')}
        onClick={() => onChange(tambahHari(senin, -7))}
      >
        <IconChevronLeft size={18} aria-hidden />
      </ActionIcon>
      <Text fw={600} size="sm" ta="center" style={{ minWidth: 0 }} aria-live="polite">
        {t('kinerja.weekNav.range', {
          dari: formatTanggal(senin),
          sampai: formatTanggal(tambahHari(senin, 6)),
        })}
      </Text>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('kinerja.weekNav.next')}
        onClick={() => onChange(tambahHari(senin, 7))}
        disabled={senin >= thisWeek}
      >
        <IconChevronRight size={18} aria-hidden />
      </ActionIcon>
      {senin !== thisWeek ? (
        <Button variant="subtle" size="xs" onClick={() => onChange(thisWeek)}>
          {t('kinerja.weekNav.thisWeek')}
        </Button>
      ) : null}
    </Group>
  );
}
