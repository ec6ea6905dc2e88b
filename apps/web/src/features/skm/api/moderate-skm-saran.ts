import { okResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['skm'] }),
  });
}
