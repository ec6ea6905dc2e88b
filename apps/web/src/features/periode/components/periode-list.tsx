import { Anchor, Table, Text } from '@mantine/core';
import type { PeriodeSummary } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { paths } from '@/config/paths';
import { formatDateTime, formatNumber } from '@/lib/format';
import { PeriodeStatusBadge } from './periode-status-badge';

export function PeriodeList({ items }: { items: PeriodeSummary[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <EmptyState />;
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.periode.tahun')}</Table.Th>
            <Table.Th scope="col">{t('admin.periode.statusLabel')}</Table.Th>
            <Table.Th scope="col">{t('admin.periode.contents')}</Table.Th>
            <Table.Th scope="col">{t('admin.periode.updatedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.admin.periode.detail.getHref(p.id)} fw={700}>
                  {t('admin.periode.name', { tahun: p.tahun })}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <PeriodeStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('admin.periode.counts', {
                    bidang: formatNumber(p.bidangCount),
                    indikator: formatNumber(p.indikatorCount),
                  })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <time dateTime={p.updatedAt}>{formatDateTime(p.updatedAt)}</time>
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
