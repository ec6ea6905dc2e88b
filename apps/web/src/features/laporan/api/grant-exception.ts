import { type ExceptionBody, laporanDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

export function grantException({ id, body }: { id: string; body: ExceptionBody }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/izin-terlambat`, {
    method: 'PUT',
    body,
    schema: laporanDetailSchema,
  });
}

export function useGrantException() {
  return useLaporanMutation(grantException);
}
