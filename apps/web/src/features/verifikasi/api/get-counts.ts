import { queueCountsSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getQueueCounts(periodeId?: string, signal?: AbortSignal) {
  return apiRequest('/laporan/queue/counts', {
    schema: queueCountsSchema,
    ...(periodeId ? { query: { periodeId } } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** Without `periodeId` the key is the prefix of every year's, so invalidating it refreshes them all. */
export const queueCountsQueryOptions = (periodeId?: string) =>
  queryOptions({
    queryKey: periodeId ? ['verifikasi', 'counts', periodeId] : ['verifikasi', 'counts'],
    queryFn: ({ signal }) => getQueueCounts(periodeId, signal),
  });

export function useQueueCounts(periodeId?: string) {
  return useQuery(queueCountsQueryOptions(periodeId));
}
