import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatusTampil } from '../utils/log-helpers';

const colors: Record<StatusTampil | 'antrean' | 'gagal', string> = {
  diajukan: 'blue',
  disetujui: 'green',
  dikurangi: 'yellow',
  ditolak: 'red',
  antrean: 'gray',
  gagal: 'orange',
};

export function AktivitasStatusBadge({ status }: { status: StatusTampil | 'antrean' | 'gagal' }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" radius="sm" c="dark.8" style={{ flexShrink: 0 }}>
      {t(`kinerja.status.${status}`)}
    </Badge>
  );
}
