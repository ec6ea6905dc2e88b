import { pegawaiListSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kepegawaianRootKey } from './get-unit-kerja';

export interface PegawaiListParams {
  q?: string | undefined;
  unitKerjaId?: string | undefined;
  page: number;
  pageSize: number;
}

export function getPegawaiList(params: PegawaiListParams, signal?: AbortSignal) {
  return apiRequest('/kepegawaian/pegawai', {
    schema: pegawaiListSchema,
    query: { ...params },
    ...(signal ? { signal } : {}),
  });
}

export const pegawaiListQueryOptions = (params: PegawaiListParams) =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'pegawai', 'list', params],
    queryFn: ({ signal }) => getPegawaiList(params, signal),
    placeholderData: keepPreviousData,
  });

export function usePegawaiList(params: PegawaiListParams) {
  return useQuery(pegawaiListQueryOptions(params));
}
