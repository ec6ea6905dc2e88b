import { userWithPasswordSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export function resetPassword({ id, version }: { id: string; version: number }) {
  return apiRequest(`/users/${encodeURIComponent(id)}/reset-password`, {
    method: 'POST',
    body: { version },
    schema: userWithPasswordSchema,
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
