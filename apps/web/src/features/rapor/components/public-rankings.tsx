import { Alert, Badge, Box, Container, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { RankingRow } from '@sip/contracts';
import { IconAlertTriangle, IconTrophy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { LoadingState } from '@/components/ui/loading-state';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatScore, NO_VALUE, visibleText } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { usePublicKelurahan, usePublicRankings } from '../api/get-public-rankings';
import { predikatColor } from '../utils/colors';
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
  return (
    <Box mih="100vh">
      <Group justify="space-between" p="md" component="header">
        <Text fw={700}>{t('app.name')}</Text>
        <Group gap="sm">
          {loginLink}
          <LanguageSwitch />
        </Group>
      </Group>
      <Container size="lg" component="main" pb="xl">
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
                  />
                </Tabs.Panel>
                <Tabs.Panel value="topLurah" pt="md">
                  <RankTable
                    rows={q.data.topLurah}
                    caption={t('rapor.rankings.tabs.topLurah')}
                    withKecamatan
                    pejabat="lurah"
                  />
                </Tabs.Panel>
                <Tabs.Panel value="kecamatan" pt="md">
                  <RankTable rows={q.data.kecamatan} caption={t('rapor.rankings.tabs.kecamatan')} />
                </Tabs.Panel>
                <Tabs.Panel value="kelurahan" pt="md">
                  <KelurahanTable tahun={tahun} pemda={pemda} />
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
                      {t('rapor.publication.revision')} {r.revision} · {formatDateTime(r.publishedAt)} ·{' '}
                      {visibleText(r.reason)} · {skm.count}
                      {skm.change ? ` (${skm.change})` : ''}
                    </Text>
                  );
                })}
              </Stack>
            </>
          )}
        </Stack>
      </Container>
    </Box>
  );
}

function KelurahanTable({ tahun, pemda }: { tahun: number; pemda: string }) {
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
  return <RankTable rows={q.data.rows} caption={t('rapor.rankings.tabs.kelurahan')} withKecamatan />;
}

function RankTable({
  rows,
  caption,
  withKecamatan,
  pejabat,
}: {
  rows: (RankingRow & { pejabat?: string | null })[];
  caption: string;
  withKecamatan?: boolean;
  /** An award list: a column with the camat or lurah of each unit. */
  pejabat?: 'camat' | 'lurah';
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={caption}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" ta="right">
              {t('rapor.rapor.rank')}
            </Table.Th>
            <Table.Th scope="col">{t('rapor.rankings.name')}</Table.Th>
            {withKecamatan ? <Table.Th scope="col">{t('rapor.level.kecamatan')}</Table.Th> : null}
            {pejabat ? <Table.Th scope="col">{t(`rapor.rankings.${pejabat}`)}</Table.Th> : null}
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
                {r.nama}
              </Table.Th>
              {withKecamatan ? <Table.Td>{r.kecamatanNama}</Table.Td> : null}
              {pejabat ? (
                <Table.Td c={r.pejabat ? undefined : 'dimmed'}>
                  {r.pejabat ?? t('rapor.rankings.noPejabat')}
                </Table.Td>
              ) : null}
              <Table.Td ta="right">{formatScore(r.total)}</Table.Td>
              <Table.Td>
                {r.predikat ? (
                  <Badge variant="filled" color={predikatColor(r.predikat)} size="sm">
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
  );
}
