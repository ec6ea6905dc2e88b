import { bulanSayaSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { aktivitasRootKey } from './get-hari';

export function getBulan(tahun: number, bulan: number, signal?: AbortSignal) {
  return apiRequest('/aktivitas/bulan', {
    schema: bulanSayaSchema,
    query: { tahun, bulan },
    ...(signal ? { signal } : {}),
  });
}

export const bulanQueryOptions = (tahun: number, bulan: number) =>
  queryOptions({
    queryKey: [...aktivitasRootKey, 'bulan', tahun, bulan],
    queryFn: ({ signal }) => getBulan(tahun, bulan, signal),
  });

export function useBulan(tahun: number, bulan: number) {
  return useQuery(bulanQueryOptions(tahun, bulan));
}
