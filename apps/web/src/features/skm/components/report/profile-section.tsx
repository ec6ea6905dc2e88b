import { SimpleGrid, Table, Title } from '@mantine/core';
import type { SkmReport } from '@sip/contracts';
import { useTranslation } from 'react-i18next';
import { TableHead } from '@/components/ui/table-head';
import { formatNumber, formatScore, NO_VALUE } from '@/lib/format';

/** Who answered: one small table per profile question. */
export function ProfileSection({ data }: { data: SkmReport }) {
  const { t } = useTranslation();
  const total = data.hasil.respondents;
  return (
    <section aria-labelledby="skm-profil">
      <Title order={2} size="h3" id="skm-profil" mb="xs">
        {t('skm.profile')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {data.profil.map((p) => (
          // A wrapper per grid cell, so the grid does not stretch a short table to its neighbour's height.
          <div key={p.field}>
            <Table withTableBorder striped captionSide="top">
              <Table.Caption
                style={{ textAlign: 'left', fontWeight: 600, color: 'inherit', marginBottom: 4 }}
              >
                {p.label}
              </Table.Caption>
              <TableHead
                columns={[
                  { label: t('skm.answer') },
                  { label: t('skm.count'), numeric: true },
                  { label: t('skm.percent'), numeric: true },
                ]}
              />
              <Table.Tbody>
                {p.items.map((it) => (
                  <Table.Tr key={it.value ?? 'kosong'}>
                    <Table.Td>{it.label}</Table.Td>
                    <Table.Td ta="right">{formatNumber(it.count)}</Table.Td>
                    <Table.Td ta="right">
                      {total ? `${formatScore((it.count / total) * 100, 1)}%` : NO_VALUE}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </SimpleGrid>
    </section>
  );
}
