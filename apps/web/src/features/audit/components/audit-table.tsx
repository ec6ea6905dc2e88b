import { Code, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { formatDateTime, formatNumber, NO_VALUE } from '@/lib/format';
import { type AuditLogParams, useAuditLog } from '../api/get-audit-log';
import { AuditChanges } from './audit-changes';

interface AuditTableProps {
  params: AuditLogParams;
  onPageChange: (page: number) => void;
}

export function AuditTable({ params, onPageChange }: AuditTableProps) {
  const { t } = useTranslation();
  const log = useAuditLog(params);

  if (log.isPending) return <LoadingState lines={10} />;
  if (log.isError)
    return <ErrorState error={log.error} onRetry={() => void log.refetch()} retrying={log.isFetching} />;

  const { items, total, page, pageSize } = log.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <Stack gap="sm" aria-busy={log.isFetching}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" role="status">
          {t('audit.total', { count: total, n: formatNumber(total) })}
          {pages > 1
            ? ` · ${t('audit.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}`
            : ''}
        </Text>
      </Group>
      {items.length === 0 ? (
        <EmptyState />
      ) : (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table striped verticalSpacing="sm" style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={170}>
                  {t('audit.at')}
                </Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                <Table.Th scope="col">{t('audit.ip')}</Table.Th>
                <Table.Th scope="col" w="35%">
                  {t('audit.changes')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actorUsername ?? t('audit.system')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Code style={{ whiteSpace: 'nowrap' }}>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.entity}</Text>
                    {entry.entityId ? (
                      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {entry.entityId}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.ip ?? NO_VALUE}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <AuditChanges entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 ? (
        <nav aria-label={t('audit.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onPageChange}
            withEdges
            siblings={1}
            getControlProps={(control) => {
              const labels = {
                first: t('audit.firstPage'),
                previous: t('audit.previousPage'),
                next: t('audit.nextPage'),
                last: t('audit.lastPage'),
              };
              return { 'aria-label': labels[control] };
            }}
          />
        </nav>
      ) : null}
    </Stack>
  );
}
