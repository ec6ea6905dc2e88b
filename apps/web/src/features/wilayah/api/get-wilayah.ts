import { wilayahWithPathSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getWilayah(kode: string, signal?: AbortSignal) {
  return apiRequest(`/wilayah/${encodeURIComponent(kode)}`, {
    schema: wilayahWithPathSchema,
    ...(signal ? { signal } : {}),
  });
}

export const wilayahQueryOptions = (kode: string) =>
  queryOptions({
    queryKey: ['wilayah', 'detail', kode],
    queryFn: ({ signal }) => getWilayah(kode, signal),
    // Area names and codes change rarely (a Kemendagri decree), so an hour is fresh enough.
    staleTime: 60 * 60_000,
  });

export function useWilayah(kode: string) {
  return useQuery(wilayahQueryOptions(kode));
}
