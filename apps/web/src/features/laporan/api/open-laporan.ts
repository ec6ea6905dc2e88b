import { laporanDetailSchema, type OpenLaporanBody } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { laporanQueryKey } from './get-laporan';

/** Opens a unit's report for a month or the year; the API creates it on first open. */
export function openLaporan(body: OpenLaporanBody) {
  return apiRequest('/laporan', { method: 'POST', body, schema: laporanDetailSchema });
}

export function useOpenLaporan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openLaporan,
    onSuccess: (detail) => {
      queryClient.setQueryData(laporanQueryKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['laporan', 'unit', detail.wilayahKode] });
    },
  });
}
