import { type AcceptUndecidedBody, laporanDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useLaporanMutation } from './use-laporan-mutation';

/** Accepts every entry still undecided, naming the ones the verifikator saw with their versions. */
export function acceptUndecided({ id, body }: { id: string; body: AcceptUndecidedBody }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/terima-semua`, {
    method: 'POST',
    body,
    schema: laporanDetailSchema,
  });
}

export function useAcceptUndecided() {
  return useLaporanMutation(acceptUndecided);
}
