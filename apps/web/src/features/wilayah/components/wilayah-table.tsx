import { Anchor, Box, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Wilayah } from '@sip/contracts';
import { IconBuildingCommunity, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatNumber } from '@/lib/format';

const unitLevels = new Set<Wilayah['level']>(['kecamatan', 'kelurahan_desa']);

interface WilayahTableProps {
  items: Wilayah[];
  /** Accessible name of the table, e.g. "Kecamatan KOTA BANDUNG". */
  caption: string;
}

function NameLink({ w }: { w: Wilayah }) {
  if (w.level === 'kelurahan_desa') {
    return (
      <Text fw={600} span>
        {w.nama}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={paths.wilayah.detail.getHref(w.kode)} fw={600}>
      {w.nama}
      <IconChevronRight size={16} aria-hidden style={{ verticalAlign: 'middle', marginLeft: 2 }} />
    </Anchor>
  );
}

function UnitLink({ w }: { w: Wilayah }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={paths.unit.getHref(w.kode)}
      size="sm"
      aria-label={t('wilayah.unitProfileOf', { name: w.nama })}
      style={{ whiteSpace: 'nowrap' }}
    >
      <IconBuildingCommunity size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
      {t('wilayah.unitProfile')}
    </Anchor>
  );
}

/**
 * Children of a wilayah: each row drills down, and units (kecamatan, kelurahan) link to their profile.
 * A table from tablet width up; on a phone the same rows as a list, so nothing scrolls sideways.
 */
export function WilayahTable({ items, caption }: WilayahTableProps) {
  const { t } = useTranslation();
  const level = items[0]?.level ?? 'kecamatan';
  const showCount = level !== 'kelurahan_desa';
  const showUnit = unitLevels.has(level);
  const countLabel = t(`childCount.${level}`);

  return (
    <>
      <Box visibleFrom="sm">
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <VisuallyHidden component="caption">{caption}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={150}>
                  {t('common.code')}
                </Table.Th>
                <Table.Th scope="col">{t('common.name')}</Table.Th>
                {showCount ? (
                  <Table.Th scope="col" ta="right">
                    {countLabel}
                  </Table.Th>
                ) : null}
                {showUnit ? (
                  <Table.Th scope="col" ta="right">
                    <VisuallyHidden>{t('wilayah.unitProfile')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((w) => (
                <Table.Tr key={w.kode}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" c="dimmed">
                      {w.kode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NameLink w={w} />
                  </Table.Td>
                  {showCount ? (
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(w.jumlahAnak)}
                    </Table.Td>
                  ) : null}
                  {showUnit ? (
                    <Table.Td ta="right">
                      <UnitLink w={w} />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Box>

      <Paper
        withBorder
        radius="md"
        hiddenFrom="sm"
        component="ul"
        aria-label={caption}
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((w, i) => (
          <Group
            key={w.kode}
            component="li"
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            px="md"
            py="sm"
            style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
          >
            <Box miw={0}>
              <NameLink w={w} />
              <Text size="xs" c="dimmed">
                <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{w.kode}</span>
                {showCount ? ` · ${countLabel}: ${formatNumber(w.jumlahAnak)}` : null}
              </Text>
            </Box>
            {showUnit ? <UnitLink w={w} /> : null}
          </Group>
        ))}
      </Paper>
    </>
  );
}
