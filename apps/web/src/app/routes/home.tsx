import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Role, RoleAssignment } from '@sip/contracts';
import {
  IconBuildingCommunity,
  IconCalendar,
  IconChartBar,
  IconChecklist,
  IconClipboardList,
  IconCoin,
  IconListDetails,
  IconMap2,
  IconPencil,
  IconShieldCheck,
  IconSitemap,
  IconUser,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { TugasList } from '@/features/beranda/components/tugas-list';
import { dayInZone, formatLongDate } from '@/lib/format';

const roleIcons: Record<Role, ReactNode> = {
  admin: <IconShieldCheck size={22} />,
  verifikator: <IconChecklist size={22} />,
  analis: <IconChartBar size={22} />,
  camat: <IconBuildingCommunity size={22} />,
  lurah: <IconBuildingCommunity size={22} />,
  operator: <IconPencil size={22} />,
  pegawai: <IconListDetails size={22} />,
  verifikator_kinerja: <IconChecklist size={22} />,
  admin_kepegawaian: <IconSitemap size={22} />,
  bendahara: <IconCoin size={22} />,
};

function RoleCard({ assignment }: { assignment: RoleAssignment }) {
  const { t } = useTranslation();
  const { role, wilayahKode, wilayahNama } = assignment;
  const isUnitRole = role === 'camat' || role === 'lurah' || role === 'operator';
  const headingId = `peran-${assignment.id}`;
  const roleId = `peran-${assignment.id}-nama`;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${roleId} ${headingId}`}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={42} radius="md" variant="light" aria-hidden>
            {roleIcons[role]}
          </ThemeIcon>
          <div>
            <Text
              id={roleId}
              size="sm"
              fw={700}
              c="blue.8"
              tt="uppercase"
              style={{ letterSpacing: '0.04em' }}
            >
              {t(`role.${role}`)}
            </Text>
            <Title order={3} size="h4" id={headingId}>
              {wilayahNama}
            </Title>
            <Text size="xs" c="dimmed" ff="monospace">
              {wilayahKode}
            </Text>
          </div>
        </Group>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {t(`roleDescription.${role}`)}
        </Text>
        <Group gap="xs">
          {isUnitRole ? (
            <Button
              component={Link}
              to={paths.unit.getHref(wilayahKode)}
              size="xs"
              leftSection={<IconBuildingCommunity size={16} aria-hidden />}
            >
              {t('home.openUnit')}
            </Button>
          ) : null}
          {role === 'pegawai' ? (
            <>
              <Button
                component={Link}
                to={paths.aktivitas.hari.getHref()}
                size="xs"
                leftSection={<IconListDetails size={16} aria-hidden />}
              >
                {t('home.openAktivitas')}
              </Button>
              <Button
                component={Link}
                to={paths.tim.root.getHref()}
                size="xs"
                variant="light"
                leftSection={<IconUsersGroup size={16} aria-hidden />}
              >
                {t('home.openTim')}
              </Button>
            </>
          ) : null}
          {role === 'verifikator_kinerja' ? (
            <Button
              component={Link}
              to={paths.verifikasiKinerja.root.getHref()}
              size="xs"
              leftSection={<IconChecklist size={16} aria-hidden />}
            >
              {t('home.openVerifikasiKinerja')}
            </Button>
          ) : null}
          {role === 'admin_kepegawaian' ? (
            <Button
              component={Link}
              to={paths.kepegawaian.root.getHref()}
              size="xs"
              leftSection={<IconSitemap size={16} aria-hidden />}
            >
              {t('home.openKepegawaian')}
            </Button>
          ) : null}
          {role === 'admin' ? (
            <Button
              component={Link}
              to={paths.admin.audit.getHref()}
              size="xs"
              leftSection={<IconClipboardList size={16} aria-hidden />}
            >
              {t('home.openAudit')}
            </Button>
          ) : null}
          <Button
            component={Link}
            to={paths.wilayah.detail.getHref(wilayahKode)}
            size="xs"
            variant="light"
            leftSection={<IconMap2 size={16} aria-hidden />}
          >
            {t('home.openWilayah')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;

  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <PageTitle title={t('home.title')}>{t('home.greeting', { name: me.namaLengkap })}</PageTitle>
        <Group gap={6} c="dimmed">
          <IconCalendar size={18} aria-hidden />
          <Text size="sm" c="dimmed">
            <time dateTime={dayInZone(new Date())}>{formatLongDate(new Date())}</time>
          </Text>
          <Text size="sm" c="dimmed" aria-hidden>
            ·
          </Text>
          <IconUser size={18} aria-hidden />
          <Text size="sm" c="dimmed">
            {me.username}
          </Text>
        </Group>
      </Stack>

      {me.roles.length > 0 ? <TugasList /> : null}

      <Stack gap="sm" component="section" aria-labelledby="peran-anda">
        <Title order={2} size="h3" id="peran-anda">
          {t('home.rolesHeading')}
        </Title>
        {me.roles.length === 0 ? (
          <EmptyState>{t('home.noRoles')}</EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('home.rolesIntro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {me.roles.map((r) => (
                <RoleCard key={r.id} assignment={r} />
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Stack>
  );
}
