import { laporanDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

export function approveLaporan({ id, version }: { id: string; version: number }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/setujui`, {
    method: 'POST',
    body: { version },
    schema: laporanDetailSchema,
  });
}

export function useApproveLaporan() {
  return useLaporanMutation(approveLaporan);
}
