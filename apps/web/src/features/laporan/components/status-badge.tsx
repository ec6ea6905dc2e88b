import { Badge } from '@mantine/core';
import type { LaporanStatus } from '@sip/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<LaporanStatus | 'belum', string> = {
  draf: 'gray',
  diajukan: 'blue',
  dikaji_camat: 'indigo',
  diverifikasi: 'green',
  dikembalikan: 'orange',
  dibuka_kembali: 'yellow',
  belum: 'gray',
};

export function LaporanStatusBadge({ status }: { status: LaporanStatus | null }) {
  const { t } = useTranslation();
  const s = status ?? 'belum';
  return (
    <Badge color={colors[s]} variant={s === 'belum' ? 'outline' : 'light'} radius="sm" c="dark.8">
      {t(`laporan.status.${s}`)}
    </Badge>
  );
}

export function LateBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" radius="sm" c="red.9">
      {t('laporan.overview.late')}
    </Badge>
  );
}
