import { skmSaranPageSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface SkmSaranParams {
  status: 'menunggu' | 'disetujui' | 'disembunyikan';
  kode?: string | undefined;
  page: number;
  pageSize: number;
}

export function getSkmSaran(params: SkmSaranParams, signal?: AbortSignal) {
  return apiRequest('/skm/saran', {
    schema: skmSaranPageSchema,
    query: { ...params },
    ...(signal ? { signal } : {}),
  });
}

/** Every page of suggestions (any status) starts with this key. */
export const skmSaranQueryKey = ['skm', 'saran'] as const;

export const skmSaranQueryOptions = (params: SkmSaranParams) =>
  queryOptions({
    queryKey: [...skmSaranQueryKey, params],
    queryFn: ({ signal }) => getSkmSaran(params, signal),
    placeholderData: keepPreviousData,
  });

export function useSkmSaran(params: SkmSaranParams) {
  return useQuery(skmSaranQueryOptions(params));
}
