import { jabatanListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kepegawaianRootKey } from './get-unit-kerja';

/** The positions of a unit kerja, each with who holds it on `tanggal` (today without one). */
export function getJabatan(unitKerjaId: string, tanggal: string | undefined, signal?: AbortSignal) {
  return apiRequest('/kepegawaian/jabatan', {
    schema: jabatanListSchema,
    query: { unitKerjaId, tanggal },
    ...(signal ? { signal } : {}),
  });
}

export const jabatanQueryOptions = (unitKerjaId: string, tanggal?: string) =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'jabatan', unitKerjaId, tanggal ?? null],
    queryFn: ({ signal }) => getJabatan(unitKerjaId, tanggal, signal),
    enabled: unitKerjaId.length > 0,
  });

export function useJabatan(unitKerjaId: string, tanggal?: string) {
  return useQuery(jabatanQueryOptions(unitKerjaId, tanggal));
}
