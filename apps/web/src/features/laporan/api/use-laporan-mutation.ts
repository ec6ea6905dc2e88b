import type { LaporanDetail } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { laporanQueryKey } from './get-laporan';

/** A transition of one report: its answer is the report's new state, put straight into the cache. */
export function useLaporanMutation<V>(fn: (vars: V) => Promise<LaporanDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(laporanQueryKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['laporan', 'timeline', detail.id] });
      void queryClient.invalidateQueries({ queryKey: ['laporan', 'unit', detail.wilayahKode] });
      void queryClient.invalidateQueries({ queryKey: ['verifikasi'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
