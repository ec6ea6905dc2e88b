import { type RaporLevel, rankingsResponseSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getRankings(tahun: number, level: RaporLevel, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/peringkat`, {
    schema: rankingsResponseSchema,
    query: { level },
    ...(signal ? { signal } : {}),
  });
}

export const rankingsQueryOptions = (tahun: number, level: RaporLevel) =>
  queryOptions({
    queryKey: ['rapor', tahun, 'peringkat', level],
    queryFn: ({ signal }) => getRankings(tahun, level, signal),
    placeholderData: keepPreviousData,
  });

export function useRankings(tahun: number, level: RaporLevel) {
  return useQuery(rankingsQueryOptions(tahun, level));
}

export const rankingsExportHref = (
  tahun: number,
  level: RaporLevel,
  format: 'csv' | 'xlsx',
  kecamatan?: string,
) =>
  `/api/rapor/${tahun}/peringkat/export?level=${level}&format=${format}${kecamatan ? `&kecamatan=${kecamatan}` : ''}`;
