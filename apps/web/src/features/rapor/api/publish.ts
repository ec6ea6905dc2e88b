import { publicationsResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function publish(tahun: number, reason: string) {
  return apiRequest(`/rapor/${tahun}/publikasi`, {
    method: 'POST',
    body: { reason },
    schema: publicationsResponseSchema,
  });
}

export function revise(tahun: number, reason: string) {
  return apiRequest(`/rapor/${tahun}/revisi`, {
    method: 'POST',
    body: { reason },
    schema: publicationsResponseSchema,
  });
}

/** Publishing changes every rapor view of the year: drop them all. */
export function usePublish(tahun: number, kind: 'publish' | 'revise') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => (kind === 'publish' ? publish(tahun, reason) : revise(tahun, reason)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['rapor', tahun] });
      await qc.invalidateQueries({ queryKey: ['periode'] });
    },
  });
}
