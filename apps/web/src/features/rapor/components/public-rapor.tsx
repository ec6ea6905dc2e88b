import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '@/components/ui/loading-state';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatLongDate, formatNumber, formatScore, NO_VALUE } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { usePublicRapor } from '../api/get-public-rapor';
import { predikatColor } from '../utils/colors';
import { PublicShell } from './public-shell';

/** One unit's published rapor and IKM (public, no login): only what the pemda published. */
export function PublicRapor({
  tahun,
  kode,
  pemda,
  loginLink,
}: {
  tahun: number;
  kode: string;
  pemda: string;
  loginLink: ReactNode;
}) {
  const { t } = useTranslation();
  const q = usePublicRapor(tahun, kode, pemda);
  const unitName = q.data ? `${t(`rapor.level.${q.data.level}`)} ${q.data.nama}` : kode;
  useDocumentTitle(`${t('rapor.public.unit.title', { nama: unitName, tahun })} · ${t('app.name')}`);
  const back = (
    <Anchor component={Link} to={paths.publicRankings.getHref(tahun)} size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        {t('rapor.public.unit.back', { tahun })}
      </Group>
    </Anchor>
  );
  return (
    <PublicShell loginLink={loginLink}>
      <Stack gap="lg">
        {back}
        {q.isPending ? (
          <LoadingState lines={8} />
        ) : q.isError ? (
          <>
            <Title order={1} fz={{ base: 24, sm: 32 }}>
              {t('rapor.public.unit.title', { nama: kode, tahun })}
            </Title>
            <Alert
              color={isApiError(q.error, 'NOT_FOUND') ? 'gray' : 'red'}
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
            >
              {/* An unpublished year, or a unit the published results do not have: the server says which. */}
              {errorMessage(q.error)}
            </Alert>
          </>
        ) : (
          <>
            <Stack gap={4}>
              <Title order={1} fz={{ base: 24, sm: 32 }}>
                {t('rapor.public.unit.title', { nama: unitName, tahun })}
              </Title>
              <Text c="dimmed">
                {q.data.level === 'kelurahan'
                  ? `${t('rapor.public.unit.inKecamatan', { nama: q.data.kecamatanNama })} · ${q.data.pemdaNama}`
                  : q.data.pemdaNama}
              </Text>
              <Text size="sm">
                {t(`rapor.rankings.${q.data.level === 'kecamatan' ? 'camat' : 'lurah'}`)}:{' '}
                {q.data.pejabat ?? t('rapor.rankings.noPejabat')}
              </Text>
              <Text size="sm">
                {t('rapor.public.publishedRevision', {
                  date: formatLongDate(q.data.publishedAt, q.data.zona),
                  n: q.data.revision,
                })}
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Paper withBorder p="md" radius="md">
                <Text size="sm" c="dimmed">
                  {t('rapor.rapor.total')}
                </Text>
                <Text fz={32} fw={700} lh={1.2}>
                  {formatScore(q.data.total)}
                </Text>
                {q.data.pemdaAverage !== null ? (
                  <Text size="sm" c="dimmed">
                    {t('rapor.public.unit.pemdaAverage', { value: formatScore(q.data.pemdaAverage) })}
                  </Text>
                ) : null}
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Text size="sm" c="dimmed">
                  {t('rapor.rapor.predikat')}
                </Text>
                {q.data.predikat ? (
                  <Badge size="xl" variant="filled" color={predikatColor(q.data.predikat)} mt={6}>
                    {q.data.predikat}
                  </Badge>
                ) : (
                  <Text fz={32}>{NO_VALUE}</Text>
                )}
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Text size="sm" c="dimmed">
                  {t('rapor.rapor.rank')}
                </Text>
                <Text fw={700} fz="lg">
                  {q.data.rank !== null
                    ? t('rapor.public.unit.rank', { rank: q.data.rank, of: q.data.rankOf })
                    : NO_VALUE}
                </Text>
                {q.data.rankInKecamatan !== null && q.data.rankInKecamatanOf !== null ? (
                  <Text size="sm">
                    {t('rapor.public.unit.rankInKecamatan', {
                      rank: q.data.rankInKecamatan,
                      of: q.data.rankInKecamatanOf,
                    })}
                  </Text>
                ) : null}
              </Paper>
            </SimpleGrid>
            <ScrollRegion label={t('rapor.public.unit.bidang')}>
              <Table striped withTableBorder captionSide="top">
                <Table.Caption style={{ textAlign: 'left' }}>{t('rapor.public.unit.bidang')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('rapor.public.unit.bidangName')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('rapor.public.unit.score')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('rapor.public.unit.average')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.bidang.map((b) => (
                    <Table.Tr key={b.code}>
                      <Table.Th scope="row" fw={500}>
                        {b.name}
                        <Text size="xs" c="dimmed">
                          {t('rapor.public.unit.weight')} {formatNumber(b.weight)}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="right">
                        {b.tidakBerlaku ? t('rapor.public.unit.notApplicable') : formatScore(b.score)}
                      </Table.Td>
                      <Table.Td ta="right">{formatScore(b.pemdaAverage)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
            <Stack gap={4} component="section" aria-labelledby="ikm-heading">
              <Title order={2} fz="lg" id="ikm-heading">
                {t('rapor.public.unit.ikm')}
              </Title>
              {q.data.skm.ikm !== null ? (
                <>
                  <Text fz={28} fw={700}>
                    {formatScore(q.data.skm.ikm)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('rapor.public.unit.ikmNote', { n: formatNumber(q.data.skm.respondents ?? 0), tahun })}
                  </Text>
                </>
              ) : (
                <Text c="dimmed">{t('rapor.public.unit.ikmNone')}</Text>
              )}
            </Stack>
            <Text size="sm" c="dimmed">
              {t('rapor.rapor.formula', { v: q.data.formulaVersion })}
            </Text>
          </>
        )}
      </Stack>
    </PublicShell>
  );
}
