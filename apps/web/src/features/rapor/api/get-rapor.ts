import { raporDetailSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getRapor(tahun: number, kode: string, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/unit/${encodeURIComponent(kode)}`, {
    schema: raporDetailSchema,
    ...(signal ? { signal } : {}),
  });
}

/** Every unit's rapor of a year starts with this key. */
export const raporQueryKey = (tahun: number) => ['rapor', tahun, 'unit'] as const;

export const raporQueryOptions = (tahun: number, kode: string) =>
  queryOptions({
    queryKey: [...raporQueryKey(tahun), kode],
    queryFn: ({ signal }) => getRapor(tahun, kode, signal),
    enabled: kode.length > 0,
  });

export function useRapor(tahun: number, kode: string) {
  return useQuery(raporQueryOptions(tahun, kode));
}

/** Download link of a rapor's details; the browser sends the session cookie itself. */
export const raporExportHref = (tahun: number, kode: string, format: 'csv' | 'xlsx') =>
  `/api/rapor/${tahun}/unit/${encodeURIComponent(kode)}/export?format=${format}`;
