import { type AktivitasInput, aktivitasSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { aktivitasRootKey } from './get-hari';

export function updateAktivitas(body: AktivitasInput & { version: number }) {
  return apiRequest(`/aktivitas/${encodeURIComponent(body.id)}`, {
    method: 'PUT',
    body,
    schema: aktivitasSchema,
  });
}

export function useUpdateAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAktivitas,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: aktivitasRootKey }),
  });
}
