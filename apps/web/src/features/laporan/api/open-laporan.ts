import { laporanDetailSchema, type OpenLaporanBody } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { laporanQueryOptions } from './get-laporan';
import { unitLaporanQueryOptions } from './get-unit-laporan';

/** Opens a unit's report for a month or the year; the API creates it on first open. */
export function openLaporan(body: OpenLaporanBody) {
  return apiRequest('/laporan', { method: 'POST', body, schema: laporanDetailSchema });
}

export function useOpenLaporan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openLaporan,
    onSuccess: (detail) => {
      queryClient.setQueryData(laporanQueryOptions(detail.id).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: unitLaporanQueryOptions(detail.wilayahKode).queryKey });
    },
  });
}
