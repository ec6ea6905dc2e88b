import { unitLaporanOverviewSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getUnitLaporan(kode: string, periodeId?: string, signal?: AbortSignal) {
  return apiRequest(`/laporan/unit/${encodeURIComponent(kode)}`, {
    schema: unitLaporanOverviewSchema,
    ...(periodeId ? { query: { periodeId } } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** Without `periodeId` the key is the prefix of every year's, so invalidating it refreshes them all. */
export const unitLaporanQueryOptions = (kode: string, periodeId?: string) =>
  queryOptions({
    queryKey: periodeId ? ['laporan', 'unit', kode, periodeId] : ['laporan', 'unit', kode],
    queryFn: ({ signal }) => getUnitLaporan(kode, periodeId, signal),
  });

export function useUnitLaporan(kode: string, periodeId?: string) {
  return useQuery(unitLaporanQueryOptions(kode, periodeId));
}
