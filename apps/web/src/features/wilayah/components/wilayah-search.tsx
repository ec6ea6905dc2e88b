import { Anchor, Badge, CloseButton, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { paths } from '@/config/paths';
import { SEARCH_MIN_LENGTH, useSearchWilayah } from '../api/search-wilayah';

interface WilayahSearchProps {
  /** Search only inside this wilayah. */
  dalam?: string | undefined;
  dalamNama?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

export function WilayahSearchInput({ dalamNama, value, onChange }: Omit<WilayahSearchProps, 'dalam'>) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      label={dalamNama ? t('wilayah.searchLabel', { name: dalamNama }) : t('wilayah.searchLabelAll')}
      description={t('wilayah.searchHint')}
      placeholder={t('wilayah.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onChange('');
      }}
      rightSection={
        value ? (
          <CloseButton aria-label={t('wilayah.searchClear')} onClick={() => onChange('')} size="sm" />
        ) : null
      }
      maw={480}
      autoComplete="off"
    />
  );
}

/** Results of a debounced search; rendered while the query has at least two letters. */
export function WilayahSearchResults({ dalam, value }: Pick<WilayahSearchProps, 'dalam' | 'value'>) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(value.trim(), 300);
  const search = useSearchWilayah({ q: debounced, dalam, limit: 30 });
  const active = debounced.length >= SEARCH_MIN_LENGTH;

  if (!active) return null;
  const items = search.data?.items ?? [];

  return (
    <section aria-labelledby="hasil-pencarian">
      <Stack gap="sm">
        <Group gap="xs">
          <Text id="hasil-pencarian" fw={700} component="h2" size="lg">
            {t('wilayah.searchResults')}
          </Text>
          {search.isFetching ? <Loader size="xs" aria-label={t('wilayah.searching')} /> : null}
        </Group>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {search.isPending
            ? t('wilayah.searching')
            : items.length > 0
              ? t('wilayah.searchCount', { count: items.length, q: debounced })
              : search.isError
                ? ''
                : t('wilayah.searchNone', { q: debounced })}
        </Text>
        {search.isError ? <ErrorState error={search.error} onRetry={() => void search.refetch()} /> : null}
        {items.length > 0 ? (
          <Paper withBorder radius="md">
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((w, i) => (
                <Group
                  key={w.kode}
                  component="li"
                  justify="space-between"
                  wrap="wrap"
                  gap="xs"
                  px="md"
                  py="sm"
                  style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
                >
                  <div>
                    <Anchor component={Link} to={paths.wilayah.detail.getHref(w.kode)} fw={600}>
                      {w.nama}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {w.indukNama ? t('wilayah.inParent', { name: w.indukNama }) : null}
                      {w.indukNama ? ' · ' : null}
                      <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{w.kode}</span>
                    </Text>
                  </div>
                  <Badge variant="light" color="gray" radius="sm">
                    {t(`level.${w.level}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </section>
  );
}
