import { type AktivitasInput, aktivitasSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { aktivitasRootKey } from './get-hari';

/**
 * The `id` is made on the device (uuid): sending the same entry again — a retry after a lost answer,
 * a draft from the offline queue — returns the stored one instead of a second copy.
 */
export function createAktivitas(body: AktivitasInput) {
  // A connection that hangs (a weak phone signal) counts as none after a while: the entry is then kept
  // on the device like an offline one (lib/http turns the timeout into NETWORK).
  return apiRequest('/aktivitas', {
    method: 'POST',
    body,
    schema: aktivitasSchema,
    signal: AbortSignal.timeout(CREATE_TIMEOUT_MS),
  });
}

const CREATE_TIMEOUT_MS = 20_000;

export const createAktivitasMutationKey = ['aktivitas', 'create'] as const;

export function useCreateAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: createAktivitasMutationKey,
    mutationFn: createAktivitas,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: aktivitasRootKey }),
  });
}
