import { publicationsResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { analyticsQueryOptions } from './get-analytics';
import { publicationsQueryOptions } from './get-publications';
import { rankingsQueryOptions } from './get-rankings';
import { raporQueryKey } from './get-rapor';
import { topTenQueryOptions } from './get-top-ten';

export function publish(tahun: number, reason: string, konfirmasi: boolean) {
  return apiRequest(`/rapor/${tahun}/publikasi`, {
    method: 'POST',
    body: { reason, konfirmasi },
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

/** Publishing carries this key; the app refreshes the periode (now diumumkan) by it. */
export const publishMutationKey = ['rapor', 'publish'] as const;

/** Publishing changes every rapor view of the year: drop them all. */
export function usePublish(tahun: number, kind: 'publish' | 'revise') {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: publishMutationKey,
    mutationFn: ({ reason, konfirmasi = false }: { reason: string; konfirmasi?: boolean }) =>
      kind === 'publish' ? publish(tahun, reason, konfirmasi) : revise(tahun, reason),
    onSuccess: async () => {
      await Promise.all(
        [
          raporQueryKey(tahun),
          rankingsQueryOptions(tahun, 'kecamatan').queryKey,
          rankingsQueryOptions(tahun, 'kelurahan').queryKey,
          analyticsQueryOptions(tahun).queryKey,
          topTenQueryOptions(tahun).queryKey,
          publicationsQueryOptions(tahun).queryKey,
        ].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
  });
}
