import { Select, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJabatan } from '../api/get-jabatan';
import { useUnitKerja } from '../api/get-unit-kerja';

/** A jabatan picked in two steps: its unit kerja, then the position (with its current holder, if any). */
export function JabatanPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (jabatanId: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const units = useUnitKerja();
  const [unitKerjaId, setUnitKerjaId] = useState<string | null>(null);
  const jabatan = useJabatan(unitKerjaId ?? '');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <Select
        label={t('kepegawaian.jabatan.unitKerja')}
        placeholder={t('kepegawaian.jabatan.unitKerjaPlaceholder')}
        searchable
        data={(units.data?.items ?? []).filter((u) => u.aktif).map((u) => ({ value: u.id, label: u.nama }))}
        value={unitKerjaId}
        onChange={(v) => {
          setUnitKerjaId(v);
          onChange(null);
        }}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('kepegawaian.pegawai.jabatan')}
        placeholder={t('kepegawaian.pegawai.jabatanPlaceholder')}
        searchable
        clearable
        disabled={!unitKerjaId}
        data={(jabatan.data?.items ?? [])
          .filter((j) => j.aktif)
          .map((j) => ({
            value: j.id,
            label:
              j.pemegang.length > 0
                ? `${j.nama} — ${j.pemegang.map((p) => p.nama).join(', ')}`
                : `${j.nama} — ${t('kepegawaian.jabatan.kosong')}`,
          }))}
        value={value}
        onChange={onChange}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}
