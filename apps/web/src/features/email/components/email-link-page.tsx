import { Alert, Anchor, Button, Card, Center, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { useFollowEmailLink } from '../api/follow-email-link';

/**
 * The page an e-mail's link opens: confirm the address, or stop e-mails. A button does it (not the
 * page load), so a mail scanner that follows links changes nothing.
 */
export function EmailLinkPage({
  mode,
  token,
  settingsHref,
}: {
  mode: 'konfirmasi' | 'berhenti';
  token: string | null;
  settingsHref: string;
}) {
  const { t } = useTranslation();
  const follow = useFollowEmailLink();
  const done = follow.data;
  return (
    <Center mih="100vh" p="md">
      <Card withBorder radius="md" padding="lg" maw={520} w="100%" component="main">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t(`email.link.${mode}Title`)}
          </Title>
          {!token ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {t('email.link.missing')}
            </Alert>
          ) : done ? (
            <Alert color="green" variant="light" role="status" icon={<IconCircleCheck aria-hidden />}>
              {t(`email.link.${done.hasil}`, { alamat: done.alamat ?? '' })}
            </Alert>
          ) : (
            <>
              <Text>{t(`email.link.${mode}Intro`)}</Text>
              {follow.isError ? (
                <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                  {errorMessage(follow.error)}
                </Alert>
              ) : null}
              <Button
                onClick={() => follow.mutate(token)}
                loading={follow.isPending}
                color={mode === 'berhenti' ? 'red' : undefined}
              >
                {t(`email.link.${mode}Action`)}
              </Button>
            </>
          )}
          <Anchor component={Link} to={settingsHref} size="sm">
            {t('email.link.settings')}
          </Anchor>
        </Stack>
      </Card>
    </Center>
  );
}
