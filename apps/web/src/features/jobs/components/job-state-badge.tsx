import { Badge } from '@mantine/core';
import type { JobState } from '@sip/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<JobState, string> = {
  created: 'gray',
  active: 'blue',
  retry: 'orange',
  completed: 'teal',
  failed: 'red',
};

export function JobStateBadge({ state }: { state: JobState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[state]} variant="light" c="dark.8">
      {t(`jobs.state.${state}`)}
    </Badge>
  );
}
