import { type UpdateUserBody, userSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export function updateUser({ id, body }: { id: string; body: UpdateUserBody }) {
  return apiRequest(`/users/${encodeURIComponent(id)}`, { method: 'PUT', body, schema: userSchema });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
