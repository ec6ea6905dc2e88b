import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { useMe } from '@/features/auth/api/get-me';
import { JobProgress } from '@/features/jobs/components/job-progress';
import { UsersTable } from '@/features/users/components/users-table';
import { wilayahChildrenQueryOptions } from '@/features/wilayah/api/get-wilayah-children';

/** Behind RequireRole admin: the accounts of the admin's pemda. */
export function UsersRoute() {
  const { t } = useTranslation();
  const admin = useMe().data?.roles.find((r) => r.role === 'admin');
  if (!admin) return null;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('admin.users.title')} />
        <Text c="dimmed" size="sm">
          {t('admin.users.intro', { pemda: admin.wilayahNama })}
        </Text>
      </Stack>
      <UsersTable
        pemda={{ kode: admin.wilayahKode, nama: admin.wilayahNama }}
        wilayahChildren={wilayahChildrenQueryOptions}
        renderJob={(jobId) => <JobProgress jobId={jobId} />}
      />
    </Stack>
  );
}
