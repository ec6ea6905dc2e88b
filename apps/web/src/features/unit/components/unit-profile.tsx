import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Unit } from '@sip/contracts';
import { IconInfoCircle, IconLock, IconPencil, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { formatLongDateTime } from '@/lib/format';
import { isApiError } from '@/lib/http';
import { useUnit } from '../api/get-unit';
import { UnitProfileForm } from './unit-profile-form';

function Detail({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
        fs={value ? undefined : 'italic'}
        c={value ? undefined : 'dimmed'}
      >
        {value || t('common.notFilled')}
      </Text>
    </div>
  );
}

export function UnitProfile({ kode }: { kode: string }) {
  const { t } = useTranslation();
  const unit = useUnit(kode);
  const [editing, setEditing] = useState(false);

  if (unit.isPending) {
    return (
      <Stack>
        <PageTitle title={t('unit.title')} />
        <LoadingState lines={8} />
      </Stack>
    );
  }
  if (unit.isError) {
    const notFound = isApiError(unit.error, 'NOT_FOUND') || isApiError(unit.error, 'FORBIDDEN');
    return (
      <Stack gap="lg">
        <PageTitle title={t('unit.title')} />
        {notFound ? (
          <Alert
            color="yellow"
            variant="light"
            role="alert"
            icon={<IconInfoCircle aria-hidden />}
            title={t('unit.notFound')}
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('unit.notFoundHint')}</Text>
              <Anchor component={Link} to={paths.wilayah.root.getHref()} size="sm" fw={600}>
                {t('nav.wilayah')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <ErrorState error={unit.error} onRetry={() => void unit.refetch()} retrying={unit.isFetching} />
        )}
      </Stack>
    );
  }

  const u: Unit = unit.data;
  const levelWord = t(`level.${u.level}`);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle title={`${t('unit.title')} ${u.nama}`} eyebrow={levelWord}>
          {u.nama}
        </PageTitle>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed" ff="monospace">
            {u.kode}
          </Text>
          {u.indukKode && u.indukNama ? (
            <Text size="sm" c="dimmed">
              · {t('unit.parent')}{' '}
              <Anchor
                component={Link}
                to={paths.wilayah.detail.getHref(u.indukKode)}
                size="sm"
                underline="always"
              >
                {u.indukNama}
              </Anchor>
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            ·{' '}
            <Anchor component={Link} to={paths.wilayah.detail.getHref(u.kode)} size="sm" underline="always">
              {t('unit.viewWilayah')}
            </Anchor>
          </Text>
        </Group>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-labelledby={editing ? 'unit-edit-title' : 'kantor'}
          >
            <Group justify="space-between" mb="sm" gap="xs">
              <Title order={2} size="h4" id={editing ? 'unit-edit-title' : 'kantor'}>
                {editing ? t('unit.editTitle') : t('unit.office')}
              </Title>
              {u.canEdit && !editing ? (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  {t('unit.edit')}
                </Button>
              ) : null}
            </Group>
            {editing ? (
              <UnitProfileForm
                unit={u}
                onCancel={() => setEditing(false)}
                onReload={async () => (await unit.refetch()).data}
                onSaved={() => {
                  setEditing(false);
                  notifications.show({ color: 'green', title: t('unit.saved'), message: u.nama });
                }}
              />
            ) : (
              <Stack gap="md">
                <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md" m={0}>
                  <Detail label={t('unit.alamatKantor')} value={u.alamatKantor} wide />
                  <Detail label={t('unit.telepon')} value={u.telepon} />
                  <Detail label={t('unit.email')} value={u.email} />
                  <Detail label={t('unit.jamPelayanan')} value={u.jamPelayanan} wide />
                </SimpleGrid>
                <Text size="sm" c="dimmed">
                  {u.updatedAt
                    ? t('unit.updatedAt', { when: formatLongDateTime(u.updatedAt) })
                    : t('unit.neverUpdated')}
                </Text>
                {!u.canEdit ? (
                  <Group gap={6} wrap="nowrap">
                    <IconLock size={16} aria-hidden style={{ flexShrink: 0 }} />
                    <Text size="sm" c="dimmed">
                      {t('unit.readOnly')}
                    </Text>
                  </Group>
                ) : null}
              </Stack>
            )}
          </Card>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="pejabat">
            <Title order={2} size="h4" id="pejabat" mb="sm">
              {t('unit.officials')}
            </Title>
            {u.pejabat.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('unit.noOfficials')}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {u.pejabat.map((p) => (
                  <Group key={`${p.role}-${p.namaLengkap}`} component="li" gap="sm" wrap="nowrap">
                    <IconUser size={20} aria-hidden style={{ flexShrink: 0 }} />
                    <div>
                      <Text fw={600} size="sm">
                        {p.namaLengkap}
                      </Text>
                      <Badge size="sm" variant="light" radius="sm">
                        {t(`role.${p.role}`)}
                      </Badge>
                    </div>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
