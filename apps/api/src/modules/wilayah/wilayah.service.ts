import type { Wilayah, WilayahWithPath } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import type { WilayahRepo } from './wilayah.repo';

/** Ancestors of a code: 32.73.02.1004 -> 32, 32.73, 32.73.02. */
export const ancestorsOf = (kode: string) => {
  const parts = kode.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
};

export function createWilayahService({ repo }: { repo: WilayahRepo }) {
  return {
    async get(kode: string): Promise<WilayahWithPath> {
      const row = await repo.get(kode);
      if (!row) throw new AppError('NOT_FOUND', `Wilayah dengan kode ${kode} tidak ditemukan.`);
      const ancestors = await repo.getMany(ancestorsOf(kode));
      ancestors.sort((a, b) => a.kode.length - b.kode.length);
      return { ...row, jalur: ancestors.map(({ kode, nama, level }) => ({ kode, nama, level })) };
    },

    async children(kode: string | null): Promise<Wilayah[]> {
      if (kode !== null && !(await repo.get(kode))) {
        throw new AppError('NOT_FOUND', `Wilayah dengan kode ${kode} tidak ditemukan.`);
      }
      return repo.children(kode);
    },

    search: repo.search,
  };
}
export type WilayahService = ReturnType<typeof createWilayahService>;
