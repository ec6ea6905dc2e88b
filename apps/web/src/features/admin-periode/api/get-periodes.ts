import { periodeListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getPeriodes(signal?: AbortSignal) {
  return apiRequest('/periode', { schema: periodeListSchema, ...(signal ? { signal } : {}) });
}

export const periodesQueryOptions = () =>
  queryOptions({ queryKey: ['periode', 'list'], queryFn: ({ signal }) => getPeriodes(signal) });

export function usePeriodes() {
  return useQuery(periodesQueryOptions());
}
