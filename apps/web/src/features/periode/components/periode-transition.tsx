import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Periode } from '@sip/contracts';
import { IconAlertCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api-client';
import { useTransitionPeriode } from '../api/transition-periode';
import { detailMessages } from '../utils/framework-issues';

/** The one next step of a periode (draf → aktif → ditutup → diumumkan), confirmed with a reason. */
export function PeriodeTransition({ periode, blocked }: { periode: Periode; blocked: boolean }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const mutation = useTransitionPeriode();
  const next = periode.nextStatus;
  if (!next) return null;
  const details = detailMessages(mutation.error);

  return (
    <>
      <Button
        leftSection={<IconPlayerPlay size={16} aria-hidden />}
        onClick={open}
        disabled={blocked && next === 'aktif'}
      >
        {t(`admin.periode.action.${next}`)}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={opened}
        onClose={() => {
          close();
          mutation.reset();
        }}
        title={t('admin.periode.confirmTitle', {
          tahun: periode.tahun,
          status: t(`admin.periode.status.${next}`),
        })}
      >
        <Stack gap="sm">
          <Text size="sm">{t(`admin.periode.confirm.${next}`)}</Text>
          <Textarea
            label={t('admin.periode.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            data-autofocus
          />
          {mutation.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              <Text size="sm">{errorMessage(mutation.error)}</Text>
              {details.length > 1 ? (
                <List size="sm" mt="xs">
                  {details.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={mutation.isPending}
              onClick={() =>
                mutation.mutate(
                  {
                    id: periode.id,
                    body: { version: periode.version, to: next, reason: reason.trim() || undefined },
                  },
                  {
                    onSuccess: (p) => {
                      close();
                      setReason('');
                      notifications.show({
                        closeButtonProps: { 'aria-label': t('admin.close') },
                        color: 'teal',
                        message: t('admin.periode.transitioned', {
                          tahun: p.tahun,
                          status: t(`admin.periode.status.${p.status}`),
                        }),
                      });
                    },
                  },
                )
              }
            >
              {t(`admin.periode.action.${next}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
