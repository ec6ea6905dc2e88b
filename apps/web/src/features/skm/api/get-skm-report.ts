import { skmReportSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface SkmReportParams {
  kode: string;
  tahun: number;
  semester?: number | undefined;
  populasi?: number | undefined;
}

export function getSkmReport({ kode, ...query }: SkmReportParams, signal?: AbortSignal) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}`, {
    schema: skmReportSchema,
    query: { ...query },
    ...(signal ? { signal } : {}),
  });
}

/** Every report (any year, semester, population) starts with this key. */
export const skmReportQueryKey = ['skm', 'report'] as const;

export const skmReportQueryOptions = (params: SkmReportParams) =>
  queryOptions({
    queryKey: [...skmReportQueryKey, params],
    queryFn: ({ signal }) => getSkmReport(params, signal),
    placeholderData: keepPreviousData,
  });

export function useSkmReport(params: SkmReportParams) {
  return useQuery(skmReportQueryOptions(params));
}
