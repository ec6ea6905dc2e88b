import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatNumber } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { useWilayah } from '../api/get-wilayah';
import { useWilayahChildren } from '../api/get-wilayah-children';
import { SEARCH_MIN_LENGTH } from '../api/search-wilayah';
import { WilayahBreadcrumbs } from './wilayah-breadcrumbs';
import { WilayahSearchInput, WilayahSearchResults } from './wilayah-search';
import { WilayahTable } from './wilayah-table';

/** One wilayah: where it sits (breadcrumbs), what lies beneath it (table) and a search inside it. */
export function WilayahBrowser({ kode }: { kode: string }) {
  const { t } = useTranslation();
  const wilayah = useWilayah(kode);
  const children = useWilayahChildren(kode);
  const [query, setQuery] = useState('');
  const searching = query.trim().length >= SEARCH_MIN_LENGTH;

  if (wilayah.isPending) {
    return (
      <>
        <PageTitle title={t('wilayah.title')} />
        <LoadingState lines={8} />
      </>
    );
  }
  if (wilayah.isError) {
    return (
      <Stack>
        <PageTitle title={t('wilayah.title')} />
        {isApiError(wilayah.error, 'NOT_FOUND') ? (
          <Alert color="yellow" variant="light" role="alert" icon={<IconInfoCircle aria-hidden />}>
            {t('wilayah.notFound')}
          </Alert>
        ) : (
          <ErrorState
            error={wilayah.error}
            onRetry={() => void wilayah.refetch()}
            retrying={wilayah.isFetching}
          />
        )}
      </Stack>
    );
  }

  const w = wilayah.data;
  const levelWord = t(`level.${w.level}`);
  const isUnit = w.level === 'kecamatan' || w.level === 'kelurahan_desa';
  const childLevelWord = t(`childrenOf.${w.level}`);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        {w.jalur.length > 0 ? <WilayahBreadcrumbs wilayah={w} /> : null}
        <Group justify="space-between" align="flex-end" gap="sm">
          <PageTitle title={`${levelWord} ${w.nama}`} eyebrow={levelWord}>
            {w.nama}
          </PageTitle>
          {isUnit ? (
            <Button
              component={Link}
              to={paths.unit.getHref(w.kode)}
              variant="light"
              leftSection={<IconBuildingCommunity size={18} aria-hidden />}
            >
              {t('wilayah.openUnitProfile')}
            </Button>
          ) : null}
        </Group>
        <Text c="dimmed" size="sm">
          <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{w.kode}</span>
          {w.jumlahAnak > 0 ? ` · ${formatNumber(w.jumlahAnak)} ${childLevelWord.toLowerCase()}` : null}
        </Text>
      </Stack>

      {w.jumlahAnak > 0 || w.level !== 'kelurahan_desa' ? (
        <>
          <WilayahSearchInput dalamNama={w.nama} value={query} onChange={setQuery} />
          {searching ? (
            <WilayahSearchResults dalam={w.kode} value={query} />
          ) : (
            <section aria-labelledby="daftar-anak">
              <Stack gap="sm">
                <Title order={2} size="h3" id="daftar-anak">
                  {t('wilayah.browseChildren', { what: childLevelWord.toLowerCase() })}
                </Title>
                {children.isPending ? (
                  <LoadingState lines={8} />
                ) : children.isError ? (
                  <ErrorState
                    error={children.error}
                    onRetry={() => void children.refetch()}
                    retrying={children.isFetching}
                  />
                ) : children.data.items.length === 0 ? (
                  <EmptyState />
                ) : (
                  <WilayahTable items={children.data.items} caption={`${childLevelWord} ${w.nama}`} />
                )}
              </Stack>
            </section>
          )}
        </>
      ) : (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('wilayah.noChildrenLeaf', { name: w.nama })}</Text>
          <Anchor component={Link} to={paths.unit.getHref(w.kode)} size="sm" fw={600}>
            {t('wilayah.openUnitProfile')}
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}
