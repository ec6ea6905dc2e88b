import { topTenSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getTopTen(tahun: number, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/sepuluh-besar`, { schema: topTenSchema, ...(signal ? { signal } : {}) });
}

export const topTenQueryOptions = (tahun: number) =>
  queryOptions({
    queryKey: ['rapor', tahun, 'sepuluh-besar'],
    queryFn: ({ signal }) => getTopTen(tahun, signal),
  });

export function useTopTen(tahun: number) {
  return useQuery(topTenQueryOptions(tahun));
}
