import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { SkmReport } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { TableHead } from '@/components/ui/table-head';
import { formatDateTime, formatNumber, formatScore, NO_VALUE, visibleText } from '@/lib/format';
import { GradeBadge } from './grade-badge';
import { ProfileSection } from './profile-section';
import { Stat } from './stat';
import { UnsurSection } from './unsur-section';

/** The report of one wilayah: the figures, the sample check, the unsur, the breakdown, suggestions. */
export function ReportBody({ data, reportHref }: { data: SkmReport; reportHref: (kode: string) => string }) {
  const { t } = useTranslation();
  const h = data.hasil;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Stat label={t('skm.respondents')} value={formatNumber(h.respondents)} />
        <Stat label={t('skm.ikmConverted')} value={formatScore(h.convertedRounded)} />
        <Stat label={t('skm.ikmRaw')} value={formatScore(h.ikm, 3)} />
        <Stat label={t('skm.grade')} value={<GradeBadge grade={h.grade} />} />
      </SimpleGrid>

      <Alert
        color={data.sampel.cukup ? 'green' : 'yellow'}
        variant="light"
        title={
          <Text span fw={700} c="dark.8">
            {`${t('skm.respondents')}: ${formatNumber(h.respondents)} / minimum ${formatNumber(data.sampel.minimum)}`}
          </Text>
        }
      >
        {data.sampel.cukup
          ? t('skm.sampleOk', { n: h.respondents, min: data.sampel.minimum })
          : data.sampel.populasi
            ? t('skm.sampleLowPop', { n: h.respondents, min: data.sampel.minimum, pop: data.sampel.populasi })
            : t('skm.sampleLowNoPop', { n: h.respondents, min: data.sampel.minimum })}
      </Alert>
      <Text size="sm" c="dimmed">
        {t('skm.coverage', {
          tahun: data.tahun,
          semester: data.semester ? t('skm.coverageSemester', { semester: data.semester }) : '',
        })}
      </Text>
      {data.level === 'kecamatan' ? (
        <Text size="sm" c="dimmed">
          {t('skm.ownOffice')}
        </Text>
      ) : null}

      {h.respondents === 0 ? <EmptyState>{t('skm.noData')}</EmptyState> : <UnsurSection ikm={h} />}

      {data.wilayahan ? (
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h3">
            {t('skm.region')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('skm.regionHint')}
          </Text>
          <Group gap="xl">
            <Stat label={t('skm.respondents')} value={formatNumber(data.wilayahan.respondents)} plain />
            <Stat label={t('skm.ikmConverted')} value={formatScore(data.wilayahan.convertedRounded)} plain />
            <Stat label={t('skm.grade')} value={<GradeBadge grade={data.wilayahan.grade} />} plain />
          </Group>
        </Card>
      ) : null}

      {data.rincian.length > 0 ? (
        <section aria-labelledby="skm-rincian">
          <Title order={2} size="h3" id="skm-rincian" mb="xs">
            {t('skm.breakdown')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <TableHead
                columns={[
                  { label: t('skm.unit') },
                  { label: t('skm.respondents'), numeric: true },
                  { label: t('skm.ikmConverted'), numeric: true },
                  { label: t('skm.grade') },
                ]}
              />
              <Table.Tbody>
                {data.rincian.map((r) => (
                  <Table.Tr key={r.kode}>
                    <Table.Td>
                      <Anchor component={Link} to={reportHref(r.kode)}>
                        {r.nama}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(r.respondents)}</Table.Td>
                    <Table.Td ta="right">{formatScore(r.convertedRounded)}</Table.Td>
                    <Table.Td>{r.grade ? `${r.grade.mutu} (${r.grade.kinerja})` : NO_VALUE}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      ) : null}

      <ProfileSection data={data} />

      <section aria-labelledby="skm-saran">
        <Title order={2} size="h3" id="skm-saran" mb="xs">
          {t('skm.suggestions')}
        </Title>
        {data.saran.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('skm.noSuggestions')}
          </Text>
        ) : (
          <Stack gap="xs">
            {data.saran.map((s) => (
              <Card key={s.id} withBorder radius="sm" padding="sm">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {visibleText(s.saran)}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {formatDateTime(s.submittedAt)}
                  {s.layanan ? ` · ${s.layanan}` : ''}
                  {s.wilayahKode !== data.kode ? ` · ${s.wilayahNama}` : ''}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
