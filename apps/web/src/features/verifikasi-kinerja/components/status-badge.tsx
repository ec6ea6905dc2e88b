import { Badge } from '@mantine/core';
import type { verifikasiStatus } from '@sip/contracts';
import { useTranslation } from 'react-i18next';

const colors = { belum: 'gray', berjalan: 'blue', ditutup: 'green' } as const;

export function VerifikasiStatusBadge({ status }: { status: (typeof verifikasiStatus)[number] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant={status === 'belum' ? 'outline' : 'light'} radius="sm" c="dark.8">
      {t(`kinerja.verifikasi.status.${status}`)}
    </Badge>
  );
}
