import { okResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '@/lib/api-client';
import { meQueryOptions } from './get-me';

export async function logout() {
  try {
    await apiRequest('/auth/logout', { method: 'POST', schema: okResponseSchema, auth: 'none' });
  } finally {
    setCsrfToken(null);
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryOptions().queryKey, null);
    },
  });
}
