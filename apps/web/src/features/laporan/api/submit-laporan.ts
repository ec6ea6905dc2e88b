import { laporanDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

export function submitLaporan({ id, version }: { id: string; version: number }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/ajukan`, {
    method: 'POST',
    body: { version },
    schema: laporanDetailSchema,
  });
}

export function useSubmitLaporan() {
  return useLaporanMutation(submitLaporan);
}
