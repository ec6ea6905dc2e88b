import { Alert, Button, Group, Stack } from '@mantine/core';
import type { Job } from '@sip/contracts';
import { IconAlertCircle, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { JobProgress } from './job-progress';

/**
 * Buttons that start an export as a background job (one per format), then follow it: the file is
 * offered for download when it is ready. `start` is the feature's own request (the app layer wires it).
 */
export function ExportJobButtons<F extends string>({
  formats,
  start,
  label,
}: {
  formats: readonly F[];
  start: (format: F) => Promise<Job>;
  label: (format: F) => string;
}) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [pending, setPending] = useState<F | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (format: F) => {
    setPending(format);
    setError(null);
    try {
      setJobId((await start(format)).id);
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {formats.map((format) => (
          <Button
            key={format}
            variant="default"
            loading={pending === format}
            onClick={() => void run(format)}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {label(format)}
          </Button>
        ))}
      </Group>
      {error ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
          {errorMessage(error) || t('errors.unknown')}
        </Alert>
      ) : null}
      {jobId ? <JobProgress key={jobId} jobId={jobId} /> : null}
    </Stack>
  );
}
