import { skmPosterUnitsSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getSkmPosterUnits(kode: string, signal?: AbortSignal) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/posters`, {
    schema: skmPosterUnitsSchema,
    ...(signal ? { signal } : {}),
  });
}

export const skmPosterUnitsQueryOptions = (kode: string) =>
  queryOptions({
    queryKey: ['skm', 'posters', kode],
    queryFn: ({ signal }) => getSkmPosterUnits(kode, signal),
  });

export function useSkmPosterUnits(kode: string) {
  return useQuery(skmPosterUnitsQueryOptions(kode));
}
