import { wilayahListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getWilayahChildren(kode: string, signal?: AbortSignal) {
  return apiRequest(`/wilayah/${encodeURIComponent(kode)}/anak`, {
    schema: wilayahListSchema,
    ...(signal ? { signal } : {}),
  });
}

export const wilayahChildrenQueryOptions = (kode: string) =>
  queryOptions({
    queryKey: ['wilayah', 'anak', kode],
    queryFn: ({ signal }) => getWilayahChildren(kode, signal),
    staleTime: 60 * 60_000,
  });

export function useWilayahChildren(kode: string) {
  return useQuery(wilayahChildrenQueryOptions(kode));
}
