import { okResponseSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function deleteLibur(tanggal: string) {
  return apiRequest(`/kepegawaian/libur/${encodeURIComponent(tanggal)}`, {
    method: 'DELETE',
    schema: okResponseSchema,
  });
}

export const useDeleteLibur = () => useKepegawaianMutation(deleteLibur);
