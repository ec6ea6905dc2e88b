import { timelineSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getTimeline(id: string, signal?: AbortSignal) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/timeline`, {
    schema: timelineSchema,
    ...(signal ? { signal } : {}),
  });
}

export const timelineQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['laporan', 'timeline', id], queryFn: ({ signal }) => getTimeline(id, signal) });

export function useTimeline(id: string) {
  return useQuery(timelineQueryOptions(id));
}
