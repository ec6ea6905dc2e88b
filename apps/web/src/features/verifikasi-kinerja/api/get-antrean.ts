import { antreanVerifikasiSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getAntrean(tahun: number, bulan: number, signal?: AbortSignal) {
  return apiRequest('/verifikasi-kinerja', {
    schema: antreanVerifikasiSchema,
    query: { tahun, bulan },
    ...(signal ? { signal } : {}),
  });
}

/** Every query of the monthly verification starts with this key (its mutations invalidate it). */
export const verifikasiKinerjaRootKey = ['verifikasi-kinerja'] as const;

export const antreanQueryOptions = (tahun: number, bulan: number) =>
  queryOptions({
    queryKey: [...verifikasiKinerjaRootKey, 'antrean', tahun, bulan],
    queryFn: ({ signal }) => getAntrean(tahun, bulan, signal),
  });

export function useAntrean(tahun: number, bulan: number) {
  return useQuery(antreanQueryOptions(tahun, bulan));
}
