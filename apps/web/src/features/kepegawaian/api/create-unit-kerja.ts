import { savedSchema, type UnitKerjaInput } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function createUnitKerja(body: UnitKerjaInput) {
  return apiRequest('/kepegawaian/unit-kerja', { method: 'POST', body, schema: savedSchema });
}

export const useCreateUnitKerja = () => useKepegawaianMutation(createUnitKerja);
