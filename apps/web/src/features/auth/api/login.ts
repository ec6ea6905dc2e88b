import { type LoginBody, loginResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export async function login(body: LoginBody) {
  const res = await apiRequest('/auth/login', {
    method: 'POST',
    body,
    schema: loginResponseSchema,
    auth: 'none',
  });
  setCsrfToken(res.csrfToken);
  return res.user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
