import { Alert, Stack } from '@mantine/core';
import { useMe } from '@/features/auth/api/get-me';
import { SkmModeration } from '@/features/skm/components/skm-moderation';
import { useSkmText } from '@/features/skm/strings';
import { hasRole } from '../navigation';

export function SkmModerationRoute() {
  const me = useMe().data;
  const t = useSkmText();
  if (!me) return null;
  if (!hasRole(me, 'admin') && !hasRole(me, 'verifikator')) {
    return (
      <Stack>
        <Alert color="yellow" role="alert" title={t.moderationTitle}>
          {t.moderationIntro}
        </Alert>
      </Stack>
    );
  }
  return <SkmModeration />;
}
