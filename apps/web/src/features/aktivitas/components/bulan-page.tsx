import { Alert, Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { BulanSaya, NilaiBulanan } from '@sip/contracts';
import { BERAKHLAK, SKALA_PERILAKU } from '@sip/scoring';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/ui/chart-card';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { MonthSwitcher } from '@/components/ui/month-switcher';
import { PageTitle } from '@/components/ui/page-title';
import { TableHead } from '@/components/ui/table-head';
import { formatDateTime, formatNumber, formatScore, visibleText } from '@/lib/format';
import { formatTanggalPendek } from '@/lib/tanggal';
import { useBulan } from '../api/get-bulan';
import { nilaiBerjalan } from '../utils/nilai-berjalan';

// Dark enough against white for chart marks (WCAG 1.4.11, 3:1).
const COLOR_DICATAT = '#868e96';
const COLOR_DISETUJUI = '#087f5b';
const axisTick = { fill: '#495057', fontSize: 12 };

/** "Bulan saya": minutes per day and the month's score as it builds up (stored once the month is closed). */
export function BulanPage({
  tahun,
  bulan,
  latest,
  onChange,
}: {
  tahun: number;
  bulan: number;
  latest: { tahun: number; bulan: number };
  onChange: (v: { tahun: number; bulan: number }) => void;
}) {
  const { t } = useTranslation();
  const q = useBulan(tahun, bulan);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('kinerja.bulan.title')} />
        <Text size="sm" c="dimmed">
          {t('kinerja.bulan.intro')}
        </Text>
      </Stack>
      <MonthSwitcher tahun={tahun} bulan={bulan} latest={latest} onChange={onChange} />
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <BulanBody data={q.data} />
      )}
    </Stack>
  );
}

function BulanBody({ data }: { data: BulanSaya }) {
  const { t } = useTranslation();
  const live = nilaiBerjalan(data);
  const stored = data.ditutup ? data.nilai : null;
  const nilai: NilaiBulanan | null = stored ?? (live.ok ? live.nilai : null);
  const dicatat = data.hari.reduce((s, h) => s + h.menit, 0);
  const disetujui = data.hari.reduce((s, h) => s + h.menitDisetujui, 0);
  const rows = data.hari.map((h) => ({
    tanggal: h.tanggal,
    hari: Number(h.tanggal.slice(8)),
    dicatat: h.menit,
    disetujui: h.menitDisetujui,
    diakui: h.menitDiakui,
    hariKerja: h.hariKerja,
  }));
  const summary = t('kinerja.bulan.chartSummary', {
    hari: data.hariKerjaEfektif,
    dicatat: formatNumber(dicatat),
    disetujui: formatNumber(disetujui),
    target: formatNumber(nilai?.targetMenit ?? 0),
  });

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="nilai-bulan">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Title order={2} size="h3" id="nilai-bulan">
              {t('kinerja.bulan.scoreTitle')}
            </Title>
            {nilai?.nilaiKinerja !== null && nilai?.nilaiKinerja !== undefined ? (
              <Text
                fz={32}
                fw={800}
                lh={1}
                c="blue.9"
                aria-label={`${t('kinerja.bulan.nilaiKinerja')} ${formatScore(nilai.nilaiKinerja)}`}
              >
                {formatScore(nilai.nilaiKinerja)}
              </Text>
            ) : null}
          </Group>
          {stored ? (
            <Alert color="green" variant="light" icon={<IconLock aria-hidden />}>
              {t('kinerja.bulan.scoreStored')}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              <IconInfoCircle
                size={16}
                aria-hidden
                style={{ verticalAlign: 'text-bottom', marginRight: 4 }}
              />
              {t('kinerja.bulan.scoreLive')}
            </Text>
          )}
          {!live.ok && !stored ? (
            <Alert color="red" variant="light" role="alert">
              {t('kinerja.bulan.settingsError', { message: live.message })}
            </Alert>
          ) : null}
          {nilai ? <NilaiRincian nilai={nilai} data={data} /> : null}
        </Stack>
      </Card>

      <ChartCard
        title={t('kinerja.bulan.chartTitle')}
        summary={summary}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={rows} margin={{ left: -12, right: 4 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="hari" tick={axisTick} interval="preserveStartEnd" />
              <YAxis tick={axisTick} width={44} />
              <Tooltip
                labelFormatter={(_, payload) => {
                  const p = payload?.[0]?.payload as { tanggal?: string } | undefined;
                  return p?.tanggal ? formatTanggalPendek(p.tanggal) : '';
                }}
                formatter={(v) => formatNumber(Number(v))}
              />
              <Legend formatter={(value) => <span style={{ color: '#212529' }}>{value}</span>} />
              <Bar
                dataKey="dicatat"
                name={t('kinerja.bulan.dicatat')}
                fill={COLOR_DICATAT}
                isAnimationActive={false}
              />
              <Bar
                dataKey="disetujui"
                name={t('kinerja.bulan.disetujui')}
                fill={COLOR_DISETUJUI}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <Table striped withTableBorder fz="sm" verticalSpacing={4} miw={360}>
            <TableHead
              columns={[
                { label: t('kinerja.bulan.tanggal') },
                { label: t('kinerja.bulan.dicatat'), numeric: true },
                { label: t('kinerja.bulan.disetujui'), numeric: true },
                { label: t('kinerja.bulan.diakui'), numeric: true },
              ]}
            />
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.tanggal}>
                  <Table.Th scope="row" fw={400} c={r.hariKerja ? undefined : 'dimmed'}>
                    {formatTanggalPendek(r.tanggal)}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(r.dicatat)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.disetujui)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.diakui)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        }
      />

      <PerilakuCard data={data} />
    </Stack>
  );
}

