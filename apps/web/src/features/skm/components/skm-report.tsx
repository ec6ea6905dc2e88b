import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { SkmIkm, SkmReport as SkmReportData } from '@sip/contracts';
import { IconDownload, IconQrcode } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { formatDateTime, formatNumber, formatScore, NO_VALUE } from '@/lib/format';
import { skmExportHref, useSkmReport } from '../api/get-skm-report';
import { SkmChart } from './skm-chart';

export interface SkmReportProps {
  kode: string;
  tahun: number;
  semester: number | undefined;
  populasi: number | undefined;
  onChange: (next: { tahun: number; semester: number | undefined; populasi: number | undefined }) => void;
  /** Links built by the route (paths.ts lives in the app layer). */
  reportHref: (kode: string) => string;
  posterHref?: string | undefined;
  moderationHref?: string | undefined;
  /** The admin's single-response list with voiding, rendered by the route when allowed. */
  children?: ReactNode;
}

// Shades dark enough for white text (WCAG AA 4.5:1); C keeps dark text on yellow.
const gradeColor = { A: '#1b6e2e', B: '#1864ab', C: '#ffd43b', D: '#a61e1e' } as const;

export function GradeBadge({ grade }: { grade: SkmIkm['grade'] }) {
  if (!grade) return <Text span>{NO_VALUE}</Text>;
  return (
    <Badge
      color={gradeColor[grade.mutu]}
      variant="filled"
      size="lg"
      radius="sm"
      c={grade.mutu === 'C' ? 'dark' : undefined}
    >
      {grade.mutu} · {grade.kinerja}
    </Badge>
  );
}

const levelWord = {
  provinsi: 'Provinsi',
  kabupaten_kota: 'Kota/Kabupaten',
  kecamatan: 'Kecamatan',
  kelurahan_desa: 'Kelurahan',
};

export function SkmReport(props: SkmReportProps) {
  const { t } = useTranslation();
  const { kode, tahun, semester, populasi, onChange } = props;
  const report = useSkmReport({ kode, tahun, semester, populasi });
  const thisYear = new Date().getFullYear();
  const data = report.data;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle
          title={data ? `${t('skm.title')} — ${data.nama}` : t('skm.title')}
          eyebrow={data ? `${levelWord[data.level]} · ${data.kode}` : kode}
        >
          {data ? `${t('skm.title')} — ${levelWord[data.level]} ${data.nama}` : t('skm.title')}
        </PageTitle>
        <Text c="dimmed" size="sm">
          {t('skm.intro')}
        </Text>
      </Stack>

      <Card withBorder radius="md" padding="md" className="skm-no-print">
        <Group align="flex-end" gap="md" wrap="wrap">
          <NumberInput
            label={t('skm.year')}
            value={tahun}
            min={2017}
            max={thisYear + 1}
            w={110}
            onChange={(v) =>
              typeof v === 'number' &&
              v >= 2017 &&
              v <= thisYear + 1 &&
              onChange({ tahun: v, semester, populasi })
            }
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="skm-periode">
              {t('skm.period')}
            </Text>
            <SegmentedControl
              aria-labelledby="skm-periode"
              value={String(semester ?? 0)}
              onChange={(v) => onChange({ tahun, semester: v === '0' ? undefined : Number(v), populasi })}
              data={[
                { value: '0', label: t('skm.wholeYear') },
                { value: '1', label: t('skm.semester1') },
                { value: '2', label: t('skm.semester2') },
              ]}
            />
          </Stack>
          <NumberInput
            label={t('skm.population')}
            description={t('skm.populationHint')}
            value={populasi ?? ''}
            min={1}
            thousandSeparator="."
            decimalSeparator=","
            w={260}
            onChange={(v) =>
              onChange({ tahun, semester, populasi: typeof v === 'number' && v > 0 ? v : undefined })
            }
          />
          <Group gap="xs">
            <Button
              component="a"
              href={skmExportHref({ kode, tahun, semester, format: 'csv' })}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('skm.exportCsv')}
            </Button>
            <Button
              component="a"
              href={skmExportHref({ kode, tahun, semester, format: 'xlsx' })}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('skm.exportXlsx')}
            </Button>
            {props.posterHref ? (
              <Button
                component={Link}
                to={props.posterHref}
                variant="light"
                leftSection={<IconQrcode size={16} aria-hidden />}
              >
                {t('skm.posters')}
              </Button>
            ) : null}
            {props.moderationHref ? (
              <Button component={Link} to={props.moderationHref} variant="subtle">
                {t('skm.moderation')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Card>

      {report.isPending ? <LoadingState lines={6} /> : null}
      {report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} retrying={report.isFetching} />
      ) : null}
      {data ? <ReportBody data={data} reportHref={props.reportHref} /> : null}
      {props.children}
    </Stack>
  );
}

