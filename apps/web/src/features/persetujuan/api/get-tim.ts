import { timSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getTim(tanggal: string, signal?: AbortSignal) {
  return apiRequest('/persetujuan/tim', {
    schema: timSchema,
    query: { tanggal },
    ...(signal ? { signal } : {}),
  });
}

/** Every query of the atasan's approval starts with this key (mutations invalidate it). */
export const persetujuanRootKey = ['persetujuan'] as const;

/** `senin`: the Monday of the week (one key per week). */
export const timQueryOptions = (senin: string) =>
  queryOptions({
    queryKey: [...persetujuanRootKey, 'tim', senin],
    queryFn: ({ signal }) => getTim(senin, signal),
  });

export function useTim(senin: string) {
  return useQuery(timQueryOptions(senin));
}
