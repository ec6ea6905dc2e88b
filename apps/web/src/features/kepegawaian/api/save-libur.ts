import { type HariLibur, okResponseSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

/** Sets a date as a holiday (a date already set is replaced). */
export function saveLibur(body: HariLibur) {
  return apiRequest('/kepegawaian/libur', { method: 'PUT', body, schema: okResponseSchema });
}

export const useSaveLibur = () => useKepegawaianMutation(saveLibur);
