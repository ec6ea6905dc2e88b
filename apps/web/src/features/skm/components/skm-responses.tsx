import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SkmResponseRow, SkmResponseStatus } from '@sip/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { fieldErrors } from '@/lib/http';
import { useSkmResponses } from '../api/get-skm-responses';
import { useReleaseSkmResponse } from '../api/release-skm-response';
import { useVoidSkmResponse } from '../api/void-skm-response';

const PAGE_SIZE = 20;

/**
 * The admin's view of single responses: void one, or release one held in quarantine by the burst
 * detector (reason required, audited).
 */
export function SkmResponses({
  kode,
  tahun,
  semester,
}: {
  kode: string;
  tahun: number;
  semester: number | undefined;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<SkmResponseRow | null>(null);
  const [releasing, setReleasing] = useState<SkmResponseRow | null>(null);
  const [status, setStatus] = useState<SkmResponseStatus | undefined>(undefined);
  const list = useSkmResponses({ kode, tahun, semester, status, page, pageSize: PAGE_SIZE });
  const held = useSkmResponses({ kode, tahun, semester, status: 'karantina', page: 1, pageSize: 1 });
  const heldCount = held.data?.total ?? 0;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Card withBorder radius="md" padding="md" className="skm-no-print">
      <Title order={2} size="h3">
        {t('skm.responses')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('skm.responsesIntro')}
      </Text>
      {heldCount > 0 ? (
        <Alert color="orange" mb="sm" role="status" title={t('skm.quarantined')}>
          {t('skm.quarantineAlert', { count: heldCount.toLocaleString('id-ID') })}
        </Alert>
      ) : null}
      <Stack gap={4} mb="sm">
        <Text size="sm" fw={500} id="skm-status-filter">
          {t('skm.filterLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="skm-status-filter"
          value={status ?? 'semua'}
          onChange={(v) => {
            setStatus(v === 'semua' ? undefined : (v as SkmResponseStatus));
            setPage(1);
          }}
          data={[
            { value: 'semua', label: t('skm.filterAll') },
            { value: 'diterima', label: t('skm.counted') },
            { value: 'karantina', label: `${t('skm.quarantined')} (${heldCount.toLocaleString('id-ID')})` },
            { value: 'dibatalkan', label: t('skm.voided') },
          ]}
        />
      </Stack>
      {list.isPending ? <LoadingState lines={3} /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">ID</Table.Th>
                  <Table.Th scope="col">{t('skm.submittedAt')}</Table.Th>
                  <Table.Th scope="col">{t('skm.unit')}</Table.Th>
                  <Table.Th scope="col">{t('skm.answers')}</Table.Th>
                  <Table.Th scope="col">{t('skm.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('skm.void')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.id}</Table.Td>
                    <Table.Td>{formatDateTime(r.submittedAt)}</Table.Td>
                    <Table.Td>{r.wilayahKode}</Table.Td>
                    <Table.Td ff="monospace">{Object.values(r.jawaban).join(' ')}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {r.status === 'dibatalkan' ? (
                          <>
                            <Badge color="#495057">{t('skm.voided')}</Badge>
                            <Text size="xs" c="dimmed">
                              {r.voidReason}
                            </Text>
                          </>
                        ) : r.status === 'karantina' ? (
                          <Badge color="#a34700">{t('skm.quarantined')}</Badge>
                        ) : (
                          <Badge color="#1b6e2e" variant="outline">
                            {t('skm.counted')}
                          </Badge>
                        )}
                        {r.sumber === 'kertas' ? (
                          <Badge color="#1864ab" variant="light">
                            {t('skm.paper')}
                          </Badge>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {r.status === 'karantina' ? (
                        <Button
                          size="xs"
                          variant="light"
                          mb={4}
                          onClick={() => setReleasing(r)}
                          aria-label={`${t('skm.release')} ${r.id}`}
                        >
                          {t('skm.release')}
                        </Button>
                      ) : null}
                      {r.status === 'dibatalkan' ? null : (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => setTarget(r)}
                          aria-label={`${t('skm.void')} ${r.id}`}
                        >
                          {t('skm.void')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm">{t('skm.page', { page, pages })}</Text>
            <Group gap="xs">
              <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('skm.prev')}
              </Button>
              <Button size="xs" variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('skm.next')}
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : null}
      <VoidModal target={target} onClose={() => setTarget(null)} />
      <ReleaseModal target={releasing} onClose={() => setReleasing(null)} />
    </Card>
  );
}

function VoidModal({ target, onClose }: { target: SkmResponseRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [alasan, setAlasan] = useState('');
  const mutation = useVoidSkmResponse();
  const errors = fieldErrors(mutation.error);
  const close = () => {
    setAlasan('');
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title={`${t('skm.voidTitle')} #${target?.id ?? ''}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!target) return;
          mutation.mutate(
            { id: target.id, alasan },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('skm.voidDone') });
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Textarea
            label={t('skm.voidReason')}
            required
            minLength={5}
            maxLength={500}
            autosize
            minRows={2}
            value={alasan}
            onChange={(e) => setAlasan(e.currentTarget.value)}
            error={errors.alasan}
            data-autofocus
          />
          {mutation.isError && !errors.alasan ? (
            <Alert color="red" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('skm.cancel')}
            </Button>
            <Button type="submit" color="red" loading={mutation.isPending}>
              {t('skm.voidConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReleaseModal({ target, onClose }: { target: SkmResponseRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [alasan, setAlasan] = useState('');
  const mutation = useReleaseSkmResponse();
  const errors = fieldErrors(mutation.error);
  const close = () => {
    setAlasan('');
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title={`${t('skm.releaseTitle')} #${target?.id ?? ''}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!target) return;
          mutation.mutate(
            { id: target.id, alasan },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('skm.releaseDone') });
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Textarea
            label={t('skm.releaseReason')}
            required
            minLength={5}
            maxLength={500}
            autosize
            minRows={2}
            value={alasan}
            onChange={(e) => setAlasan(e.currentTarget.value)}
            error={errors.alasan}
            data-autofocus
          />
          {mutation.isError && !errors.alasan ? (
            <Alert color="red" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('skm.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('skm.releaseConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
