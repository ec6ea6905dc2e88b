import { Alert, Anchor, Badge, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { RankingRow } from '@sip/contracts';
import { IconAlertTriangle, IconSearch, IconTrophy } from '@tabler/icons-react';
import { type ReactNode, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '@/components/ui/loading-state';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatLongDate, formatScore, NO_VALUE, visibleText } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { usePublicKelurahan, usePublicRankings } from '../api/get-public-rankings';
import { predikatColor } from '../utils/colors';
import { PublicShell } from './public-shell';
import { skmRevisionCount } from './skm-revision-count';

/** The public ranking page (no login): what was published, the top tens, and whether it was revised. */
export function PublicRankings({
  tahun,
  pemda,
  loginLink,
}: {
  tahun: number;
  pemda: string;
  loginLink: ReactNode;
}) {
  const { t } = useTranslation();
  const q = usePublicRankings(tahun, pemda);
  useDocumentTitle(`${t('rapor.public.title', { tahun })} · ${t('app.name')}`);
  const latest = q.data?.revisions.at(-1);
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLocaleLowerCase('id-ID'));
  return (
    <PublicShell loginLink={loginLink}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 32 }}>
            {t('rapor.public.title', { tahun })}
          </Title>
          {q.data ? (
            <Group gap="sm">
              <Text c="dimmed">{t('rapor.public.subtitle', { pemda: q.data.pemdaNama })}</Text>
              {q.data.revised ? (
                <Badge color="#9c3d00" variant="filled">
                  {t('rapor.public.revised')}
                </Badge>
              ) : null}
            </Group>
          ) : null}
          {latest ? (
            <Text size="sm">
              {q.data && q.data.revision > 1
                ? t('rapor.public.publishedRevision', {
                    date: formatLongDate(latest.publishedAt, q.data?.zona),
                    n: q.data.revision,
                  })
                : t('rapor.public.publishedAt', { date: formatLongDate(latest.publishedAt, q.data?.zona) })}
            </Text>
          ) : null}
        </Stack>
        {q.isPending ? (
          <LoadingState lines={8} />
        ) : q.isError ? (
          <Alert
            color={isApiError(q.error, 'NOT_FOUND') ? 'gray' : 'red'}
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
          >
            {isApiError(q.error, 'NOT_FOUND')
              ? t('rapor.public.notPublished', { tahun })
              : errorMessage(q.error)}
          </Alert>
        ) : (
          <>
            {q.data.revised && latest ? (
              <Alert color="#9c3d00" variant="outline" title={t('rapor.public.revised')}>
                {t('rapor.public.revisedNote', { n: q.data.revision, reason: visibleText(latest.reason) })}
              </Alert>
            ) : null}
            <TextInput
              label={t('rapor.public.search')}
              placeholder={t('rapor.public.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              type="search"
              maw={420}
            />
            <Tabs defaultValue="topCamat" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="topCamat" leftSection={<IconTrophy size={16} aria-hidden />}>
                  {t('rapor.rankings.tabs.topCamat')}
                </Tabs.Tab>
                <Tabs.Tab value="topLurah" leftSection={<IconTrophy size={16} aria-hidden />}>
                  {t('rapor.rankings.tabs.topLurah')}
                </Tabs.Tab>
                <Tabs.Tab value="kecamatan">{t('rapor.rankings.tabs.kecamatan')}</Tabs.Tab>
                <Tabs.Tab value="kelurahan">{t('rapor.rankings.tabs.kelurahan')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="topCamat" pt="md">
                <RankTable
                  rows={q.data.topCamat}
                  caption={t('rapor.rankings.tabs.topCamat')}
                  pejabat="camat"
                  tahun={tahun}
                  query={query}
                />
              </Tabs.Panel>
              <Tabs.Panel value="topLurah" pt="md">
                <RankTable
                  rows={q.data.topLurah}
                  caption={t('rapor.rankings.tabs.topLurah')}
                  withKecamatan
                  pejabat="lurah"
                  tahun={tahun}
                  query={query}
                />
              </Tabs.Panel>
              <Tabs.Panel value="kecamatan" pt="md">
                <RankTable
                  rows={q.data.kecamatan}
                  caption={t('rapor.rankings.tabs.kecamatan')}
                  pejabat="camat"
                  tahun={tahun}
                  query={query}
                />
              </Tabs.Panel>
              <Tabs.Panel value="kelurahan" pt="md">
                <KelurahanTable tahun={tahun} pemda={pemda} query={query} />
              </Tabs.Panel>
            </Tabs>
            <Text size="sm" c="dimmed">
              {t('rapor.rankings.shared')} {t('rapor.rapor.formula', { v: q.data.formulaVersion })}
            </Text>
            <Stack gap={4}>
              <Title order={2} fz="md">
                {t('rapor.public.history')}
              </Title>
              {q.data.revisions.map((r) => {
                const skm = skmRevisionCount(r, t);
                return (
                  <Text size="sm" key={r.revision}>
                    {t('rapor.publication.revision')} {r.revision} ·{' '}
                    {formatDateTime(r.publishedAt, q.data.zona)} · {visibleText(r.reason)} · {skm.count}
                    {skm.change ? ` (${skm.change})` : ''}
                  </Text>
                );
              })}
            </Stack>
          </>
        )}
      </Stack>
    </PublicShell>
  );
}

function KelurahanTable({ tahun, pemda, query }: { tahun: number; pemda: string; query: string }) {
  const { t } = useTranslation();
  const q = usePublicKelurahan(tahun, pemda);
  if (q.isPending) return <LoadingState lines={6} />;
  if (q.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(q.error)}
      </Alert>
    );
  }
  return (
    <RankTable
      rows={q.data.rows}
      caption={t('rapor.rankings.tabs.kelurahan')}
      withKecamatan
      pejabat="lurah"
      tahun={tahun}
      query={query}
    />
  );
}

