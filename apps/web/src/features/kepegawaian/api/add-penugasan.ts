import { type PenugasanInput, pegawaiDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

/** A span of holding a jabatan (definitif, Plt or Plh). */
export function addPenugasan({ pegawaiId, body }: { pegawaiId: string; body: PenugasanInput }) {
  return apiRequest(`/kepegawaian/pegawai/${encodeURIComponent(pegawaiId)}/penugasan`, {
    method: 'POST',
    body,
    schema: pegawaiDetailSchema,
  });
}

export const useAddPenugasan = () => useKepegawaianMutation(addPenugasan);
