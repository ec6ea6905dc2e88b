import { type AktivitasInput, aktivitasSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { aktivitasRootKey } from './get-hari';

/**
 * The `id` is made on the device (uuid): sending the same entry again — a retry after a lost answer,
 * a draft from the offline queue — returns the stored one instead of a second copy.
 */
export function createAktivitas(body: AktivitasInput) {
  return apiRequest('/aktivitas', { method: 'POST', body, schema: aktivitasSchema });
}

export const createAktivitasMutationKey = ['aktivitas', 'create'] as const;

export function useCreateAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: createAktivitasMutationKey,
    mutationFn: createAktivitas,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: aktivitasRootKey }),
  });
}
