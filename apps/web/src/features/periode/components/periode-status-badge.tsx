import { Badge } from '@mantine/core';
import type { PeriodeStatus } from '@sip/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<PeriodeStatus, string> = {
  draf: 'gray.7',
  aktif: 'teal.9',
  ditutup: 'grape.9',
  diumumkan: 'blue.8',
};

export function PeriodeStatusBadge({ status }: { status: PeriodeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="outline" size="lg" radius="sm">
      {t(`admin.periode.status.${status}`)}
    </Badge>
  );
}
