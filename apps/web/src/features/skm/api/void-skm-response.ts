import { okResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { skmReportQueryKey } from './get-skm-report';
import { skmResponsesQueryKey } from './get-skm-responses';

export function voidSkmResponse({ id, alasan }: { id: string; alasan: string }) {
  return apiRequest(`/skm/jawaban/${encodeURIComponent(id)}/batal`, {
    method: 'POST',
    body: { alasan },
    schema: okResponseSchema,
  });
}

export function useVoidSkmResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: voidSkmResponse,
    // The report and the list both change: a voided response leaves the index.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: skmResponsesQueryKey });
      await queryClient.invalidateQueries({ queryKey: skmReportQueryKey });
    },
  });
}
