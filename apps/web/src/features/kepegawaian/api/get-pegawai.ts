import { pegawaiDetailSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kepegawaianRootKey } from './get-unit-kerja';

export function getPegawai(id: string, signal?: AbortSignal) {
  return apiRequest(`/kepegawaian/pegawai/${encodeURIComponent(id)}`, {
    schema: pegawaiDetailSchema,
    ...(signal ? { signal } : {}),
  });
}

export const pegawaiQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'pegawai', 'detail', id],
    queryFn: ({ signal }) => getPegawai(id, signal),
  });

export function usePegawai(id: string) {
  return useQuery(pegawaiQueryOptions(id));
}
