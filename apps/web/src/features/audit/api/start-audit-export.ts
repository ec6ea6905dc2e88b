import { type AuditExportQuery, jobStartedSchema } from '@sip/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Starts the export of the filtered log as a background job; the answer is the job to follow. */
export function startAuditExport(body: AuditExportQuery) {
  const filter = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== ''));
  return apiRequest('/audit/export', { method: 'POST', body: filter, schema: jobStartedSchema });
}

export function useStartAuditExport() {
  return useMutation({ mutationFn: startAuditExport });
}
