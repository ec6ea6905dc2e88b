import { unitLaporanOverviewSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getUnitLaporan(kode: string, signal?: AbortSignal) {
  return apiRequest(`/laporan/unit/${encodeURIComponent(kode)}`, {
    schema: unitLaporanOverviewSchema,
    ...(signal ? { signal } : {}),
  });
}

export const unitLaporanQueryOptions = (kode: string) =>
  queryOptions({
    queryKey: ['laporan', 'unit', kode],
    queryFn: ({ signal }) => getUnitLaporan(kode, signal),
  });

export function useUnitLaporan(kode: string) {
  return useQuery(unitLaporanQueryOptions(kode));
}
