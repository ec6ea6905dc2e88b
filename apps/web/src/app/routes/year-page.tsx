import { Stack } from '@mantine/core';
import type { PeriodeTahun } from '@sip/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { usePeriodeTahun } from '@/features/periode/api/get-periode-tahun';
import { YearSelect } from '@/features/periode/components/year-select';

/** The year of a page from its URL (`?tahun=` or `:tahun`), or null when none or not a year. */
export function tahunParam(value: string | null | undefined): number | null {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 2000 && n <= 2100 ? n : null;
}

/**
 * A page of one year (laporan, queue, rapor): without a year in the URL it goes to the year the person
 * has work in (the API's `bawaan`), so the URL always names the year and a link opens the same one.
 * `requireKnown`: a year the person may not open shows a notice instead of the page.
 */
export function YearPage({
  tahun,
  hrefOf,
  requireKnown = true,
  children,
}: {
  tahun: number | null;
  hrefOf: (tahun: number) => string;
  requireKnown?: boolean;
  children: (p: { periode: PeriodeTahun | null; yearSelect: ReactNode }) => ReactNode;
}) {
  const { t } = useTranslation();
  const q = usePeriodeTahun();
  if (q.isPending) return <LoadingState lines={4} />;
  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const { items, bawaan } = q.data;
  if (tahun === null && bawaan !== null) return <Navigate to={hrefOf(bawaan)} replace />;
  const periode = items.find((y) => y.tahun === tahun) ?? null;
  const yearSelect = <YearSelect years={items} tahun={periode ? tahun : null} hrefOf={hrefOf} />;
  if (requireKnown && tahun !== null && !periode) {
    return (
      <Stack gap="lg">
        {yearSelect}
        <EmptyState>{t('periodeTahun.unknown', { tahun })}</EmptyState>
      </Stack>
    );
  }
  return children({ periode, yearSelect });
}
