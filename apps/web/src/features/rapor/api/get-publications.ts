import { publicationsResponseSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getPublications(tahun: number, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/publikasi`, {
    schema: publicationsResponseSchema,
    ...(signal ? { signal } : {}),
  });
}

export const publicationsQueryOptions = (tahun: number) =>
  queryOptions({
    queryKey: ['rapor', tahun, 'publikasi'],
    queryFn: ({ signal }) => getPublications(tahun, signal),
  });

export function usePublications(tahun: number) {
  return useQuery(publicationsQueryOptions(tahun));
}
