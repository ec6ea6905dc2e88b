import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Db } from '../../db/client';
import type { WilayahInsert, WilayahRepo } from './wilayah.repo';

export interface ImportProgress {
  stage: string;
  done: number;
  total: number;
}

export interface ImportResult {
  provinsi: number;
  kabupatenKota: number;
  kecamatan: number;
  kelurahanDesa: number;
}

const BATCH = 2000;

/**
 * Imports real Kemendagri areas from idn-area-data: one regency (`32.73`), one province (`32`) or
 * all of Indonesia (`all`), with every ancestor. Idempotent: existing codes are updated in place.
 */
export async function importWilayah(
  deps: { db: Db; repo: WilayahRepo },
  target: string,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  const all = target === 'all';
  if (!all && !/^\d{2}(\.\d{2})?$/.test(target)) {
    throw new Error(
      `Unknown import target "${target}": give a province code (32), a regency code (32.73) or "all".`,
    );
  }
  const provCode = all ? null : target.slice(0, 2);
  const regCode = !all && target.length === 5 ? target : null;

  const provinces = (await getProvinces()).filter((p) => all || p.code === provCode);
  if (provinces.length === 0) throw new Error(`Province ${provCode} does not exist in idn-area-data.`);
  const regencies = (await getRegencies()).filter(
    (r) => all || (regCode ? r.code === regCode : r.province_code === provCode),
  );
  if (regCode && regencies.length === 0)
    throw new Error(`Regency ${regCode} does not exist in idn-area-data.`);
  const regencySet = new Set(regencies.map((r) => r.code));
  const districts = (await getDistricts()).filter((d) => regencySet.has(d.regency_code));
  const districtSet = new Set(districts.map((d) => d.code));
  const villages = (await getVillages()).filter((v) => districtSet.has(v.district_code));

  const rows: WilayahInsert[] = [
    ...provinces.map((p) => ({ kode: p.code, nama: p.name, level: 'provinsi' as const, indukKode: null })),
    ...regencies.map((r) => ({
      kode: r.code,
      nama: r.name,
      level: 'kabupaten_kota' as const,
      indukKode: r.province_code,
    })),
    ...districts.map((d) => ({
      kode: d.code,
      nama: d.name,
      level: 'kecamatan' as const,
      indukKode: d.regency_code,
    })),
    ...villages.map((v) => ({
      kode: v.code,
      nama: v.name,
      level: 'kelurahan_desa' as const,
      indukKode: v.district_code,
    })),
  ];
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await deps.repo.upsertMany(rows.slice(i, i + BATCH), tx);
      onProgress({ stage: 'wilayah', done: Math.min(i + BATCH, rows.length), total: rows.length });
    }
    await deps.repo.recountChildren(all ? null : (regCode ?? provCode), tx);
  });
  return {
    provinsi: provinces.length,
    kabupatenKota: regencies.length,
    kecamatan: districts.length,
    kelurahanDesa: villages.length,
  };
}
