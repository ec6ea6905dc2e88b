import { publicRaporSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getPublicRapor(tahun: number, kode: string, pemda: string, signal?: AbortSignal) {
  return apiRequest(`/public/peringkat/${tahun}/unit/${encodeURIComponent(kode)}`, {
    schema: publicRaporSchema,
    query: { pemda },
    auth: 'none',
    ...(signal ? { signal } : {}),
  });
}

export const publicRaporQueryOptions = (tahun: number, kode: string, pemda: string) =>
  queryOptions({
    queryKey: ['public', 'peringkat', tahun, pemda, 'unit', kode],
    queryFn: ({ signal }) => getPublicRapor(tahun, kode, pemda, signal),
    retry: false,
  });

export function usePublicRapor(tahun: number, kode: string, pemda: string) {
  return useQuery(publicRaporQueryOptions(tahun, kode, pemda));
}
