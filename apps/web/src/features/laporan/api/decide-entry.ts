import { type DecisionBody, laporanDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

export function decideEntry({ id, code, body }: { id: string; code: string; body: DecisionBody }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/isian/${encodeURIComponent(code)}/keputusan`, {
    method: 'PUT',
    body,
    schema: laporanDetailSchema,
  });
}

export function useDecideEntry() {
  return useLaporanMutation(decideEntry);
}
