import { type ImportUsersBody, importUsersResultSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export function importUsers(body: ImportUsersBody) {
  return apiRequest('/users/import', { method: 'POST', body, schema: importUsersResultSchema });
}

export function useImportUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importUsers,
    onSuccess: (r) => {
      if (!r.dryRun) void queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
}
