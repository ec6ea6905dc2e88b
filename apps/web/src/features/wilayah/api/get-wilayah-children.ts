import { wilayahListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getWilayahChildren(kode: string, signal?: AbortSignal) {
  return apiRequest(`/wilayah/${encodeURIComponent(kode)}/anak`, {
    schema: wilayahListSchema,
    ...(signal ? { signal } : {}),
  });
}

/**
 * The children of a wilayah (kecamatan of a pemda, kelurahan of a kecamatan); nothing is asked for
 * an empty code. Other features get it from the app as a prop (the users' scope picker, the
 * verification queue's kecamatan filter).
 */
export const wilayahChildrenQueryOptions = (kode: string) =>
  queryOptions({
    queryKey: ['wilayah', 'anak', kode],
    queryFn: ({ signal }) => getWilayahChildren(kode, signal),
    staleTime: 60 * 60_000,
    enabled: kode.length > 0,
  });

export function useWilayahChildren(kode: string) {
  return useQuery(wilayahChildrenQueryOptions(kode));
}
