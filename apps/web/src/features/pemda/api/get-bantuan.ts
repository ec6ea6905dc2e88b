import { bantuanSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Where the pemda's people get help (public: the login page asks for it too). */
export function getBantuan(pemdaKode: string, signal?: AbortSignal) {
  return apiRequest(`/public/bantuan?pemda=${encodeURIComponent(pemdaKode)}`, {
    schema: bantuanSchema,
    ...(signal ? { signal } : {}),
  });
}

export const bantuanQueryOptions = (pemdaKode: string) =>
  queryOptions({
    queryKey: ['pemda', 'bantuan', pemdaKode],
    queryFn: ({ signal }) => getBantuan(pemdaKode, signal),
    staleTime: 5 * 60_000,
  });

export function useBantuan(pemdaKode: string) {
  return useQuery(bantuanQueryOptions(pemdaKode));
}
