import { unitSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getUnit(kode: string, signal?: AbortSignal) {
  return apiRequest(`/unit/${encodeURIComponent(kode)}`, {
    schema: unitSchema,
    ...(signal ? { signal } : {}),
  });
}

export const unitQueryOptions = (kode: string) =>
  queryOptions({
    queryKey: ['units', 'detail', kode],
    queryFn: ({ signal }) => getUnit(kode, signal),
  });

export function useUnit(kode: string) {
  return useQuery(unitQueryOptions(kode));
}
