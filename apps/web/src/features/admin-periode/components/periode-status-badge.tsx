import { Badge } from '@mantine/core';
import type { PeriodeStatus } from '@sip/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<PeriodeStatus, string> = {
  draf: 'gray',
  aktif: 'teal',
  ditutup: 'orange',
  diumumkan: 'blue',
};

export function PeriodeStatusBadge({ status }: { status: PeriodeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" size="lg" radius="sm">
      {t(`admin.periode.status.${status}`)}
    </Badge>
  );
}
