import { pegawaiDetailSchema, type pegawaiUpdateSchema } from '@sip/contracts';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function updatePegawai({ id, body }: { id: string; body: z.infer<typeof pegawaiUpdateSchema> }) {
  return apiRequest(`/kepegawaian/pegawai/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body,
    schema: pegawaiDetailSchema,
  });
}

export const useUpdatePegawai = () => useKepegawaianMutation(updatePegawai);
