import { jobIsOpen, jobListSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { jobsQueryKey } from './get-job';

export function getJobs(params: { aktif: boolean }, signal?: AbortSignal) {
  return apiRequest('/jobs', {
    schema: jobListSchema,
    query: { aktif: params.aktif ? '1' : undefined, limit: 100 },
    background: true,
    ...(signal ? { signal } : {}),
  });
}

/** The jobs the person may see, asked again every few seconds while one of them runs. */
export const jobsListQueryOptions = (params: { aktif: boolean }) =>
  queryOptions({
    queryKey: [...jobsQueryKey, 'list', params],
    queryFn: ({ signal }) => getJobs(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((j) => jobIsOpen(j.state)) ? 2000 : 15_000),
  });

export function useJobs(params: { aktif: boolean }) {
  return useQuery(jobsListQueryOptions(params));
}
