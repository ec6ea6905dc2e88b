import { userSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

/** Lifts the lock wrong passwords put on an account, from every address. */
export function unlockUser({ id }: { id: string }) {
  return apiRequest(`/users/${encodeURIComponent(id)}/unlock`, { method: 'POST', schema: userSchema });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
