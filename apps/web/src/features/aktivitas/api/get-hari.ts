import { hariSayaSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getHari(tanggal: string, signal?: AbortSignal) {
  return apiRequest('/aktivitas/hari', {
    schema: hariSayaSchema,
    query: { tanggal },
    ...(signal ? { signal } : {}),
  });
}

/** Every query of the pegawai's own log (day, week, month) starts with this key. */
export const aktivitasRootKey = ['aktivitas'] as const;

export const hariQueryOptions = (tanggal: string) =>
  queryOptions({
    queryKey: [...aktivitasRootKey, 'hari', tanggal],
    queryFn: ({ signal }) => getHari(tanggal, signal),
  });

export function useHari(tanggal: string) {
  return useQuery(hariQueryOptions(tanggal));
}
