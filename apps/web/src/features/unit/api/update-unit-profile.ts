import { type UnitProfileBody, unitSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { unitQueryOptions } from './get-unit';

export function updateUnitProfile({ kode, body }: { kode: string; body: UnitProfileBody }) {
  return apiRequest(`/unit/${encodeURIComponent(kode)}/profil`, {
    method: 'PUT',
    body,
    schema: unitSchema,
  });
}

export function useUpdateUnitProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnitProfile,
    onSuccess: (unit) => {
      queryClient.setQueryData(unitQueryOptions(unit.kode).queryKey, unit);
    },
  });
}
