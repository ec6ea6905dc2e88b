import { Group, Select, Text } from '@mantine/core';
import type { Role, Wilayah } from '@sip/contracts';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** The children of a wilayah: the wilayah feature's query options, handed down by the app. */
export type WilayahChildrenQuery = (
  kode: string,
) => UseQueryOptions<{ items: Wilayah[] }, Error, { items: Wilayah[] }, string[]>;

interface ScopePickerProps {
  role: Role;
  value: string;
  onChange: (kode: string) => void;
  pemda: { kode: string; nama: string };
  wilayahChildren: WilayahChildrenQuery;
  error?: string | undefined;
  /** Distinguishes the inputs of several role rows for screen readers. */
  rowLabel: string;
}

const kecamatanOf = (kode: string) =>
  kode.split('.').length >= 3 ? kode.split('.').slice(0, 3).join('.') : null;

/**
 * Where a role applies, picked down the wilayah tree: the pemda itself (admin, analis), a kecamatan
 * (camat; verifikator may also take the whole pemda), a kelurahan (lurah; operator may also take a
 * kecamatan office).
 */
export function ScopePicker({
  role,
  value,
  onChange,
  pemda,
  wilayahChildren,
  error,
  rowLabel,
}: ScopePickerProps) {
  const { t } = useTranslation();
  const kecamatanKode = kecamatanOf(value);
  const kecamatan = useQuery(wilayahChildren(role === 'admin' || role === 'analis' ? '' : pemda.kode));
  const needsKelurahan = role === 'lurah' || role === 'operator';
  const kelurahan = useQuery(wilayahChildren(needsKelurahan ? (kecamatanKode ?? '') : ''));

  if (role === 'admin' || role === 'analis') {
    return (
      <Text size="sm" pt={{ base: 0, sm: 28 }}>
        {pemda.nama} ({pemda.kode})
      </Text>
    );
  }

  const kecData = (kecamatan.data?.items ?? []).map((w) => ({
    value: w.kode,
    label: `${w.nama} (${w.kode})`,
  }));
  const kecSelect = (
    <Select
      label={t('admin.users.kecamatan')}
      aria-label={`${t('admin.users.kecamatan')} — ${rowLabel}`}
      placeholder={t('admin.users.pickKecamatan')}
      searchable
      nothingFoundMessage={t('common.empty')}
      data={
        role === 'verifikator'
          ? [{ value: pemda.kode, label: t('admin.users.wholePemda', { nama: pemda.nama }) }, ...kecData]
          : kecData
      }
      value={role === 'verifikator' && value === pemda.kode ? pemda.kode : kecamatanKode}
      onChange={(v) => onChange(v ?? '')}
      error={needsKelurahan ? undefined : error}
      style={{ flex: 1, minWidth: 200 }}
    />
  );
  if (!needsKelurahan) return kecSelect;

  const kelData = (kelurahan.data?.items ?? []).map((w) => ({
    value: w.kode,
    label: `${w.nama} (${w.kode})`,
  }));
  return (
    <Group gap="sm" align="flex-start" wrap="wrap" style={{ flex: 1 }}>
      {kecSelect}
      <Select
        label={t('admin.users.kelurahan')}
        aria-label={`${t('admin.users.kelurahan')} — ${rowLabel}`}
        placeholder={t('admin.users.pickKelurahan')}
        searchable
        disabled={!kecamatanKode}
        nothingFoundMessage={t('common.empty')}
        data={
          role === 'operator' && kecamatanKode
            ? [{ value: kecamatanKode, label: t('admin.users.kecamatanOffice') }, ...kelData]
            : kelData
        }
        value={
          value.split('.').length === 4 || (role === 'operator' && value === kecamatanKode) ? value : null
        }
        onChange={(v) => onChange(v ?? kecamatanKode ?? '')}
        error={error}
        style={{ flex: 1, minWidth: 200 }}
      />
    </Group>
  );
}
