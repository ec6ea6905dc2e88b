import type { LaporanDetail } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { laporanQueryOptions } from './get-laporan';
import { timelineQueryOptions } from './get-timeline';
import { unitLaporanQueryOptions } from './get-unit-laporan';

/** Every transition of a report carries this key; the app refreshes other features' lists by it. */
export const laporanTransitionMutationKey = ['laporan', 'transition'] as const;

/** A transition of one report: its answer is the report's new state, put straight into the cache. */
export function useLaporanMutation<V>(fn: (vars: V) => Promise<LaporanDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: laporanTransitionMutationKey,
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(laporanQueryOptions(detail.id).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: timelineQueryOptions(detail.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: unitLaporanQueryOptions(detail.wilayahKode).queryKey });
    },
  });
}
