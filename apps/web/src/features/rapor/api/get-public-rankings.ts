import { publicRankingsSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getPublicRankings(tahun: number, pemda: string, signal?: AbortSignal) {
  return apiRequest(`/public/peringkat/${tahun}`, {
    schema: publicRankingsSchema,
    query: { pemda },
    auth: 'none',
    ...(signal ? { signal } : {}),
  });
}

export const publicRankingsQueryOptions = (tahun: number, pemda: string) =>
  queryOptions({
    queryKey: ['public', 'peringkat', tahun, pemda],
    queryFn: ({ signal }) => getPublicRankings(tahun, pemda, signal),
    retry: false,
  });

export function usePublicRankings(tahun: number, pemda: string) {
  return useQuery(publicRankingsQueryOptions(tahun, pemda));
}
