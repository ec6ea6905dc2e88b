import { Alert, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { LoadingState } from '@/components/ui/loading-state';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { usePublicYears } from '../api/get-public-rankings';
import { PublicShell } from './public-shell';

/** /peringkat: opens the rankings of the latest published year, or says that none is published yet. */
export function PublicLatest({ pemda, loginLink }: { pemda: string; loginLink: ReactNode }) {
  const { t } = useTranslation();
  const q = usePublicYears(pemda);
  useDocumentTitle(`${t('rapor.public.latestTitle')} · ${t('app.name')}`);
  const latest = q.data?.tahun[0];
  if (latest !== undefined) return <Navigate to={paths.publicRankings.getHref(latest)} replace />;
  return (
    <PublicShell loginLink={loginLink}>
      <Stack gap="lg">
        <Title order={1} fz={{ base: 24, sm: 32 }}>
          {t('rapor.public.latestTitle')}
        </Title>
        {q.isPending ? (
          <LoadingState lines={4} />
        ) : (
          <Alert color={q.isError ? 'red' : 'gray'} role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {q.isError ? errorMessage(q.error) : t('rapor.public.none')}
          </Alert>
        )}
      </Stack>
    </PublicShell>
  );
}
