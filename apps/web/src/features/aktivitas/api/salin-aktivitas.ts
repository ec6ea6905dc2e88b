import { salinResultSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { aktivitasRootKey } from './get-hari';

/** Copies a day's entries to another day; entries that would overlap are skipped. */
export function salinAktivitas(body: { dari: string; ke: string }) {
  return apiRequest('/aktivitas/salin', { method: 'POST', body, schema: salinResultSchema });
}

export function useSalinAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: salinAktivitas,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: aktivitasRootKey }),
  });
}
