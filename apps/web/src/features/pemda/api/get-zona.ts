import { pemdaZonaSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** The pemda's time zone as its admin sets it (the default of its province until then). */
export function getZona(pemdaKode: string, signal?: AbortSignal) {
  return apiRequest(`/pemda/${encodeURIComponent(pemdaKode)}/zona`, {
    schema: pemdaZonaSchema,
    ...(signal ? { signal } : {}),
  });
}

export const zonaQueryOptions = (pemdaKode: string) =>
  queryOptions({
    queryKey: ['pemda', 'zona', pemdaKode],
    queryFn: ({ signal }) => getZona(pemdaKode, signal),
  });

export function useZona(pemdaKode: string) {
  return useQuery(zonaQueryOptions(pemdaKode));
}
