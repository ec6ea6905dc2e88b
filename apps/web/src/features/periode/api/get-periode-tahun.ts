import { periodeTahunListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { periodeRootKey } from './get-periodes';

/** The years the signed-in person may open, each with his open work, and the year pages open on. */
export function getPeriodeTahun(signal?: AbortSignal) {
  return apiRequest('/periode/tahun', { schema: periodeTahunListSchema, ...(signal ? { signal } : {}) });
}

export const periodeTahunQueryOptions = () =>
  queryOptions({
    queryKey: [...periodeRootKey, 'tahun'],
    queryFn: ({ signal }) => getPeriodeTahun(signal),
  });

export function usePeriodeTahun() {
  return useQuery(periodeTahunQueryOptions());
}
