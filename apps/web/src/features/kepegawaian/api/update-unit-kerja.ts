import { savedSchema, type UnitKerjaInput } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function updateUnitKerja({ id, body }: { id: string; body: UnitKerjaInput & { version: number } }) {
  return apiRequest(`/kepegawaian/unit-kerja/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body,
    schema: savedSchema,
  });
}

export const useUpdateUnitKerja = () => useKepegawaianMutation(updateUnitKerja);
