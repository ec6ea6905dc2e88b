import { berandaTugasSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** What the signed-in person should do next, computed by the API from the data. */
export function getTugas(signal?: AbortSignal) {
  return apiRequest('/beranda/tugas', { schema: berandaTugasSchema, ...(signal ? { signal } : {}) });
}

export const tugasQueryOptions = () =>
  queryOptions({ queryKey: ['beranda', 'tugas'], queryFn: ({ signal }) => getTugas(signal) });

export function useTugas() {
  return useQuery(tugasQueryOptions());
}
