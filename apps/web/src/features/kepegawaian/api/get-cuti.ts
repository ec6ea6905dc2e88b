import { cutiListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kepegawaianRootKey } from './get-unit-kerja';

export interface CutiParams {
  dari: string;
  sampai: string;
  pegawaiId?: string | undefined;
}

export function getCuti(params: CutiParams, signal?: AbortSignal) {
  return apiRequest('/kepegawaian/cuti', {
    schema: cutiListSchema,
    query: { ...params },
    ...(signal ? { signal } : {}),
  });
}

export const cutiQueryOptions = (params: CutiParams) =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'cuti', params],
    queryFn: ({ signal }) => getCuti(params, signal),
    enabled: params.dari <= params.sampai,
  });

export function useCuti(params: CutiParams) {
  return useQuery(cutiQueryOptions(params));
}
