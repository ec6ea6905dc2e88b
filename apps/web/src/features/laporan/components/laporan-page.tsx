import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { frequencyOfKind, type LaporanDetail } from '@sip/contracts';
import { missingForSubmit, reportedIndikator } from '@sip/scoring';
import {
  IconAlertTriangle,
  IconCloudCheck,
  IconCloudOff,
  IconLock,
  IconPrinter,
  IconRefresh,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatDueDate, formatScore, formatTime } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { useLaporan } from '../api/get-laporan';
import { useSubmitLaporan } from '../api/submit-laporan';
import { useAutosave } from '../hooks/use-autosave';
import { usePreview } from '../hooks/use-preview';
import { EntryField, fieldId } from './entry-field';
import { PreviewPanel } from './preview-panel';
import { ReviewPanel } from './review-panel';
import { LaporanStatusBadge, LateBadge } from './status-badge';
import { LaporanTimeline } from './timeline';

export function LaporanPage({ id }: { id: string }) {
  const q = useLaporan(id);
  if (q.isPending) return <LoadingState lines={8} />;
  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  return <LaporanForm detail={q.data} />;
}

export function useLaporanTitle(detail: Pick<LaporanDetail, 'kind' | 'bulan' | 'tahun'>) {
  const { t } = useTranslation();
  return detail.kind === 'bulanan'
    ? t('laporan.title.bulanan', {
        bulan: t(`laporan.month.${String(detail.bulan ?? 1) as '1'}`),
        tahun: detail.tahun,
      })
    : t('laporan.title.tahunan', { tahun: detail.tahun });
}

/** Each message of the submit check links to its indicator: the page scrolls there and its first field takes the focus. */
function goToField(e: React.MouseEvent, code: string) {
  const card = document.getElementById(fieldId(code));
  if (!card) return;
  e.preventDefault();
  card.scrollIntoView({ block: 'center' });
  card
    .querySelector<HTMLElement>('input:not([disabled]), textarea, button:not([disabled])')
    ?.focus({ preventScroll: true });
}

