import { queueCountsSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getQueueCounts(signal?: AbortSignal) {
  return apiRequest('/laporan/queue/counts', { schema: queueCountsSchema, ...(signal ? { signal } : {}) });
}

export const queueCountsQueryOptions = () =>
  queryOptions({ queryKey: ['verifikasi', 'counts'], queryFn: ({ signal }) => getQueueCounts(signal) });

export function useQueueCounts() {
  return useQuery(queueCountsQueryOptions());
}
