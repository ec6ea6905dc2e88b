import { periodeSchema, type UpdatePeriodeSettingsBody } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { periodeQueryOptions } from './get-periode';

export function updatePeriodeSettings({ id, body }: { id: string; body: UpdatePeriodeSettingsBody }) {
  return apiRequest(`/periode/${encodeURIComponent(id)}/settings`, {
    method: 'PUT',
    body,
    schema: periodeSchema,
  });
}

export function useUpdatePeriodeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePeriodeSettings,
    onSuccess: (periode) => queryClient.setQueryData(periodeQueryOptions(periode.id).queryKey, periode),
  });
}
