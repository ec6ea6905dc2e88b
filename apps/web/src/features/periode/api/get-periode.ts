import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { periodeRootKey } from './get-periodes';
import { periodeWithFrameworkSchema } from './periode-schema';

export function getPeriode(id: string, signal?: AbortSignal) {
  return apiRequest(`/periode/${encodeURIComponent(id)}`, {
    schema: periodeWithFrameworkSchema,
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
