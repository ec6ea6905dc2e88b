import { laporanDetailSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getLaporan(id: string, signal?: AbortSignal) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}`, {
    schema: laporanDetailSchema,
    ...(signal ? { signal } : {}),
  });
}

export const laporanQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['laporan', 'detail', id],
    queryFn: ({ signal }) => getLaporan(id, signal),
    // The form keeps its own copy while typing; a background refetch must not overwrite it.
    refetchOnWindowFocus: false,
  });

export function useLaporan(id: string) {
  return useQuery(laporanQueryOptions(id));
}
