import { queuePageSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** The filters as the page holds them (all optional but status, page, pageSize). */
export interface QueueFilters {
  status: string;
  page: number;
  pageSize: number;
  kecamatan?: string;
  bulan?: number;
  late?: 'true' | 'false';
  periodeId?: string;
}

export function getQueue(query: QueueFilters, signal?: AbortSignal) {
  return apiRequest('/laporan/queue', {
    schema: queuePageSchema,
    query: { ...query },
    ...(signal ? { signal } : {}),
  });
}

/** Every page of the queue (any filter) starts with this key. */
export const queueQueryKey = ['verifikasi', 'queue'] as const;

export const queueQueryOptions = (query: QueueFilters) =>
  queryOptions({
    queryKey: [...queueQueryKey, query],
    queryFn: ({ signal }) => getQueue(query, signal),
    placeholderData: keepPreviousData,
  });

export function useQueue(query: QueueFilters) {
  return useQuery(queueQueryOptions(query));
}
