import { analyticsResponseSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getAnalytics(tahun: number, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/analitik`, {
    schema: analyticsResponseSchema,
    ...(signal ? { signal } : {}),
  });
}

export const analyticsQueryOptions = (tahun: number) =>
  queryOptions({
    queryKey: ['rapor', tahun, 'analitik'],
    queryFn: ({ signal }) => getAnalytics(tahun, signal),
  });

export function useAnalytics(tahun: number) {
  return useQuery(analyticsQueryOptions(tahun));
}
