import { okResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { skmReportQueryKey } from './get-skm-report';
import { skmResponsesQueryKey } from './get-skm-responses';

/** A quarantined response the admin judges genuine: it counts from now on (reason required, audited). */
export function releaseSkmResponse({ id, alasan }: { id: string; alasan: string }) {
  return apiRequest(`/skm/jawaban/${encodeURIComponent(id)}/lepas`, {
    method: 'POST',
    body: { alasan },
    schema: okResponseSchema,
  });
}

export function useReleaseSkmResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseSkmResponse,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: skmResponsesQueryKey });
      await queryClient.invalidateQueries({ queryKey: skmReportQueryKey });
    },
  });
}
