import { jobStartedSchema, type SkmExportBody } from '@sip/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Starts the export of a unit's survey responses as a background job; the answer is the job to follow. */
export function startSkmExport({ kode, body }: { kode: string; body: SkmExportBody }) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/export`, {
    method: 'POST',
    body,
    schema: jobStartedSchema,
  });
}

export function useStartSkmExport() {
  return useMutation({ mutationFn: startSkmExport });
}
