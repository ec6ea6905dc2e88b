import { Alert, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { UsersTable } from '@/features/admin-users/components/users-table';
import { useMe } from '@/features/auth/api/get-me';

export function UsersRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const admin = me.roles.find((r) => r.role === 'admin');
  if (!admin) {
    return (
      <Stack gap="lg">
        <PageTitle title={t('admin.users.title')} />
        <Alert color="yellow" variant="light" role="alert" icon={<IconLock aria-hidden />}>
          {t('admin.forbidden')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('admin.users.title')} />
        <Text c="dimmed" size="sm">
          {t('admin.users.intro', { pemda: admin.wilayahNama })}
        </Text>
      </Stack>
      <UsersTable pemda={{ kode: admin.wilayahKode, nama: admin.wilayahNama }} />
    </Stack>
  );
}
