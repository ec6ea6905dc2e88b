import { Anchor, Breadcrumbs, Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { ZonaCard } from '@/features/pemda/components/zona-card';
import { usePeriode } from '@/features/periode/api/get-periode';
import { usePeriodes } from '@/features/periode/api/get-periodes';
import { CreatePeriodeForm } from '@/features/periode/components/create-periode-form';
import { FrameworkEditor } from '@/features/periode/components/framework-editor';
import { LatihanPanel } from '@/features/periode/components/latihan-panel';
import { PeriodeList } from '@/features/periode/components/periode-list';
import { PeriodeSettingsForm } from '@/features/periode/components/periode-settings-form';
import { PeriodeStatusBadge } from '@/features/periode/components/periode-status-badge';
import { PeriodeTransition } from '@/features/periode/components/periode-transition';

export function PeriodeListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = usePeriodes();
  const admin = useMe().data?.roles.find((r) => r.role === 'admin');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle title={t('admin.periode.title')} />
        <Text c="dimmed" size="sm">
          {t('admin.periode.intro')}
        </Text>
      </Stack>
      {list.isPending ? (
        <LoadingState lines={4} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <>
          <PeriodeList items={list.data.items} />
          <CreatePeriodeForm
            existing={list.data.items}
            onCreated={(p) => navigate(paths.admin.periode.detail.getHref(p.id))}
          />
          <LatihanPanel periodes={list.data.items} />
          {admin ? <ZonaCard pemdaKode={admin.wilayahKode} /> : null}
        </>
      )}
    </Stack>
  );
}

export function PeriodeDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = usePeriode(id);
  const p = query.data;
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('admin.breadcrumbs')}>
        <Anchor component={Link} to={paths.admin.periode.list.getHref()} size="sm">
          {t('admin.periode.title')}
        </Anchor>
        <Text size="sm">{p ? t('admin.periode.name', { tahun: p.tahun }) : '…'}</Text>
      </Breadcrumbs>
      {query.isPending ? (
        <LoadingState lines={8} />
      ) : query.isError || !p ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Group gap="sm" align="center">
              <PageTitle title={t('admin.periode.name', { tahun: p.tahun })} />
              <PeriodeStatusBadge status={p.status} />
            </Group>
            <PeriodeTransition periode={p} blocked={p.issues.length > 0} />
          </Group>
          <Tabs defaultValue="kerangka" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="kerangka">{t('admin.periode.tabFramework')}</Tabs.Tab>
              <Tabs.Tab value="pengaturan">{t('admin.periode.tabSettings')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="kerangka" pt="md">
              <FrameworkEditor
                key={`${p.id}:${p.version}`}
                periode={p}
                onReload={() => void query.refetch()}
                reloading={query.isFetching}
              />
            </Tabs.Panel>
            <Tabs.Panel value="pengaturan" pt="md">
              <PeriodeSettingsForm key={`${p.id}:${p.version}`} periode={p} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
