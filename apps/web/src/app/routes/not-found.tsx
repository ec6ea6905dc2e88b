import { Button, Stack, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';

export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={560} align="flex-start">
      <PageTitle title={t('notFound.title')} eyebrow="404" />
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to={paths.home.getHref()} leftSection={<IconHome size={18} aria-hidden />}>
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}

export function NotFoundRoute() {
  return <NotFoundContent />;
}
