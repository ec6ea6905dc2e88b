import { unreadCountSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Polled every minute: a background request, not the person's activity (idle timeout). */
export function getUnreadCount(signal?: AbortSignal) {
  return apiRequest('/notifications/unread-count', {
    schema: unreadCountSchema,
    background: true,
    ...(signal ? { signal } : {}),
  });
}

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: 60_000,
  });

export function useUnreadCount() {
  return useQuery(unreadCountQueryOptions());
}
