import { type JabatanInput, savedSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function updateJabatan({ id, body }: { id: string; body: JabatanInput & { version: number } }) {
  return apiRequest(`/kepegawaian/jabatan/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body,
    schema: savedSchema,
  });
}

export const useUpdateJabatan = () => useKepegawaianMutation(updateJabatan);
