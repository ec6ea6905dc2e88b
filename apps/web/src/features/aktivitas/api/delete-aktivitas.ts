import { okResponseSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { aktivitasRootKey } from './get-hari';

export function deleteAktivitas({ id, version }: { id: string; version: number }) {
  return apiRequest(`/aktivitas/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    query: { version },
    schema: okResponseSchema,
  });
}

export function useDeleteAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAktivitas,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: aktivitasRootKey }),
  });
}
