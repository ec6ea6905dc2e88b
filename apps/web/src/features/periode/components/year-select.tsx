import { Select } from '@mantine/core';
import type { PeriodeTahun } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * The year selector (and archive) of the laporan, queue and rapor pages: every year the person may
 * open with its state and whether work waits there. Choosing one opens the page's URL of that year,
 * so a link always opens the same year.
 */
export function YearSelect({
  years,
  tahun,
  hrefOf,
}: {
  years: PeriodeTahun[];
  tahun: number | null;
  hrefOf: (tahun: number) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (years.length === 0) return null;
  const data = years.map((y) => ({
    value: String(y.tahun),
    label: [
      String(y.tahun),
      t(`admin.periode.status.${y.status}`),
      y.tugas > 0 ? t('periodeTahun.work', { count: y.tugas }) : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <Select
      label={t('periodeTahun.label')}
      description={t('periodeTahun.hint')}
      data={data}
      value={tahun === null ? null : String(tahun)}
      onChange={(v) => {
        if (v) void navigate(hrefOf(Number(v)));
      }}
      allowDeselect={false}
      w={{ base: '100%', xs: 320 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
