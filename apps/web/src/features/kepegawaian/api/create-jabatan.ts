import { type JabatanInput, savedSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function createJabatan(body: JabatanInput) {
  return apiRequest('/kepegawaian/jabatan', { method: 'POST', body, schema: savedSchema });
}

export const useCreateJabatan = () => useKepegawaianMutation(createJabatan);
