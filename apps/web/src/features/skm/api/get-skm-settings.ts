import { skmSettingsSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** A unit's kode layanan mode for a year and the batches of codes made so far. */
export function getSkmSettings(kode: string, tahun: number, signal?: AbortSignal) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/pengaturan`, {
    schema: skmSettingsSchema,
    query: { tahun },
    ...(signal ? { signal } : {}),
  });
}

export const skmSettingsQueryKey = ['skm', 'settings'] as const;

export const skmSettingsQueryOptions = (kode: string, tahun: number) =>
  queryOptions({
    queryKey: [...skmSettingsQueryKey, kode, tahun],
    queryFn: ({ signal }) => getSkmSettings(kode, tahun, signal),
  });

export function useSkmSettings(kode: string, tahun: number) {
  return useQuery(skmSettingsQueryOptions(kode, tahun));
}
