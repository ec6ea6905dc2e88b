import { Button, Group, ScrollArea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '@/config/paths';

const tabs = [
  { key: 'unitKerja', to: paths.kepegawaian.unitKerja.getHref() },
  { key: 'jabatan', to: paths.kepegawaian.jabatan.getHref() },
  { key: 'pegawai', to: paths.kepegawaian.pegawai.getHref() },
  { key: 'kalender', to: paths.kepegawaian.kalender.getHref() },
  { key: 'cuti', to: paths.kepegawaian.cuti.getHref() },
  { key: 'pengaturan', to: paths.kepegawaian.pengaturan.getHref() },
] as const;

/** The personnel office's sections: links (each its own page and URL), the current one marked. */
export function KepegawaianTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <ScrollArea type="auto" offsetScrollbars component="nav" aria-label={t('kepegawaian.tabs.label')}>
      <Group gap={6} wrap="nowrap" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tabs.map((tab) => {
          const active = pathname === tab.to || pathname.startsWith(`${tab.to}/`);
          return (
            <li key={tab.key}>
              <Button
                component={Link}
                to={tab.to}
                size="xs"
                radius="xl"
                variant={active ? 'filled' : 'default'}
                aria-current={active ? 'page' : undefined}
              >
                {t(`kepegawaian.tabs.${tab.key}`)}
              </Button>
            </li>
          );
        })}
      </Group>
    </ScrollArea>
  );
}
