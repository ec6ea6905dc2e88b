import { Accordion, Card, List, Stack, Text, Title } from '@mantine/core';
import { pemdaOf, type Role } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { DEFAULT_PEMDA } from '@/config/pemda';
import { useMe } from '@/features/auth/api/get-me';
import { BantuanCard } from '@/features/pemda/components/bantuan-card';
import { LatihanSwitch } from '@/features/periode/components/latihan-banner';
import { useLatihanMode } from '@/features/periode/latihan-mode';

const ROLES = ['lurah', 'operator', 'camat', 'verifikator', 'analis', 'admin'] as const;
type GuideRole = (typeof ROLES)[number];

/** The user guide: the signed-in person's roles first, then the others; the FAQ; the pemda's helpdesk. */
export function PanduanRoute() {
  const { t } = useTranslation();
  const roles = useMe().data?.roles ?? [];
  const mine = new Set<Role>(roles.map((r) => r.role));
  const pemdaKode = roles[0] ? pemdaOf(roles[0].wilayahKode) : DEFAULT_PEMDA;
  const isAdmin = roles.some((r) => r.role === 'admin' && r.wilayahKode === pemdaKode);
  const ordered: GuideRole[] = [...ROLES.filter((r) => mine.has(r)), ...ROLES.filter((r) => !mine.has(r))];
  const steps = (role: GuideRole) =>
    t(`panduan.roles.${role}.steps`, { returnObjects: true }) as readonly string[];
  const latihan = useLatihanMode();
  const faq = t('panduan.faq', { returnObjects: true }) as readonly { q: string; a: string }[];
  return (
    <Stack gap="lg" maw={860}>
      <PageTitle title={t('panduan.title')} />
      <Text>{t('panduan.intro')}</Text>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="panduan-latihan">
        <Stack gap="xs" align="flex-start">
          <Title order={2} size="h4" id="panduan-latihan">
            {t('panduan.latihanTitle')}
          </Title>
          <Text size="sm">{t('panduan.latihanText')}</Text>
          {latihan.available || latihan.on ? (
            <LatihanSwitch fullWidth={false} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('panduan.latihanNone')}
            </Text>
          )}
        </Stack>
      </Card>
      {ordered.map((role, i) => (
        <Card
          key={role}
          withBorder
          radius="md"
          padding="md"
          component="section"
          aria-labelledby={`panduan-${role}`}
        >
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {mine.has(role)
              ? t('panduan.yourRoles')
              : i === ordered.findIndex((r) => !mine.has(r))
                ? t('panduan.otherRoles')
                : ''}
          </Text>
          <Title order={2} size="h4" id={`panduan-${role}`}>
            {t(`panduan.roles.${role}.title`)}
          </Title>
          <List type="ordered" spacing={4} mt="xs">
            {steps(role).map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        </Card>
      ))}
      <section aria-labelledby="panduan-faq">
        <Title order={2} size="h3" id="panduan-faq" mb="xs">
          {t('panduan.faqTitle')}
        </Title>
        <Accordion variant="separated">
          {faq.map((f) => (
            <Accordion.Item key={f.q} value={f.q}>
              <Accordion.Control>{f.q}</Accordion.Control>
              <Accordion.Panel>{f.a}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </section>
      <BantuanCard pemdaKode={pemdaKode} canEdit={isAdmin} />
    </Stack>
  );
}
