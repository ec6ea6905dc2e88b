import { publicationPreviewSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getPublicationPreview(tahun: number, signal?: AbortSignal) {
  return apiRequest(`/rapor/${tahun}/publikasi/pratinjau`, {
    schema: publicationPreviewSchema,
    ...(signal ? { signal } : {}),
  });
}

/** Read when the admin opens the publish dialog: what publishing at this moment would count. */
export const publicationPreviewQueryOptions = (tahun: number) =>
  queryOptions({
    queryKey: ['rapor', tahun, 'publikasi', 'pratinjau'],
    queryFn: ({ signal }) => getPublicationPreview(tahun, signal),
    staleTime: 0,
  });

export function usePublicationPreview(tahun: number, enabled: boolean) {
  return useQuery({ ...publicationPreviewQueryOptions(tahun), enabled });
}
