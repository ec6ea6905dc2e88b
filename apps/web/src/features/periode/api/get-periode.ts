import { periodeSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { periodeRootKey } from './get-periodes';

export function getPeriode(id: string, signal?: AbortSignal) {
  return apiRequest(`/periode/${encodeURIComponent(id)}`, {
    schema: periodeSchema,
    ...(signal ? { signal } : {}),
  });
}

export const periodeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...periodeRootKey, 'detail', id],
    queryFn: ({ signal }) => getPeriode(id, signal),
  });

export function usePeriode(id: string) {
  return useQuery(periodeQueryOptions(id));
}
