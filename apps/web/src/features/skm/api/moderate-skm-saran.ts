import { okResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { skmReportQueryKey } from './get-skm-report';
import { skmSaranQueryKey } from './get-skm-saran';

export function moderateSkmSaran({ id, status }: { id: string; status: 'disetujui' | 'disembunyikan' }) {
  return apiRequest(`/skm/saran/${encodeURIComponent(id)}/moderasi`, {
    method: 'POST',
    body: { status },
    schema: okResponseSchema,
  });
}

export function useModerateSkmSaran() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moderateSkmSaran,
    // An approved suggestion shows in the report.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: skmSaranQueryKey });
      await queryClient.invalidateQueries({ queryKey: skmReportQueryKey });
    },
  });
}
