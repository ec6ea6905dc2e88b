import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime, formatScore, visibleText } from '@/lib/format';
import { usePublicationPreview } from '../api/get-publication-preview';
import { usePublications } from '../api/get-publications';
import { usePublish } from '../api/publish';
import { KeberatanAdmin } from './keberatan-admin';
import { skmRevisionCount } from './skm-revision-count';

export function PublicationView({ tahun, publicHref }: { tahun: number; publicHref: string }) {
  const { t } = useTranslation();
  const q = usePublications(tahun);
  const publish = usePublish(tahun, 'publish');
  const revise = usePublish(tahun, 'revise');
  const [reason, setReason] = useState('');
  const [reviseReason, setReviseReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [consent, setConsent] = useState(false);
  const preview = usePublicationPreview(tahun, confirming);
  // Anything open (months not due, reports waiting, annual reports missing) needs consent and a reason.
  const open = preview.data?.open ?? false;
  const closeDialog = () => {
    setConfirming(false);
    setConsent(false);
  };

  if (q.isPending) return <LoadingState />;
  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const published = q.data.revisions.length > 0;

  return (
    <Stack gap="lg">
      <PageTitle title={t('rapor.publication.title', { tahun })} />
      <Text c="dimmed">{t('rapor.publication.intro')}</Text>
      {!published ? (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Textarea
              label={t('rapor.publication.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
            />
            {publish.isError ? (
              <Alert color="red" role="alert">
                {errorMessage(publish.error)}
              </Alert>
            ) : null}
            <Group>
              <Button
                leftSection={<IconSpeakerphone size={18} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('rapor.publication.publish', { tahun })}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : (
        <Alert color="#1b6e2e" variant="outline" title={t('rapor.publication.published', { tahun })}>
          <Group gap="lg">
            <Anchor href={publicHref}>{t('rapor.publication.publicPage')}</Anchor>
            <Anchor component={Link} to={paths.rapor.beritaAcara.getHref(tahun)}>
              {t('rapor.publication.beritaAcara')}
            </Anchor>
          </Group>
        </Alert>
      )}

      <KeberatanAdmin tahun={tahun} />

      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="pub-history">
        <Title order={2} fz="lg" id="pub-history" mb="sm">
          {t('rapor.publication.revisions')}
        </Title>
        {published ? (
          <ScrollRegion label={t('rapor.publication.revisions')}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rapor.publication.revision')}</Table.Th>
                  <Table.Th scope="col">{t('rapor.publication.publishedAt')}</Table.Th>
                  <Table.Th scope="col">{t('rapor.publication.by')}</Table.Th>
                  <Table.Th scope="col">{t('rapor.publication.reviseReason')}</Table.Th>
                  <Table.Th scope="col">{t('rapor.publication.skmResponses')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.revisions.map((r) => {
                  const skm = skmRevisionCount(r, t);
                  return (
                    <Table.Tr key={r.revision}>
                      <Table.Td>{r.revision}</Table.Td>
                      <Table.Td>{formatDateTime(r.publishedAt)}</Table.Td>
                      <Table.Td>{r.publishedByName}</Table.Td>
                      <Table.Td>{visibleText(r.reason)}</Table.Td>
                      <Table.Td>
                        {skm.count}
                        {skm.change ? (
                          <Text size="xs" c="dimmed">
                            {skm.change}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        ) : (
          <Text c="dimmed">{t('rapor.publication.none')}</Text>
        )}
      </Card>

      {published ? (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Textarea
              label={t('rapor.publication.reviseReason')}
              value={reviseReason}
              onChange={(e) => setReviseReason(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
              required
            />
            {revise.isError ? (
              <Alert color="red" role="alert">
                {errorMessage(revise.error)}
              </Alert>
            ) : null}
            <Group>
              <Button
                variant="default"
                loading={revise.isPending}
                disabled={reviseReason.trim().length < 10}
                onClick={() =>
                  revise.mutate(
                    { reason: reviseReason },
                    {
                      onSuccess: (res) => {
                        setReviseReason('');
                        notifications.show({
                          color: 'green',
                          message: t('rapor.publication.revised', {
                            n: res.revisions.at(-1)?.revision ?? '',
                          }),
                        });
                      },
                    },
                  )
                }
              >
                {t('rapor.publication.revise')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}

      <Modal
        opened={confirming}
        onClose={closeDialog}
        title={t('rapor.publication.publish', { tahun })}
        centered
        size="lg"
      >
        <Stack>
          <Text>{t('rapor.publication.confirm', { tahun })}</Text>
          {preview.isPending ? <LoadingState label={t('rapor.publication.checking')} /> : null}
          {preview.isError ? (
            <ErrorState
              error={preview.error}
              onRetry={() => void preview.refetch()}
              retrying={preview.isFetching}
            />
          ) : null}
          {preview.data ? (
            <section aria-labelledby="pub-checklist">
              <Title order={3} fz="md" id="pub-checklist" mb={4}>
                {t('rapor.publication.checklist')}
              </Title>
              <List size="sm" spacing={2}>
                <List.Item>
                  {preview.data.monthsDue < 12
                    ? t('rapor.publication.checkMonths', { monthsDue: preview.data.monthsDue })
                    : t('rapor.publication.checkMonthsAll')}
                </List.Item>
                <List.Item>
                  {t('rapor.publication.checkWaiting', { count: preview.data.checklist.menungguKajian })}
                </List.Item>
                <List.Item>
                  {t('rapor.publication.checkKeberatan', { count: preview.data.checklist.keberatanTerbuka })}
                </List.Item>
                <List.Item>
                  {t('rapor.publication.checkAnnual', {
                    count: preview.data.checklist.tahunanBelum,
                    units: preview.data.units,
                  })}
                </List.Item>
              </List>
            </section>
          ) : null}
          {preview.data?.early ? (
            <Alert color="orange" title={t('rapor.publication.earlyTitle', { tahun })}>
              <Stack gap="xs">
                <Text size="sm">
                  {t('rapor.publication.earlyBody', { monthsDue: preview.data.monthsDue })}
                </Text>
                {preview.data.changed.length > 0 ? (
                  <>
                    <Text size="sm">
                      {t('rapor.publication.earlyChanged', { count: preview.data.changed.length })}
                    </Text>
                    <ScrollRegion label={t('rapor.publication.earlyTitle', { tahun })}>
                      <Table withTableBorder fz="sm">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">{t('rapor.publication.earlyUnit')}</Table.Th>
                            <Table.Th scope="col">{t('rapor.publication.earlyNow')}</Table.Th>
                            <Table.Th scope="col">{t('rapor.publication.earlyYearEnd')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {preview.data.changed.map((c) => (
                            <Table.Tr key={c.kode}>
                              <Table.Td>{c.nama}</Table.Td>
                              <Table.Td>
                                {formatScore(c.totalNow)} {c.predikatNow ?? '—'}
                              </Table.Td>
                              <Table.Td>
                                {formatScore(c.totalYearEnd)} {c.predikatYearEnd ?? '—'}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </ScrollRegion>
                  </>
                ) : (
                  <Text size="sm">{t('rapor.publication.earlyNoChange')}</Text>
                )}
              </Stack>
            </Alert>
          ) : null}
          {open ? (
            <Stack gap="xs" role="group" aria-label={t('rapor.publication.override')}>
              <Checkbox
                checked={consent}
                onChange={(e) => setConsent(e.currentTarget.checked)}
                label={t('rapor.publication.earlyConsent', { tahun })}
              />
              <Textarea
                label={t('rapor.publication.overrideReason')}
                description={t('rapor.publication.overrideReasonHint')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={500}
                autosize
                minRows={2}
                required
                error={
                  consent && reason.trim().length < 10 ? t('rapor.publication.overrideReasonShort') : null
                }
              />
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDialog}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={publish.isPending}
              disabled={!preview.isSuccess || (open && (!consent || reason.trim().length < 10))}
              onClick={() =>
                publish.mutate(
                  { reason, konfirmasi: open && consent },
                  {
                    onSuccess: () => {
                      closeDialog();
                      notifications.show({
                        color: 'green',
                        message: t('rapor.publication.published', { tahun }),
                      });
                    },
                    onError: closeDialog,
                  },
                )
              }
            >
              {t('rapor.publication.publish', { tahun })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