function ReportBody({ data, reportHref }: { data: SkmReportData; reportHref: (kode: string) => string }) {
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
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('skm.unit')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('skm.respondents')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('skm.ikmConverted')}
                  </Table.Th>
                  <Table.Th scope="col">{t('skm.grade')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
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
                  {s.saran}
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

function Stat({ label, value, plain }: { label: string; value: ReactNode; plain?: boolean }) {
  const body = (
    <Stack gap={2} role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={plain ? 20 : 28} fw={700} lh={1.2} component="div">
        {value}
      </Text>
    </Stack>
  );
  return plain ? (
    body
  ) : (
    <Card withBorder radius="md" padding="md">
      {body}
    </Card>
  );
}

function UnsurSection({ ikm }: { ikm: SkmIkm }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Stack gap="lg">
      <section aria-labelledby="skm-unsur">
        <Title order={2} size="h3" id="skm-unsur" mb="xs">
          {t('skm.unsurTable')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={48}>
                  {t('skm.no')}
                </Table.Th>
                <Table.Th scope="col">{t('skm.unsur')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('skm.total')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('skm.nrr')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('skm.nrrWeighted')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ikm.unsur.map((u, i) => (
                <Table.Tr key={u.key}>
                  <Table.Td>U{i + 1}</Table.Td>
                  <Table.Td>{u.nama}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.jumlah)}</Table.Td>
                  <Table.Td ta="right">{formatScore(u.nrr)}</Table.Td>
                  <Table.Td ta="right">{formatScore(u.nrrTertimbang, 3)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  {t('skm.sumWeighted')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatScore(ikm.ikm, 3)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  {t('skm.converted')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatScore(ikm.convertedRounded)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  {t('skm.grade')}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {ikm.grade ? `${ikm.grade.mutu} (${ikm.grade.kinerja})` : NO_VALUE}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </section>
      <section aria-labelledby="skm-grafik">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="skm-grafik">
            {t('skm.chartTitle')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('skm.chartTitle')}
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('skm.showChart') },
              { value: 'table', label: t('skm.showTable') },
            ]}
          />
        </Group>
        {view === 'chart' ? (
          <SkmChart ikm={ikm} label={t('skm.chartLabel')} />
        ) : (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('skm.unsur')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('skm.nrr')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ikm.unsur.map((u, i) => (
                <Table.Tr key={u.key}>
                  <Table.Td>
                    U{i + 1} {u.nama}
                  </Table.Td>
                  <Table.Td ta="right">{formatScore(u.nrr)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}

function ProfileSection({ data }: { data: SkmReportData }) {
  const { t } = useTranslation();
  const total = data.hasil.respondents;
  return (
    <section aria-labelledby="skm-profil">
      <Title order={2} size="h3" id="skm-profil" mb="xs">
        {t('skm.profile')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {data.profil.map((p) => (
          // A wrapper per grid cell, so the grid does not stretch a short table to its neighbour's height.
          <div key={p.field}>
            <Table withTableBorder striped captionSide="top">
              <Table.Caption
                style={{ textAlign: 'left', fontWeight: 600, color: 'inherit', marginBottom: 4 }}
              >
                {p.label}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('skm.answer')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('skm.count')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('skm.percent')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.items.map((it) => (
                  <Table.Tr key={it.value ?? 'kosong'}>
                    <Table.Td>{it.label}</Table.Td>
                    <Table.Td ta="right">{formatNumber(it.count)}</Table.Td>
                    <Table.Td ta="right">
                      {total ? `${formatScore((it.count / total) * 100, 1)}%` : NO_VALUE}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </SimpleGrid>
    </section>
  );
}
