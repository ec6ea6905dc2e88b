import { mingguSayaSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { aktivitasRootKey } from './get-hari';

export function getMinggu(tanggal: string, signal?: AbortSignal) {
  return apiRequest('/aktivitas/minggu', {
    schema: mingguSayaSchema,
    query: { tanggal },
    ...(signal ? { signal } : {}),
  });
}

/** `tanggal` is any day of the week (the page passes its Monday, so one week has one key). */
export const mingguQueryOptions = (tanggal: string) =>
  queryOptions({
    queryKey: [...aktivitasRootKey, 'minggu', tanggal],
    queryFn: ({ signal }) => getMinggu(tanggal, signal),
  });

export function useMinggu(tanggal: string) {
  return useQuery(mingguQueryOptions(tanggal));
}
