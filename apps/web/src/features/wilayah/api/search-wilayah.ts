import { type WilayahLevel, wilayahSearchResultSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface WilayahSearchParams {
  q: string;
  dalam?: string | undefined;
  level?: WilayahLevel | undefined;
  limit?: number;
}

export const SEARCH_MIN_LENGTH = 2;

export function searchWilayah(params: WilayahSearchParams, signal?: AbortSignal) {
  return apiRequest('/wilayah/search', {
    schema: wilayahSearchResultSchema,
    query: { q: params.q, dalam: params.dalam, level: params.level, limit: params.limit ?? 20 },
    ...(signal ? { signal } : {}),
  });
}

export const searchWilayahQueryOptions = (params: WilayahSearchParams) =>
  queryOptions({
    queryKey: ['wilayah', 'cari', params],
    queryFn: ({ signal }) => searchWilayah(params, signal),
    enabled: params.q.trim().length >= SEARCH_MIN_LENGTH,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });

export function useSearchWilayah(params: WilayahSearchParams) {
  return useQuery(searchWilayahQueryOptions(params));
}
