import { laporanDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

export function approveLaporan({ id, version, comment }: { id: string; version: number; comment?: string }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/setujui`, {
    method: 'POST',
    body: { version, comment: comment ?? '' },
    schema: laporanDetailSchema,
  });
}

export function useApproveLaporan() {
  return useLaporanMutation(approveLaporan);
}
