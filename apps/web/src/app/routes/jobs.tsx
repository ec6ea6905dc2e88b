import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { JobsTable } from '@/features/jobs/components/jobs-table';

/** Behind RequireRole admin: the pemda's background jobs and the installation's own, live. */
export function JobsRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('jobs.title')} />
        <Text c="dimmed" size="sm">
          {t('jobs.intro')}
        </Text>
      </Stack>
      <JobsTable />
    </Stack>
  );
}
