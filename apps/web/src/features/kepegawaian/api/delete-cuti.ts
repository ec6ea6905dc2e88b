import { okResponseSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function deleteCuti(id: string) {
  return apiRequest(`/kepegawaian/cuti/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });
}

export const useDeleteCuti = () => useKepegawaianMutation(deleteCuti);
