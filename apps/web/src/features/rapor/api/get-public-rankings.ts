import { publicKelurahanSchema, publicRankingsSchema, publicYearsSchema } from '@sip/contracts';
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

export function getPublicKelurahan(tahun: number, pemda: string, signal?: AbortSignal) {
  return apiRequest(`/public/peringkat/${tahun}/kelurahan`, {
    schema: publicKelurahanSchema,
    query: { pemda },
    auth: 'none',
    ...(signal ? { signal } : {}),
  });
}

/** The long list of every kelurahan: fetched when its tab is opened. */
export const publicKelurahanQueryOptions = (tahun: number, pemda: string) =>
  queryOptions({
    queryKey: ['public', 'peringkat', tahun, pemda, 'kelurahan'],
    queryFn: ({ signal }) => getPublicKelurahan(tahun, pemda, signal),
    retry: false,
  });

export function usePublicKelurahan(tahun: number, pemda: string) {
  return useQuery(publicKelurahanQueryOptions(tahun, pemda));
}

export function getPublicYears(pemda: string, signal?: AbortSignal) {
  return apiRequest('/public/peringkat', {
    schema: publicYearsSchema,
    query: { pemda },
    auth: 'none',
    ...(signal ? { signal } : {}),
  });
}

/** The published years, newest first: /peringkat opens the first. */
export const publicYearsQueryOptions = (pemda: string) =>
  queryOptions({
    queryKey: ['public', 'peringkat', pemda, 'tahun'],
    queryFn: ({ signal }) => getPublicYears(pemda, signal),
    retry: false,
  });

export function usePublicYears(pemda: string) {
  return useQuery(publicYearsQueryOptions(pemda));
}
