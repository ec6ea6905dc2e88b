import { kegiatanListSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { kepegawaianRootKey } from './get-unit-kerja';

export function getKegiatan(jabatanId: string, signal?: AbortSignal) {
  return apiRequest(`/kepegawaian/jabatan/${encodeURIComponent(jabatanId)}/kegiatan`, {
    schema: kegiatanListSchema,
    ...(signal ? { signal } : {}),
  });
}

export const kegiatanQueryOptions = (jabatanId: string) =>
  queryOptions({
    queryKey: [...kepegawaianRootKey, 'kegiatan', jabatanId],
    queryFn: ({ signal }) => getKegiatan(jabatanId, signal),
  });

export function useKegiatan(jabatanId: string) {
  return useQuery(kegiatanQueryOptions(jabatanId));
}
