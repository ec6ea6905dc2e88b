import { jobIsOpen, jobSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getJob(id: string, signal?: AbortSignal) {
  // Followed by polling: not the person's own activity (the idle timeout still runs).
  return apiRequest(`/jobs/${encodeURIComponent(id)}`, {
    schema: jobSchema,
    background: true,
    ...(signal ? { signal } : {}),
  });
}

export const jobsQueryKey = ['jobs'] as const;

/** A job, asked again every second while it waits or runs. */
export const jobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...jobsQueryKey, 'one', id],
    queryFn: ({ signal }) => getJob(id, signal),
    refetchInterval: (q) => (q.state.data && !jobIsOpen(q.state.data.state) ? false : 1000),
  });

export function useJob(id: string) {
  return useQuery(jobQueryOptions(id));
}
