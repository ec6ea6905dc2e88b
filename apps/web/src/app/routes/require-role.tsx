import { Alert, Stack } from '@mantine/core';
import type { Role } from '@sip/contracts';
import { IconLock } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { useMe } from '@/features/auth/api/get-me';

interface RequireRoleProps {
  roles: readonly Role[];
  /** i18n keys of the page's title and of the refusal shown to other roles. */
  title: ParseKeys;
  message: ParseKeys;
}

/**
 * A route element: its child routes open for users holding one of `roles`; anyone else stays in the
 * layout and reads why, under the page's title. The API checks again; this only spares a useless page.
 */
export function RequireRole({ roles, title, message }: RequireRoleProps) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  if (me.roles.some((r) => roles.includes(r.role))) return <Outlet />;
  return (
    <Stack gap="lg">
      <PageTitle title={t(title)} />
      <Alert color="yellow" variant="light" role="alert" icon={<IconLock aria-hidden />}>
        {t(message)}
      </Alert>
    </Stack>
  );
}
