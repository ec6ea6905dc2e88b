import { unreadCountSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { notificationsQueryOptions } from './get-notifications';
import { unreadCountQueryOptions } from './get-unread-count';

/** Marks one notification read, or every one when no id is given. */
export function markRead({ id }: { id?: string }) {
  return apiRequest(id ? `/notifications/${encodeURIComponent(id)}/read` : '/notifications/read-all', {
    method: 'POST',
    schema: unreadCountSchema,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notificationsQueryOptions().queryKey });
      void queryClient.invalidateQueries({ queryKey: unreadCountQueryOptions().queryKey });
    },
  });
}