/** Matches a unit's name (or, for kelurahan, its kecamatan's) with what was typed. */
const matches = (r: RankingRow, query: string) =>
  query === '' ||
  r.nama.toLocaleLowerCase('id-ID').includes(query) ||
  (r.level === 'kelurahan' && r.kecamatanNama.toLocaleLowerCase('id-ID').includes(query));

function RankTable({
  rows: allRows,
  caption,
  withKecamatan,
  pejabat,
  tahun,
  query,
}: {
  rows: (RankingRow & { pejabat?: string | null })[];
  caption: string;
  withKecamatan?: boolean;
  /** A column with the camat or lurah of each unit, as on record at publication. */
  pejabat?: 'camat' | 'lurah';
  tahun: number;
  query: string;
}) {
  const { t } = useTranslation();
  const rows = allRows.filter((r) => matches(r, query));
  const pejabatOf = (r: RankingRow & { pejabat?: string | null }) =>
    r.pejabat ?? t('rapor.rankings.noPejabat');
  return (
    <Stack gap="xs">
      {query ? (
        <Text size="sm" role="status">
          {rows.length === 0
            ? t('rapor.public.noMatch', { q: query })
            : t('rapor.public.matches', { n: rows.length })}
        </Text>
      ) : null}
      <ScrollRegion label={caption}>
        {/* On a phone the kecamatan and the official go under the name, so rank, total and predikat fit. */}
        <Table striped withTableBorder captionSide="top" verticalSpacing="xs" horizontalSpacing="xs">
          <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" ta="right">
                {t('rapor.rapor.rank')}
              </Table.Th>
              <Table.Th scope="col">{t('rapor.rankings.name')}</Table.Th>
              {withKecamatan ? (
                <Table.Th scope="col" visibleFrom="sm">
                  {t('rapor.level.kecamatan')}
                </Table.Th>
              ) : null}
              {pejabat ? (
                <Table.Th scope="col" visibleFrom="sm">
                  {t(`rapor.rankings.${pejabat}`)}
                </Table.Th>
              ) : null}
              <Table.Th scope="col" ta="right">
                {t('rapor.rapor.total')}
              </Table.Th>
              <Table.Th scope="col">{t('rapor.rapor.predikat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.kode}>
                <Table.Td ta="right" fw={700}>
                  {r.rank ?? NO_VALUE}
                </Table.Td>
                <Table.Th scope="row" fw={500}>
                  <Anchor
                    component={Link}
                    to={paths.publicRapor.getHref(tahun, r.kode)}
                    aria-label={t('rapor.public.openRapor', {
                      nama: `${t(`rapor.level.${r.level}`)} ${r.nama}`,
                    })}
                  >
                    {r.nama}
                  </Anchor>
                  {withKecamatan || pejabat ? (
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {[withKecamatan ? r.kecamatanNama : null, pejabat ? pejabatOf(r) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  ) : null}
                </Table.Th>
                {withKecamatan ? <Table.Td visibleFrom="sm">{r.kecamatanNama}</Table.Td> : null}
                {pejabat ? (
                  <Table.Td c={r.pejabat ? undefined : 'dimmed'} visibleFrom="sm">
                    {pejabatOf(r)}
                  </Table.Td>
                ) : null}
                <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
                <Table.Td>
                  {r.predikat ? (
                    // Whole, never cut to "SANGA…": a long predikat wraps inside its badge on a phone.
                    <Badge
                      variant="filled"
                      color={predikatColor(r.predikat)}
                      size="sm"
                      tt="none"
                      h="auto"
                      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'center' } }}
                    >
                      {r.predikat}
                    </Badge>
                  ) : (
                    NO_VALUE
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}
