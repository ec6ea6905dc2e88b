import { auditPageSchema } from '@sip/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface AuditLogParams {
  page: number;
  pageSize: number;
  action?: string | undefined;
  actor?: string | undefined;
  entity?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function getAuditLog(params: AuditLogParams, signal?: AbortSignal) {
  return apiRequest('/audit', {
    schema: auditPageSchema,
    query: { ...params },
    ...(signal ? { signal } : {}),
  });
}

export const auditLogQueryOptions = (params: AuditLogParams) =>
  queryOptions({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => getAuditLog(params, signal),
    placeholderData: keepPreviousData,
  });

export function useAuditLog(params: AuditLogParams) {
  return useQuery(auditLogQueryOptions(params));
}
