import { type LatihanBody, latihanStateSchema } from '@sip/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { latihanModeQueryOptions } from '../latihan-mode';
import { periodeRootKey } from './get-periodes';

/** The pemda's practice periode (mode latihan), or null. */
export function getLatihan(signal?: AbortSignal) {
  return apiRequest('/periode/latihan', { schema: latihanStateSchema, ...(signal ? { signal } : {}) });
}

export const latihanQueryOptions = () =>
  queryOptions({ queryKey: [...periodeRootKey, 'latihan'], queryFn: ({ signal }) => getLatihan(signal) });

export function useLatihan() {
  return useQuery(latihanQueryOptions());
}

/** Creates the practice periode, or starts it again from nothing, as a copy of a real periode. */
export function resetLatihan(body: LatihanBody) {
  return apiRequest('/periode/latihan', { method: 'PUT', body, schema: latihanStateSchema });
}

export function useResetLatihan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetLatihan,
    onSuccess: (state) => {
      queryClient.setQueryData(latihanQueryOptions().queryKey, state);
      // The pemda may have a practice periode now: the switch appears.
      void queryClient.invalidateQueries({ queryKey: latihanModeQueryOptions().queryKey });
    },
  });
}
