import { hariLiburListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kepegawaianRootKey } from './get-unit-kerja';

export function getLibur(tahun: number, signal?: AbortSignal) {
  return apiRequest('/kepegawaian/libur', {
    schema: hariLiburListSchema,
    query: { tahun },
    ...(signal ? { signal } : {}),
  });
}

export const liburQueryOptions = (tahun: number) =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'libur', tahun],
    queryFn: ({ signal }) => getLibur(tahun, signal),
  });

export function useLibur(tahun: number) {
  return useQuery(liburQueryOptions(tahun));
}
