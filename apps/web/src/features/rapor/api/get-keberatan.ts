import { keberatanListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getKeberatan(tahun: number, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/keberatan`, {
    schema: keberatanListSchema,
    ...(signal ? { signal } : {}),
  });
}

export const keberatanQueryOptions = (tahun: number) =>
  queryOptions({
    queryKey: ['rapor', tahun, 'keberatan'],
    queryFn: ({ signal }) => getKeberatan(tahun, signal),
  });

export function useKeberatan(tahun: number) {
  return useQuery(keberatanQueryOptions(tahun));
}
