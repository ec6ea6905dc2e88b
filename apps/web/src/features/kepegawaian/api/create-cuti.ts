import { type cutiInputSchema, savedSchema } from '@sip/contracts';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function createCuti(body: z.infer<typeof cutiInputSchema>) {
  return apiRequest('/kepegawaian/cuti', { method: 'POST', body, schema: savedSchema });
}

export const useCreateCuti = () => useKepegawaianMutation(createCuti);
