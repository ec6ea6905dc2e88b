import { periodeListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getPeriodes(signal?: AbortSignal) {
  return apiRequest('/periode', { schema: periodeListSchema, ...(signal ? { signal } : {}) });
}

/** Every periode query (the list and each periode) starts with this key. */
export const periodeRootKey = ['periode'] as const;

export const periodesQueryOptions = () =>
  queryOptions({ queryKey: [...periodeRootKey, 'list'], queryFn: ({ signal }) => getPeriodes(signal) });

export function usePeriodes() {
  return useQuery(periodesQueryOptions());
}
