import 'mantine-datatable/styles.css';
import { Alert, Anchor, Badge, Button, Group, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import type { RankingRow, RaporLevel, TopTenRow } from '@sip/contracts';
import { IconDownload, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { PageTitle } from '@/components/ui/page-title';
import { formatScore, NO_VALUE } from '@/lib/format';
import { rankingsExportHref, useRankings } from '../api/get-rankings';
import { useTopTen } from '../api/get-top-ten';
import { predikatColor } from '../utils/colors';

type Tab = 'kecamatan' | 'kelurahan' | 'topCamat' | 'topLurah';

export interface RankingsViewProps {
  tahun: number;
  /** Link to a unit's rapor (paths.ts lives in the app layer). */
  raporHref: (kode: string) => string;
  canExport: boolean;
}

export function RankingsView({ tahun, raporHref, canExport }: RankingsViewProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('kecamatan');
  return (
    <Stack gap="md">
      <PageTitle title={t('rapor.rankings.title', { tahun })} />
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'kecamatan')} keepMounted={false}>
        <Tabs.List>
          {(['kecamatan', 'kelurahan', 'topCamat', 'topLurah'] as const).map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`rapor.rankings.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="kecamatan" pt="md">
          <RankingTable tahun={tahun} level="kecamatan" raporHref={raporHref} canExport={canExport} />
        </Tabs.Panel>
        <Tabs.Panel value="kelurahan" pt="md">
          <RankingTable tahun={tahun} level="kelurahan" raporHref={raporHref} canExport={canExport} />
        </Tabs.Panel>
        <Tabs.Panel value="topCamat" pt="md">
          <TopTenTable tahun={tahun} which="camat" raporHref={raporHref} />
        </Tabs.Panel>
        <Tabs.Panel value="topLurah" pt="md">
          <TopTenTable tahun={tahun} which="lurah" raporHref={raporHref} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function useColumns(
  level: RaporLevel,
  bidang: { code: string; name: string }[],
  raporHref: (k: string) => string,
  sortable = true,
) {
  const { t } = useTranslation();
  return useMemo(
    () => [
      {
        accessor: 'rank',
        title: t('rapor.rapor.rank'),
        sortable,
        textAlign: 'right' as const,
        width: 90,
        render: (r: RankingRow) => (r.rank === null ? NO_VALUE : <Text fw={700}>{r.rank}</Text>),
      },
      {
        accessor: 'nama',
        title: t('rapor.rankings.name'),
        sortable,
        render: (r: RankingRow) => (
          <Anchor component={Link} to={raporHref(r.kode)}>
            {r.nama}
          </Anchor>
        ),
      },
      ...(level === 'kelurahan'
        ? [
            { accessor: 'kecamatanNama', title: t('rapor.level.kecamatan'), sortable },
            {
              accessor: 'rankInKecamatan',
              title: t('rapor.rankings.rankInKecamatan'),
              sortable,
              textAlign: 'right' as const,
              render: (r: RankingRow) => r.rankInKecamatan ?? NO_VALUE,
            },
          ]
        : []),
      {
        accessor: 'total',
        title: t('rapor.rapor.total'),
        sortable,
        textAlign: 'right' as const,
        render: (r: RankingRow) => <Text fw={600}>{formatScore(r.total)}</Text>,
      },
      {
        accessor: 'predikat',
        title: t('rapor.rapor.predikat'),
        render: (r: RankingRow) =>
          r.predikat ? (
            <Badge variant="filled" color={predikatColor(r.predikat)} size="sm">
              {r.predikat}
            </Badge>
          ) : (
            NO_VALUE
          ),
      },
      ...bidang.map((b) => ({
        accessor: `bidang.${b.code}`,
        title: <span title={b.name}>{b.code}</span>,
        sortable,
        textAlign: 'right' as const,
        render: (r: RankingRow) => formatScore(r.bidang[b.code]),
      })),
    ],
    [t, level, bidang, raporHref, sortable],
  );
}

const sortValue = (r: RankingRow, key: string): number | string => {
  if (key.startsWith('bidang.')) return r.bidang[key.slice(7)] ?? -1;
  const v = (r as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : typeof v === 'string' ? v : Number.POSITIVE_INFINITY;
};

function RankingTable({
  tahun,
  level,
  raporHref,
  canExport,
}: {
  tahun: number;
  level: RaporLevel;
  raporHref: (k: string) => string;
  canExport: boolean;
}) {
  const { t } = useTranslation();
  const q = useRankings(tahun, level);
  const [kecamatan, setKecamatan] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<DataTableSortStatus<RankingRow>>({
    columnAccessor: 'rank',
    direction: 'asc',
  });
  const columns = useColumns(level, q.data?.bidang ?? [], raporHref);
  const kecOptions = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of q.data?.rows ?? []) m.set(r.kecamatanKode, r.kecamatanNama);
    return [...m].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label }));
  }, [q.data]);
  const rows = useMemo(() => {
    let list = q.data?.rows ?? [];
    if (kecamatan) list = list.filter((r) => r.kecamatanKode === kecamatan);
    const s = search.trim().toLowerCase();
    if (s) list = list.filter((r) => r.nama.toLowerCase().includes(s));
    const key = String(sort.columnAccessor);
    const dir = sort.direction === 'asc' ? 1 : -1;
    return [...list].sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      return (x < y ? -1 : x > y ? 1 : a.kode < b.kode ? -1 : 1) * dir;
    });
  }, [q.data, kecamatan, search, sort]);

  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  return (
    <Stack gap="sm">
      {q.data && !q.data.complete ? (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} p="xs">
          {t('rapor.rankings.partial')}
        </Alert>
      ) : null}
      {q.data ? (
        <Text size="sm" c="dimmed">
          {q.data.source === 'publikasi'
            ? t('rapor.source.publikasi', { revision: q.data.revision ?? 1 })
            : t('rapor.source.berjalan')}{' '}
          · {t('rapor.rankings.shared')}
        </Text>
      ) : null}
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('rapor.rankings.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 220 }}
        />
        {level === 'kelurahan' && kecOptions.length > 1 ? (
          <Select
            label={t('rapor.rankings.filterKecamatan')}
            placeholder={t('rapor.rankings.allKecamatan')}
            data={kecOptions}
            value={kecamatan}
            onChange={setKecamatan}
            clearable
            searchable
            w={{ base: '100%', xs: 240 }}
          />
        ) : null}
        {canExport && q.data?.complete ? (
          <Group gap="xs">
            <Button
              component="a"
              href={rankingsExportHref(tahun, level, 'xlsx', kecamatan ?? undefined)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              XLSX
            </Button>
            <Button
              component="a"
              href={rankingsExportHref(tahun, level, 'csv', kecamatan ?? undefined)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              CSV
            </Button>
          </Group>
        ) : null}
      </Group>
      <DataTable<RankingRow>
        aria-label={t('rapor.rankings.title', { tahun })}
        withTableBorder
        borderRadius="md"
        striped
        highlightOnHover
        minHeight={160}
        fetching={q.isFetching && !q.data}
        idAccessor="kode"
        records={rows}
        columns={columns}
        sortStatus={sort}
        onSortStatusChange={setSort}
        noRecordsText={t('rapor.rankings.empty')}
      />
      <Text size="sm" c="dimmed">
        {t('rapor.rankings.count', { n: rows.length })}
      </Text>
    </Stack>
  );
}

function TopTenTable({
  tahun,
  which,
  raporHref,
}: {
  tahun: number;
  which: 'camat' | 'lurah';
  raporHref: (k: string) => string;
}) {
  const { t } = useTranslation();
  const q = useTopTen(tahun);
  const base = useColumns(which === 'camat' ? 'kecamatan' : 'kelurahan', [], raporHref, false);
  const columns = useMemo(
    () => [
      ...base.slice(0, 2),
      {
        accessor: 'pejabat',
        title: t(`rapor.rankings.${which}`),
        render: (r: TopTenRow) =>
          r.pejabat ?? (
            <Text span c="dimmed" size="sm">
              {t('rapor.rankings.noPejabat')}
            </Text>
          ),
      },
      ...base.slice(2),
    ],
    [base, which, t],
  );
  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  return (
    <DataTable<TopTenRow>
      aria-label={t(`rapor.rankings.tabs.${which === 'camat' ? 'topCamat' : 'topLurah'}`)}
      withTableBorder
      borderRadius="md"
      striped
      minHeight={160}
      fetching={q.isPending}
      idAccessor="kode"
      records={q.data ? q.data[which] : []}
      columns={columns}
      noRecordsText={t('rapor.rankings.empty')}
    />
  );
}
