import { type QueueQuery, queuePageSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getQueue(query: QueueQuery, signal?: AbortSignal) {
  return apiRequest('/verifikasi/queue', {
    schema: queuePageSchema,
    query: { ...query },
    ...(signal ? { signal } : {}),
  });
}

export const queueQueryOptions = (query: QueueQuery) =>
  queryOptions({
    queryKey: ['verifikasi', 'queue', query],
    queryFn: ({ signal }) => getQueue(query, signal),
    placeholderData: keepPreviousData,
  });

export function useQueue(query: QueueQuery) {
  return useQuery(queueQueryOptions(query));
}
