import { wilayahListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** The kecamatan of a pemda, for the queue filter. */
export function getKecamatan(pemdaKode: string, signal?: AbortSignal) {
  return apiRequest(`/wilayah/${encodeURIComponent(pemdaKode)}/anak`, {
    schema: wilayahListSchema,
    ...(signal ? { signal } : {}),
  });
}

export const kecamatanQueryOptions = (pemdaKode: string) =>
  queryOptions({
    queryKey: ['verifikasi', 'kecamatan', pemdaKode],
    queryFn: ({ signal }) => getKecamatan(pemdaKode, signal),
    staleTime: 60 * 60_000,
  });

export function useKecamatan(pemdaKode: string | undefined) {
  return useQuery({ ...kecamatanQueryOptions(pemdaKode ?? ''), enabled: Boolean(pemdaKode) });
}
