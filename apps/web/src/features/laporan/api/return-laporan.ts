import { laporanDetailSchema, type ReturnBody } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

export function returnLaporan({ id, body }: { id: string; body: ReturnBody }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/kembalikan`, {
    method: 'POST',
    body,
    schema: laporanDetailSchema,
  });
}

export function useReturnLaporan() {
  return useLaporanMutation(returnLaporan);
}
