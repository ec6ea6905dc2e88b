import { skmResponsesPageSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface SkmResponsesParams {
  kode: string;
  tahun: number;
  semester?: number | undefined;
  page: number;
  pageSize: number;
}

export function getSkmResponses({ kode, ...query }: SkmResponsesParams, signal?: AbortSignal) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/responses`, {
    schema: skmResponsesPageSchema,
    query: { ...query },
    ...(signal ? { signal } : {}),
  });
}

export const skmResponsesQueryOptions = (params: SkmResponsesParams) =>
  queryOptions({
    queryKey: ['skm', 'responses', params],
    queryFn: ({ signal }) => getSkmResponses(params, signal),
    placeholderData: keepPreviousData,
  });

export function useSkmResponses(params: SkmResponsesParams, enabled = true) {
  return useQuery({ ...skmResponsesQueryOptions(params), enabled });
}