function LaporanForm({ detail }: { detail: LaporanDetail }) {
  const { t } = useTranslation();
  const title = useLaporanTitle(detail);
  const framework = detail.framework;
  const autosave = useAutosave(detail);
  const rapor = usePreview(detail, autosave.drafts);
  const submit = useSubmitLaporan();
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [confirming, confirm] = useDisclosure(false);
  const editable = detail.permissions.edit;
  // Under Mantine's md breakpoint the columns stack: the total and the submit button then ride in a
  // bar at the bottom of the screen, so they stay at hand while filling a long form on a phone.
  const stacked = useMediaQuery('(max-width: 61.99em)') ?? false;
  const submitButton = (
    <Button size="md" onClick={() => void doSubmit()} loading={submit.isPending}>
      {t('laporan.form.submit')}
    </Button>
  );

  const groups = useMemo(() => {
    const list = reportedIndikator(framework, detail.level, frequencyOfKind[detail.kind]);
    const byBidang = new Map<string, typeof list>();
    for (const ind of list) byBidang.set(ind.bidangCode, [...(byBidang.get(ind.bidangCode) ?? []), ind]);
    return [...framework.bidang]
      .sort((a, b) => a.order - b.order)
      .filter((b) => byBidang.has(b.code))
      .map((b) => ({ bidang: b, items: byBidang.get(b.code) ?? [] }));
  }, [framework, detail.level, detail.kind]);

  const scores = useMemo(() => {
    const m = new Map<string, number | null>();
    for (const b of rapor?.bidang ?? []) for (const i of b.indikator) m.set(i.code, i.score);
    return m;
  }, [rapor]);
  const bidangScores = useMemo(() => new Map((rapor?.bidang ?? []).map((b) => [b.code, b.score])), [rapor]);

  const doSubmit = async () => {
    const saved = await autosave.flush();
    if (!saved) return;
    const list = reportedIndikator(framework, detail.level, frequencyOfKind[detail.kind]);
    const entries = Object.entries(autosave.drafts).map(([indikatorCode, d]) => ({ indikatorCode, ...d }));
    const counts = new Map<string, number>();
    for (const e of detail.evidence) counts.set(e.indikatorCode, (counts.get(e.indikatorCode) ?? 0) + 1);
    const miss = missingForSubmit(list, entries, (c) => counts.get(c) ?? 0);
    setMissing(Object.fromEntries(miss.map((m) => [m.indikatorCode, m.message])));
    if (miss.length) return;
    confirm.open();
  };

  const confirmSubmit = () =>
    submit.mutate(
      { id: detail.id, version: detail.version },
      {
        onSuccess: () => {
          confirm.close();
          notifications.show({ color: 'green', message: t('laporan.form.submitted') });
        },
        onError: (err) => {
          confirm.close();
          if (isApiError(err, 'VALIDATION') && Array.isArray(err.details)) {
            const d = err.details as Array<{ indikatorCode?: string; message: string }>;
            setMissing(
              Object.fromEntries(d.filter((x) => x.indikatorCode).map((x) => [x.indikatorCode!, x.message])),
            );
          }
          notifications.show({ color: 'red', message: errorMessage(err) });
        },
      },
    );

  const missingList = Object.entries(missing);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to={paths.laporan.unit.getHref(detail.wilayahKode, detail.tahun)} size="sm">
          ← {t('laporan.overview.title', { nama: detail.wilayahNama })}
        </Anchor>
        <PageTitle
          title={`${title} — ${detail.wilayahNama}`}
          eyebrow={`${t(`rapor.level.${detail.level}`)} ${detail.wilayahNama}${detail.level === 'kelurahan' ? ` · ${t('rapor.level.kecamatan')} ${detail.kecamatanNama}` : ''}`}
        >
          {title}
        </PageTitle>
        <Group gap="sm">
          <LaporanStatusBadge status={detail.status} />
          {detail.late ? <LateBadge /> : null}
          <Badge variant="outline" color="gray" radius="sm">
            {t(`laporan.waiting.${detail.waitingFor}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('laporan.form.dueAt')}: {formatDueDate(detail.dueAt)}
          </Text>
          {editable ? <SaveStatus autosave={autosave} /> : null}
          <Anchor component={Link} to={paths.laporan.print.getHref(detail.id)} size="sm">
            <IconPrinter size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
            {t('laporan.print')}
          </Anchor>
        </Group>
      </Stack>

      {detail.lock ? (
        <Alert color="gray" icon={<IconLock aria-hidden />} title={t('laporan.form.locked')}>
          {t(`laporan.lock.${detail.lock.code}`, {
            tahun: detail.lock.tahun,
            date: detail.lock.at ? formatDueDate(detail.lock.at) : '',
          })}
        </Alert>
      ) : null}
      {detail.lateDueAt ? (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
          {t('laporan.lateWarning', { date: formatDueDate(detail.lateDueAt) })}
        </Alert>
      ) : null}
      {detail.status === 'dikembalikan' && detail.returnReason ? (
        <Alert color="orange" title={t('laporan.form.returned')}>
          {detail.returnReason}
        </Alert>
      ) : null}
      {detail.status === 'dibuka_kembali' && detail.reopenReason ? (
        <Alert color="yellow" title={t('laporan.form.reopened')}>
          {detail.reopenReason}
        </Alert>
      ) : null}
      {detail.exception ? (
        <Alert color="blue" variant="light">
          {t('laporan.form.exception', {
            date: formatDueDate(detail.exception.until),
            reason: detail.exception.reason,
          })}
        </Alert>
      ) : null}
      {autosave.restored ? <Alert color="blue">{t('laporan.save.restored')}</Alert> : null}
      {autosave.status === 'stale' ? (
        <Alert color="red" role="alert" icon={<IconRefresh aria-hidden />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('laporan.save.stale')}</Text>
            <Button size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
              {t('laporan.save.reload')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {missingList.length ? (
        <Alert color="red" role="alert" title={t('laporan.form.missingTitle')}>
          <List size="sm">
            {missingList.map(([code, message]) => (
              <List.Item key={code}>
                <Anchor
                  href={`#${fieldId(code)}`}
                  size="sm"
                  c="inherit"
                  underline="always"
                  onClick={(e) => goToField(e, code)}
                >
                  {message}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="xl">
            {groups.map(({ bidang, items }) => (
              <Stack key={bidang.code} gap="sm" component="section" aria-labelledby={`bidang-${bidang.code}`}>
                <Group justify="space-between" align="baseline">
                  <Title order={2} size="h3" id={`bidang-${bidang.code}`}>
                    {bidang.code}. {bidang.name}
                  </Title>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('laporan.form.bidangScore')}: {formatScore(bidangScores.get(bidang.code))}
                </Text>
                {items.map((ind) => (
                  <EntryField
                    key={ind.code}
                    laporanId={detail.id}
                    ind={ind}
                    draft={
                      autosave.drafts[ind.code] ?? {
                        value: null,
                        tidakBerlaku: false,
                        tidakBerlakuReason: '',
                        note: '',
                      }
                    }
                    entry={detail.entries.find((e) => e.indikatorCode === ind.code)}
                    changedSinceReturn={detail.sinceReturn?.changed.includes(ind.code) ?? false}
                    evidence={detail.evidence.filter((e) => e.indikatorCode === ind.code)}
                    editable={editable}
                    verify={detail.permissions.verify}
                    monthly={detail.kind === 'bulanan'}
                    score={scores.get(ind.code)}
                    error={autosave.fieldErrors[ind.code]}
                    missing={missing[ind.code]}
                    maxUploadBytes={detail.buktiMaxBytes}
                    onChange={(patch) => autosave.setDraft(ind.code, patch)}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 80 }}>
            <PreviewPanel rapor={rapor} verified={detail.status === 'diverifikasi'} />
            {detail.permissions.submit ? (
              stacked ? null : (
                submitButton
              )
            ) : editable ? (
              <Text size="sm" c="dimmed">
                {t('laporan.form.operatorNote')}
              </Text>
            ) : null}
            <ReviewPanel detail={detail} />
          </Stack>
        </Grid.Col>
      </Grid>
      {stacked && detail.permissions.submit ? (
        <Group
          component="section"
          aria-label={t('laporan.preview.bar')}
          justify="space-between"
          wrap="nowrap"
          gap="sm"
          p="sm"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          <Text size="sm" style={{ minWidth: 0, flex: 1 }}>
            {t('laporan.preview.total')}:{' '}
            <Text span fw={700} data-testid="pratinjau-bar-total">
              {formatScore(rapor?.total)}
            </Text>
            {rapor?.predikat ? ` · ${rapor.predikat}` : ''}
          </Text>
          <Box style={{ flexShrink: 0 }}>{submitButton}</Box>
        </Group>
      ) : null}
      <Box>
        <LaporanTimeline id={detail.id} />
      </Box>
      <Modal opened={confirming} onClose={confirm.close} title={t('laporan.form.submit')}>
        <Stack gap="md">
          <Text size="sm">{t('laporan.form.submitConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirmSubmit} loading={submit.isPending}>
              {t('laporan.form.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SaveStatus({ autosave }: { autosave: ReturnType<typeof useAutosave> }) {
  const { t } = useTranslation();
  const { status, savedAt } = autosave;
  let text = '';
  let icon = <IconCloudCheck size={16} aria-hidden />;
  let color = 'dimmed';
  if (status === 'saving') text = t('laporan.save.saving');
  else if (status === 'offline') {
    text = t('laporan.save.offline');
    icon = <IconCloudOff size={16} aria-hidden />;
    color = 'orange.8';
  } else if (status === 'invalid') {
    text = autosave.fieldErrors._ || t('laporan.save.invalid');
    color = 'red.8';
  } else if (status === 'dirty') text = t('laporan.save.unsaved');
  else if (savedAt) text = t('laporan.save.savedAt', { time: formatTime(savedAt) });
  if (!text || status === 'stale') return null;
  return (
    <Group gap={4} role="status" aria-live="polite">
      {icon}
      <Text size="sm" c={color} data-testid="status-simpan">
        {text}
      </Text>
    </Group>
  );
}
