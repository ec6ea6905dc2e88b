import { Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { TableHead } from '@/components/ui/table-head';
import { formatDateTime, formatNumber, NO_VALUE } from '@/lib/format';
import { useJobs } from '../api/get-jobs';
import { jobCounts, jobTitle } from './job-name';
import { JobFileButton, JobProgressBar } from './job-progress';
import { JobStateBadge } from './job-state-badge';

/** Every job the admin may see (his pemda's and the installation's own), newest first, live. */
export function JobsTable() {
  const { t } = useTranslation();
  const [aktif, setAktif] = useState(false);
  const jobs = useJobs({ aktif });

  return (
    <Stack gap="sm">
      <Switch
        label={t('jobs.onlyOpen')}
        checked={aktif}
        onChange={(e) => setAktif(e.currentTarget.checked)}
      />
      {jobs.isPending ? (
        <LoadingState lines={6} />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} retrying={jobs.isFetching} />
      ) : jobs.data.items.length === 0 ? (
        <EmptyState>{t('jobs.empty')}</EmptyState>
      ) : (
        <ScrollRegion label={t('jobs.title')}>
          <Table striped verticalSpacing="sm" miw={820}>
            <TableHead
              columns={[
                { label: t('jobs.col.name') },
                { label: t('jobs.col.state') },
                { label: t('jobs.col.progress'), w: 220 },
                { label: t('jobs.col.by') },
                { label: t('jobs.col.createdAt') },
                { label: t('jobs.col.finishedAt') },
                { label: t('jobs.col.result') },
              ]}
            />
            <Table.Tbody>
              {jobs.data.items.map((job) => (
                <Table.Tr key={job.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {jobTitle(t, job.name)}
                    </Text>
                    {job.attempts > 1 ? (
                      <Text size="xs" c="dimmed">
                        {t('jobs.attempts', {
                          n: formatNumber(job.attempts),
                          max: formatNumber(job.maxAttempts),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <JobStateBadge state={job.state} />
                  </Table.Td>
                  <Table.Td>
                    {job.state === 'failed' ? (
                      <Text size="sm" c="red">
                        {job.error ?? NO_VALUE}
                      </Text>
                    ) : (
                      <>
                        <JobProgressBar job={job} />
                        {job.state === 'retry' && job.error ? (
                          <Text size="xs" c="orange">
                            {job.error}
                          </Text>
                        ) : null}
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{job.createdBy?.namaLengkap ?? t('jobs.system')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {job.finishedAt ? (
                        <time dateTime={job.finishedAt}>{formatDateTime(job.finishedAt)}</time>
                      ) : (
                        NO_VALUE
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {jobCounts(t, job.counts).map((c) => (
                        <Text key={c} size="sm">
                          {c}
                        </Text>
                      ))}
                      <JobFileButton job={job} />
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
