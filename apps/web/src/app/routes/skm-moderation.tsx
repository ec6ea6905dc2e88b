import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/features/auth/api/get-me';
import { SkmModeration } from '@/features/skm/components/skm-moderation';
import { hasRole } from '../navigation';

export function SkmModerationRoute() {
  const me = useMe().data;
  const { t } = useTranslation();
  if (!me) return null;
  if (!hasRole(me, 'admin') && !hasRole(me, 'verifikator')) {
    return (
      <Stack>
        <Alert color="yellow" role="alert" title={t('skm.moderationTitle')}>
          {t('skm.moderationIntro')}
        </Alert>
      </Stack>
    );
  }
  return <SkmModeration />;
}
