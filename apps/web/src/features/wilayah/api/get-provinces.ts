import { wilayahListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getProvinces(signal?: AbortSignal) {
  return apiRequest('/wilayah', { schema: wilayahListSchema, ...(signal ? { signal } : {}) });
}

export const provincesQueryOptions = () =>
  queryOptions({
    queryKey: ['wilayah', 'provinsi'],
    queryFn: ({ signal }) => getProvinces(signal),
    staleTime: 60 * 60_000,
  });

export function useProvinces() {
  return useQuery(provincesQueryOptions());
}
