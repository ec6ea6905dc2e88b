import { periodeSchema } from '@sip/contracts';
import type { Framework } from '@sip/scoring';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { periodeQueryOptions } from './get-periode';
import { periodesQueryOptions } from './get-periodes';

export interface UpdateFrameworkInput {
  id: string;
  version: number;
  framework: Framework;
  reason?: string | undefined;
}

export function updateFramework({ id, ...body }: UpdateFrameworkInput) {
  return apiRequest(`/periode/${encodeURIComponent(id)}/framework`, {
    method: 'PUT',
    body,
    schema: periodeSchema,
  });
}

export function useUpdateFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFramework,
    onSuccess: (periode) => {
      queryClient.setQueryData(periodeQueryOptions(periode.id).queryKey, periode);
      void queryClient.invalidateQueries({ queryKey: periodesQueryOptions().queryKey });
    },
  });
}
