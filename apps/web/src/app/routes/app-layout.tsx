import {
  Anchor,
  AppShell,
  Avatar,
  Box,
  Burger,
  Button,
  Container,
  Divider,
  Group,
  NavLink,
  Progress,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { Me } from '@sip/contracts';
import {
  IconBuildingCommunity,
  IconCalendarMonth,
  IconCalendarStats,
  IconCalendarWeek,
  IconChartBar,
  IconChecklist,
  IconClipboardList,
  IconFileText,
  IconHelp,
  IconHome,
  IconHourglass,
  IconKey,
  IconListDetails,
  IconLogout,
  IconMap2,
  IconMapPin,
  IconMessageCheck,
  IconMoodSmile,
  IconReportAnalytics,
  IconSitemap,
  IconSpeakerphone,
  IconTrophy,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { LatihanBanner, LatihanSwitch } from '@/features/periode/components/latihan-banner';
import { activeNavKey, buildNavigation, type NavIcon } from '../navigation';

const icons: Record<NavIcon, ReactNode> = {
  home: <IconHome size={20} aria-hidden />,
  wilayah: <IconMap2 size={20} aria-hidden />,
  unit: <IconBuildingCommunity size={20} aria-hidden />,
  scope: <IconSitemap size={20} aria-hidden />,
  audit: <IconClipboardList size={20} aria-hidden />,
  jobs: <IconHourglass size={20} aria-hidden />,
  periode: <IconCalendarStats size={20} aria-hidden />,
  users: <IconUsers size={20} aria-hidden />,
  account: <IconKey size={20} aria-hidden />,
  skm: <IconMoodSmile size={20} aria-hidden />,
  skmModeration: <IconMessageCheck size={20} aria-hidden />,
  laporan: <IconFileText size={20} aria-hidden />,
  verifikasi: <IconChecklist size={20} aria-hidden />,
  rapor: <IconReportAnalytics size={20} aria-hidden />,
  rankings: <IconTrophy size={20} aria-hidden />,
  analytics: <IconChartBar size={20} aria-hidden />,
  publication: <IconSpeakerphone size={20} aria-hidden />,
  aktivitasHari: <IconListDetails size={20} aria-hidden />,
  aktivitasMinggu: <IconCalendarWeek size={20} aria-hidden />,
  aktivitasBulan: <IconCalendarMonth size={20} aria-hidden />,
  tim: <IconUsersGroup size={20} aria-hidden />,
  verifikasiKinerja: <IconChecklist size={20} aria-hidden />,
  kepegawaian: <IconUserShield size={20} aria-hidden />,
  help: <IconHelp size={20} aria-hidden />,
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

function UserSummary({ me }: { me: Me }) {
  const { t } = useTranslation();
  const first = me.roles[0];
  const more = me.roles.length - 1;
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <Avatar color="blue" radius="xl" size={36} aria-hidden>
        {initials(me.namaLengkap)}
      </Avatar>
      <Box miw={0}>
        <Text size="sm" fw={600} lh={1.3} truncate="end">
          {me.namaLengkap}
        </Text>
        {first ? (
          <Text size="xs" c="dimmed" lh={1.3} truncate="end">
            {t(`role.${first.role}`)} · {first.wilayahNama}
            {more > 0 ? ` +${more}` : ''}
          </Text>
        ) : null}
      </Box>
    </Group>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  // While logging out the user is cleared before the login page opens; don't redirect with a return path.
  const [loggingOut, setLoggingOut] = useState(false);

  if (!me) {
    if (loggingOut) return null;
    return <Navigate to={paths.login.getHref({ returnTo: location.pathname + location.search })} replace />;
  }

  const items = buildNavigation(me);
  const activeKey = activeNavKey(items, location.pathname);
  const loading = navigation.state === 'loading';

  const handleLogout = () => {
    setLoggingOut(true);
    logout.mutate(undefined, {
      onSettled: () => void navigate(paths.login.getHref({ reason: 'keluar' }), { replace: true }),
    });
  };

  const logoutButton = (fullWidth: boolean) => (
    <Button
      variant="default"
      size="sm"
      fullWidth={fullWidth}
      leftSection={<IconLogout size={18} aria-hidden />}
      onClick={handleLogout}
      loading={logout.isPending}
    >
      {t('nav.logout')}
    </Button>
  );

  return (
    <>
      <a href="#konten" className="skip-link">
        {t('nav.skip')}
      </a>
      {loading ? (
        <Progress value={100} animated size="xs" radius={0} className="nav-progress" aria-hidden />
      ) : null}
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="navigasi-utama"
              />
              <Anchor
                component={Link}
                to={paths.home.getHref()}
                underline="never"
                c="var(--mantine-color-text)"
                onClick={close}
              >
                <Group gap="xs" wrap="nowrap">
                  <ThemeIcon size={34} radius="md" aria-hidden>
                    <IconMapPin size={20} />
                  </ThemeIcon>
                  <Text fw={700} size="md" visibleFrom="xs" lh={1.2}>
                    {t('app.name')}
                  </Text>
                  <Text fw={700} size="md" hiddenFrom="xs" lh={1.2}>
                    {t('app.shortName')}
                  </Text>
                </Group>
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Box visibleFrom="md" maw={260}>
                <UserSummary me={me} />
              </Box>
              <NotificationBell />
              <LanguageSwitch />
              <Box visibleFrom="sm">{logoutButton(false)}</Box>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          id="navigasi-utama"
          aria-label={t('nav.label')}
          p="sm"
          // Off-screen links must not take keyboard focus while the phone menu is closed.
          inert={isPhone && !opened}
        >
          <AppShell.Section grow component={ScrollArea} type="auto">
            <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((item) => {
                const active = item.key === activeKey;
                return (
                  <li key={item.key}>
                    <NavLink
                      component={Link}
                      to={item.to}
                      label={t(item.label)}
                      description={item.description}
                      leftSection={icons[item.icon]}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={close}
                      variant="light"
                      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
                    />
                  </li>
                );
              })}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <Divider my="sm" />
            <LatihanSwitch />
          </AppShell.Section>
          <AppShell.Section hiddenFrom="md">
            <Divider my="sm" />
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                {t('nav.signedInAs')}
              </Text>
              <UserSummary me={me} />
              <Box hiddenFrom="sm">{logoutButton(true)}</Box>
            </Stack>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="konten" tabIndex={-1} aria-busy={loading}>
          <Container size="lg" px={0} py={{ base: 'xs', sm: 'md' }}>
            <LatihanBanner />
            <Outlet />
            <Text component="footer" size="xs" c="dimmed" mt="xl" ta="center">
              {t('app.attribution')}
            </Text>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
