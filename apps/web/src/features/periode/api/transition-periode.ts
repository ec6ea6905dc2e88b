import { type PeriodeTransitionBody, periodeSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { periodeQueryOptions } from './get-periode';
import { periodesQueryOptions } from './get-periodes';

export function transitionPeriode({ id, body }: { id: string; body: PeriodeTransitionBody }) {
  return apiRequest(`/periode/${encodeURIComponent(id)}/transition`, {
    method: 'POST',
    body,
    schema: periodeSchema,
  });
}

export function useTransitionPeriode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionPeriode,
    onSuccess: (periode) => {
      queryClient.setQueryData(periodeQueryOptions(periode.id).queryKey, periode);
      void queryClient.invalidateQueries({ queryKey: periodesQueryOptions().queryKey });
    },
  });
}
