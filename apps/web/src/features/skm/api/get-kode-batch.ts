import { skmKodeBatchSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** One batch of kode layanan with which of them are used (for printing and reprinting). */
export function getKodeBatch(kode: string, batchId: string, signal?: AbortSignal) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/kode-layanan/${encodeURIComponent(batchId)}`, {
    schema: skmKodeBatchSchema,
    ...(signal ? { signal } : {}),
  });
}

export const kodeBatchQueryOptions = (kode: string, batchId: string) =>
  queryOptions({
    queryKey: ['skm', 'kode-batch', kode, batchId],
    queryFn: ({ signal }) => getKodeBatch(kode, batchId, signal),
  });

export function useKodeBatch(kode: string, batchId: string) {
  return useQuery(kodeBatchQueryOptions(kode, batchId));
}
