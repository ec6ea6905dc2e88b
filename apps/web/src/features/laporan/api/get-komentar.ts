import { komentarListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getKomentar(id: string, signal?: AbortSignal) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/komentar`, {
    schema: komentarListSchema,
    ...(signal ? { signal } : {}),
  });
}

export const komentarQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['laporan', 'komentar', id], queryFn: ({ signal }) => getKomentar(id, signal) });

/** The discussion of every indicator of a report (one request, shared by the entries). */
export function useKomentar(id: string) {
  return useQuery(komentarQueryOptions(id));
}
