import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { type Job, jobIsOpen } from '@sip/contracts';
import { IconAlertCircle, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { useJob } from '../api/get-job';
import { jobFileHref } from '../api/get-job-file';
import { jobCounts, jobTitle } from './job-name';
import { JobStateBadge } from './job-state-badge';

/** How far a job is, as a bar a screen reader reads too. */
export function JobProgressBar({ job }: { job: Job }) {
  const { t } = useTranslation();
  const label = job.label || t(`jobs.state.${job.state}`);
  return (
    <Stack gap={4}>
      <Progress.Root>
        <Progress.Section
          value={job.progress}
          animated={job.state === 'active'}
          color={job.state === 'failed' ? 'red' : job.state === 'completed' ? 'teal' : 'blue'}
          aria-label={t('jobs.progressOf', { name: jobTitle(t, job.name) })}
          aria-valuetext={`${formatNumber(job.progress)}% — ${label}`}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {formatNumber(job.progress)}% · {label}
      </Text>
    </Stack>
  );
}

/** The download of a finished job's file (only the person who started it gets one). */
export function JobFileButton({ job }: { job: Job }) {
  const { t } = useTranslation();
  if (job.state !== 'completed' || !job.file || !job.mine) return null;
  return (
    <Button
      component="a"
      href={jobFileHref(job.id)}
      download
      size="xs"
      leftSection={<IconDownload size={16} aria-hidden />}
    >
      {t('jobs.download', { filename: job.file.filename })}
    </Button>
  );
}

/**
 * One job a person started (an export, an import): its progress while it runs — he may leave the
 * page and come back, the job goes on — then its file to download, or why it failed.
 */
export function JobProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const job = useJob(jobId);
  const data = job.data;
  return (
    <Paper withBorder radius="md" p="sm">
      {!data ? (
        job.isError ? (
          <Text size="sm" c="red" role="alert">
            {errorMessage(job.error)}
          </Text>
        ) : (
          <Text size="sm">{t('common.loading')}</Text>
        )
      ) : (
        <Stack gap="xs" role="status" aria-live="polite">
          <Group justify="space-between" gap="xs">
            <Text fw={600} size="sm">
              {jobTitle(t, data.name)}
            </Text>
            <JobStateBadge state={data.state} />
          </Group>
          {data.state === 'failed' ? null : <JobProgressBar job={data} />}
          {data.error && (data.state === 'failed' || data.state === 'retry') ? (
            <Alert
              color={data.state === 'failed' ? 'red' : 'orange'}
              variant="light"
              icon={<IconAlertCircle aria-hidden />}
              title={data.state === 'failed' ? t('jobs.failedTitle') : t('jobs.retryTitle')}
            >
              {data.error}
            </Alert>
          ) : null}
          {jobIsOpen(data.state) ? (
            <Text size="xs" c="dimmed">
              {t('jobs.leaveHint')}
            </Text>
          ) : null}
          {data.state === 'completed' ? (
            <Group gap="xs">
              <JobFileButton job={data} />
              {jobCounts(t, data.counts).map((c) => (
                <Text key={c} size="sm" c="dimmed">
                  {c}
                </Text>
              ))}
            </Group>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
