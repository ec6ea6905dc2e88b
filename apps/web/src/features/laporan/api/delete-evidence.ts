import { okResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { laporanQueryOptions } from './get-laporan';

export function deleteEvidence({ evidenceId }: { evidenceId: string }) {
  return apiRequest(`/bukti/${encodeURIComponent(evidenceId)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });
}

export function useDeleteEvidence(laporanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvidence,
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: laporanQueryOptions(laporanId).queryKey }),
  });
}
