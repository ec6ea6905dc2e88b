import { notificationListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getNotifications(signal?: AbortSignal) {
  return apiRequest('/notifications', { schema: notificationListSchema, ...(signal ? { signal } : {}) });
}

export const notificationsQueryOptions = () =>
  queryOptions({ queryKey: ['notifications', 'list'], queryFn: ({ signal }) => getNotifications(signal) });

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
