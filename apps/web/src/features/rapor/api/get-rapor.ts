import { raporDetailSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getRapor(tahun: number, kode: string, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/unit/${encodeURIComponent(kode)}`, {
    schema: raporDetailSchema,
    ...(signal ? { signal } : {}),
  });
}

export const raporQueryOptions = (tahun: number, kode: string) =>
  queryOptions({
    queryKey: ['rapor', tahun, 'unit', kode],
    queryFn: ({ signal }) => getRapor(tahun, kode, signal),
    enabled: kode.length > 0,
  });

export function useRapor(tahun: number, kode: string) {
  return useQuery(raporQueryOptions(tahun, kode));
}

/** Download link of a rapor's details; the browser sends the session cookie itself. */
export const raporExportHref = (tahun: number, kode: string, format: 'csv' | 'xlsx') =>
  `/api/rapor/${tahun}/unit/${encodeURIComponent(kode)}/ekspor?format=${format}`;
