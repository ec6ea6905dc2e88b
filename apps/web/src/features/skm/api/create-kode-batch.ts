import { skmKodeBatchSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kodeBatchQueryOptions } from './get-kode-batch';
import { skmSettingsQueryKey } from './get-skm-settings';

/** A new batch of one-time kode layanan for the service counter (audited). */
export function createKodeBatch({ kode, jumlah }: { kode: string; jumlah: number }) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/kode-layanan`, {
    method: 'POST',
    body: { jumlah },
    schema: skmKodeBatchSchema,
  });
}

export function useCreateKodeBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createKodeBatch,
    onSuccess: async (batch) => {
      queryClient.setQueryData(kodeBatchQueryOptions(batch.kode, batch.batchId).queryKey, batch);
      await queryClient.invalidateQueries({ queryKey: skmSettingsQueryKey });
    },
  });
}
