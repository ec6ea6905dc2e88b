import { mingguAnggotaSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { persetujuanRootKey } from './get-tim';

export function getMingguAnggota(pegawaiId: string, tanggal: string, signal?: AbortSignal) {
  return apiRequest(`/persetujuan/anggota/${encodeURIComponent(pegawaiId)}/minggu`, {
    schema: mingguAnggotaSchema,
    query: { tanggal },
    ...(signal ? { signal } : {}),
  });
}

export const mingguAnggotaQueryOptions = (pegawaiId: string, senin: string) =>
  queryOptions({
    queryKey: [...persetujuanRootKey, 'anggota', pegawaiId, senin],
    queryFn: ({ signal }) => getMingguAnggota(pegawaiId, senin, signal),
  });

export function useMingguAnggota(pegawaiId: string, senin: string) {
  return useQuery(mingguAnggotaQueryOptions(pegawaiId, senin));
}
