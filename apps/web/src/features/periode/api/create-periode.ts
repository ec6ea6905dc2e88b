import { type CreatePeriodeBody, periodeSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { periodeQueryOptions } from './get-periode';
import { periodesQueryOptions } from './get-periodes';

export function createPeriode(body: CreatePeriodeBody) {
  return apiRequest('/periode', { method: 'POST', body, schema: periodeSchema });
}

export function useCreatePeriode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPeriode,
    onSuccess: (periode) => {
      queryClient.setQueryData(periodeQueryOptions(periode.id).queryKey, periode);
      void queryClient.invalidateQueries({ queryKey: periodesQueryOptions().queryKey });
    },
  });
}
