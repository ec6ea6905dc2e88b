import { auditFacetsSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getAuditFacets(signal?: AbortSignal) {
  return apiRequest('/audit/facets', { schema: auditFacetsSchema, ...(signal ? { signal } : {}) });
}

export const auditFacetsQueryOptions = () =>
  queryOptions({ queryKey: ['audit', 'facets'], queryFn: ({ signal }) => getAuditFacets(signal) });

export function useAuditFacets() {
  return useQuery(auditFacetsQueryOptions());
}
