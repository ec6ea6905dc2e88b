import { aktivitasSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { verifikasiKinerjaRootKey } from './get-antrean';

/** Confirms an entry's approved minutes, or corrects them (minutes + reason). */
export function putuskanVerifikasi(body: {
  id: string;
  version: number;
  keputusan: 'konfirmasi' | 'koreksi';
  menit?: number;
  alasan?: string;
}) {
  return apiRequest('/verifikasi-kinerja/keputusan', { method: 'POST', body, schema: aktivitasSchema });
}

export function usePutuskanVerifikasi() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putuskanVerifikasi,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: verifikasiKinerjaRootKey }),
  });
}
