import { Alert, Button, Center, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconHome, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '@/config/paths';
import { NotFoundContent } from './not-found';

/** A new deployment removes old chunks; a tab opened before it fails to load them. */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      error.message,
    )
  );
}

function ErrorContent() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(`${t('errorPage.title')} · ${t('app.name')}`);

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundContent />;

  const chunk = isChunkLoadError(error);
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t('errorPage.title')}</Title>
      <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
        <Text size="sm">{chunk ? t('errorPage.chunk') : t('errorPage.body')}</Text>
      </Alert>
      <Group gap="sm">
        <Button leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
        <Button
          component={Link}
          to={paths.home.getHref()}
          variant="default"
          leftSection={<IconHome size={18} aria-hidden />}
        >
          {t('common.backHome')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Errors inside a page: shown within the layout, so navigation stays usable. */
export function RouteErrorBoundary() {
  return <ErrorContent />;
}

/** Errors of the layout or login page themselves: a whole page. */
export function RootErrorBoundary() {
  return (
    <Container size="sm" component="main" py="xl">
      <Center mih="60vh">
        <ErrorContent />
      </Center>
    </Container>
  );
}
