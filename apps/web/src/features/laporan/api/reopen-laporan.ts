import { laporanDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

export function reopenLaporan({ id, version, reason }: { id: string; version: number; reason: string }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/buka-kembali`, {
    method: 'POST',
    body: { version, reason },
    schema: laporanDetailSchema,
  });
}

export function useReopenLaporan() {
  return useLaporanMutation(reopenLaporan);
}
