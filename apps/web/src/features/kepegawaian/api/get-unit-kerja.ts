import { unitKerjaListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getUnitKerja(signal?: AbortSignal) {
  return apiRequest('/kepegawaian/unit-kerja', {
    schema: unitKerjaListSchema,
    ...(signal ? { signal } : {}),
  });
}

/** Every query of the personnel office starts with this key; its mutations invalidate it. */
export const kepegawaianRootKey = ['kepegawaian'] as const;

export const unitKerjaQueryOptions = () =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'unit-kerja'],
    queryFn: ({ signal }) => getUnitKerja(signal),
  });

export function useUnitKerja() {
  return useQuery(unitKerjaQueryOptions());
}
