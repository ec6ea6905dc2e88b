import { pengaturanKinerjaSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kepegawaianRootKey } from './get-unit-kerja';

/** The kinerja settings of a year; `settings` is checked with packages/scoring `kinerjaSettingsSchema`. */
export function getPengaturan(tahun: number, signal?: AbortSignal) {
  return apiRequest(`/kepegawaian/pengaturan/${tahun}`, {
    schema: pengaturanKinerjaSchema,
    ...(signal ? { signal } : {}),
  });
}

export const pengaturanQueryOptions = (tahun: number) =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'pengaturan', tahun],
    queryFn: ({ signal }) => getPengaturan(tahun, signal),
  });

export function usePengaturan(tahun: number) {
  return useQuery(pengaturanQueryOptions(tahun));
}
