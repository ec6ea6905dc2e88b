import { type SkmResponseStatus, skmResponsesPageSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface SkmResponsesParams {
  kode: string;
  tahun: number;
  semester?: number | undefined;
  status?: SkmResponseStatus | undefined;
  page: number;
  pageSize: number;
}

export function getSkmResponses({ kode, ...query }: SkmResponsesParams, signal?: AbortSignal) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/jawaban`, {
    schema: skmResponsesPageSchema,
    query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
    ...(signal ? { signal } : {}),
  });
}

/** Every page of responses starts with this key. */
export const skmResponsesQueryKey = ['skm', 'responses'] as const;

export const skmResponsesQueryOptions = (params: SkmResponsesParams) =>
  queryOptions({
    queryKey: [...skmResponsesQueryKey, params],
    queryFn: ({ signal }) => getSkmResponses(params, signal),
    placeholderData: keepPreviousData,
  });

export function useSkmResponses(params: SkmResponsesParams, enabled = true) {
  return useQuery({ ...skmResponsesQueryOptions(params), enabled });
}
