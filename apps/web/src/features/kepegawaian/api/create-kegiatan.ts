import { type KegiatanInput, savedSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function createKegiatan({ jabatanId, body }: { jabatanId: string; body: KegiatanInput }) {
  return apiRequest(`/kepegawaian/jabatan/${encodeURIComponent(jabatanId)}/kegiatan`, {
    method: 'POST',
    body,
    schema: savedSchema,
  });
}

export const useCreateKegiatan = () => useKepegawaianMutation(createKegiatan);