function NilaiRincian({ nilai, data }: { nilai: NilaiBulanan; data: BulanSaya }) {
  const { t } = useTranslation();
  const perHari = nilai.targetMenit && data.hariKerjaEfektif ? nilai.targetMenit / data.hariKerjaEfektif : 0;
  const rows: { label: string; value: string; detail?: string }[] = [
    {
      label: t('kinerja.bulan.hariKerjaEfektif'),
      value: formatNumber(data.hariKerjaEfektif),
      detail: t('kinerja.bulan.hariKerjaEfektifDetail', {
        hari: data.hariKerjaEfektif + data.hariCuti,
        cuti: data.hariCuti,
      }),
    },
    {
      label: t('kinerja.bulan.target'),
      value: formatNumber(nilai.targetMenit),
      detail: t('kinerja.bulan.targetDetail', { hari: data.hariKerjaEfektif, menit: formatNumber(perHari) }),
    },
    { label: t('kinerja.bulan.menitDiakui'), value: formatNumber(nilai.menitDiakui) },
    {
      label: t('kinerja.bulan.produktivitas'),
      value: formatScore(nilai.produktivitas),
      detail: t('kinerja.bulan.produktivitasDetail', {
        menit: formatNumber(nilai.menitDiakui),
        target: formatNumber(nilai.targetMenit),
      }),
    },
    {
      label: t('kinerja.bulan.perilaku'),
      value: nilai.perilaku === null ? t('kinerja.bulan.perilakuBelum') : formatScore(nilai.perilaku),
    },
    {
      label: t('kinerja.bulan.nilaiKinerja'),
      value: nilai.nilaiKinerja === null ? t('kinerja.bulan.nilaiBelum') : formatScore(nilai.nilaiKinerja),
      ...(nilai.perilaku !== null
        ? {
            detail: t('kinerja.bulan.nilaiDetail', {
              bp: nilai.bobot.produktivitas,
              p: formatScore(nilai.produktivitas),
              bk: nilai.bobot.perilaku,
              k: formatScore(nilai.perilaku),
            }),
          }
        : {}),
    },
  ];
  return (
    <Stack gap="sm">
      <Progress
        value={Math.min(100, nilai.produktivitas)}
        size="lg"
        radius="sm"
        color="teal.8"
        aria-label={`${t('kinerja.bulan.produktivitas')} ${formatScore(nilai.produktivitas)}`}
      />
      <Table fz="sm" verticalSpacing={6} layout="fixed">
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row" fw={500} w="45%">
                {r.label}
              </Table.Th>
              <Table.Td>
                <Text size="sm" fw={700}>
                  {r.value}
                </Text>
                {r.detail ? (
                  <Text size="xs" c="dimmed">
                    {r.detail}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {nilai.formula}
      </Text>
    </Stack>
  );
}

function PerilakuCard({ data }: { data: BulanSaya }) {
  const { t } = useTranslation();
  const p = data.perilaku;
  const label = (n: number | undefined) => SKALA_PERILAKU.find((s) => s.nilai === n)?.label ?? '—';
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="perilaku-bulan">
      <Stack gap="sm">
        <Title order={2} size="h3" id="perilaku-bulan">
          {t('kinerja.bulan.berakhlakTitle')}
        </Title>
        {!p ? (
          <Text size="sm" c="dimmed">
            {t('kinerja.bulan.berakhlakNone')}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('kinerja.bulan.berakhlakBy', { by: p.dinilaiOleh, when: formatDateTime(p.dinilaiAt) })}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" style={{ margin: 0 }}>
              {BERAKHLAK.map((b) => (
                <Group key={b.kode} justify="space-between" wrap="nowrap" gap="xs">
                  <Text component="dt" size="sm">
                    {b.nama}
                  </Text>
                  <Text component="dd" m={0}>
                    <Badge variant="light" color="blue" radius="sm" c="dark.8">
                      {p.ratings[b.kode] ?? '—'} · {label(p.ratings[b.kode])}
                    </Badge>
                  </Text>
                </Group>
              ))}
            </SimpleGrid>
            {p.catatan ? (
              <Text size="sm">{t('kinerja.bulan.catatan', { catatan: visibleText(p.catatan) })}</Text>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}
