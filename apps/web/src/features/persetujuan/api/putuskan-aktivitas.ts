import { aktivitasSchema, type KeputusanAtasan } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { persetujuanRootKey } from './get-tim';
import { persetujuanMutationKey } from './setujui-minggu';

/** Approve, shorten (minutes + reason) or reject (reason) one entry. */
export function putuskanAktivitas(body: KeputusanAtasan) {
  return apiRequest('/persetujuan/keputusan', { method: 'POST', body, schema: aktivitasSchema });
}

export function usePutuskanAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: persetujuanMutationKey,
    mutationFn: putuskanAktivitas,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: persetujuanRootKey }),
  });
}
