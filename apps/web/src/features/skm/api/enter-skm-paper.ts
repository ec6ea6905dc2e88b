import { type SkmPaperBody, skmPaperResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { skmReportQueryKey } from './get-skm-report';
import { skmResponsesQueryKey } from './get-skm-responses';

/** A paper questionnaire typed in by the unit's operator or an admin (audited, marked kertas). */
export function enterSkmPaper({ kode, body }: { kode: string; body: SkmPaperBody }) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/kertas`, {
    method: 'POST',
    body,
    schema: skmPaperResponseSchema,
  });
}

export function useEnterSkmPaper() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enterSkmPaper,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: skmResponsesQueryKey });
      await queryClient.invalidateQueries({ queryKey: skmReportQueryKey });
    },
  });
}
