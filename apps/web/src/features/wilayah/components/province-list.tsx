import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { useProvinces } from '../api/get-provinces';
import { SEARCH_MIN_LENGTH } from '../api/search-wilayah';
import { WilayahSearchInput, WilayahSearchResults } from './wilayah-search';
import { WilayahTable } from './wilayah-table';

/** The top of the tree, for users without a role scope. */
export function ProvinceList() {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const [query, setQuery] = useState('');

  return (
    <Stack gap="lg">
      <PageTitle title={t('wilayah.provincesTitle')} />
      <WilayahSearchInput value={query} onChange={setQuery} />
      {query.trim().length >= SEARCH_MIN_LENGTH ? (
        <WilayahSearchResults value={query} />
      ) : provinces.isPending ? (
        <LoadingState lines={6} />
      ) : provinces.isError ? (
        <ErrorState error={provinces.error} onRetry={() => void provinces.refetch()} />
      ) : provinces.data.items.length === 0 ? (
        <EmptyState />
      ) : (
        <WilayahTable items={provinces.data.items} caption={t('wilayah.provincesTitle')} />
      )}
    </Stack>
  );
}
