import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Bantuan } from '@sip/contracts';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useBantuan } from '../api/get-bantuan';
import { BantuanForm } from './bantuan-form';

/** The pemda's helpdesk on the guide page; its admin edits it in place. */
export function BantuanCard({ pemdaKode, canEdit }: { pemdaKode: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const bantuan = useBantuan(pemdaKode);
  const [editing, setEditing] = useState(false);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="bantuan-edit-title">
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={2} size="h3" id="bantuan-edit-title">
          {editing ? t('panduan.bantuan.editTitle') : t('panduan.helpTitle')}
        </Title>
        {canEdit && !editing && bantuan.data ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('panduan.bantuan.edit')}
          </Button>
        ) : null}
      </Group>
      {bantuan.isPending ? (
        <LoadingState lines={3} />
      ) : bantuan.isError ? (
        <ErrorState
          error={bantuan.error}
          onRetry={() => void bantuan.refetch()}
          retrying={bantuan.isFetching}
        />
      ) : editing ? (
        <BantuanForm
          bantuan={bantuan.data}
          onSaved={() => {
            setEditing(false);
            notifications.show({ color: 'green', message: t('panduan.bantuan.saved') });
          }}
          onCancel={() => setEditing(false)}
          onReload={async () => (await bantuan.refetch()).data}
        />
      ) : (
        <BantuanContact bantuan={bantuan.data} />
      )}
    </Card>
  );
}

/** The contact lines that are set; before the admin sets any, the general advice. */
export function BantuanContact({ bantuan: b }: { bantuan: Bantuan }) {
  const { t } = useTranslation();
  if (!b.diisi) return <Text>{t('panduan.help')}</Text>;
  const wa = b.whatsapp.replace(/[^0-9]/g, '').replace(/^0/, '62');
  return (
    <Stack gap={4}>
      <Text fw={600}>{b.nama}</Text>
      {b.telepon ? (
        <Text size="sm">
          {t('panduan.bantuan.telepon')}:{' '}
          <Anchor href={`tel:${b.telepon.replace(/[^0-9+]/g, '')}`}>{b.telepon}</Anchor>
        </Text>
      ) : null}
      {b.whatsapp ? (
        <Text size="sm">
          {t('panduan.bantuan.whatsapp')}:{' '}
          <Anchor href={`https://wa.me/${wa}`} target="_blank" rel="noopener noreferrer">
            {b.whatsapp}
          </Anchor>
        </Text>
      ) : null}
      {b.email ? (
        <Text size="sm">
          {t('panduan.bantuan.email')}: <Anchor href={`mailto:${b.email}`}>{b.email}</Anchor>
        </Text>
      ) : null}
      {b.jamLayanan ? (
        <Text size="sm">
          {t('panduan.bantuan.jamLayanan')}: {b.jamLayanan}
        </Text>
      ) : null}
      {b.alamat ? (
        <Text size="sm">
          {t('panduan.bantuan.alamat')}: {b.alamat}
        </Text>
      ) : null}
    </Stack>
  );
}
