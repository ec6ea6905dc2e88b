import { evidenceSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { laporanQueryOptions } from './get-laporan';

/** Sends one file as multipart/form-data. */
export function uploadEvidence({ id, code, file }: { id: string; code: string; file: File }) {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest(`/laporan/${encodeURIComponent(id)}/isian/${encodeURIComponent(code)}/bukti`, {
    method: 'POST',
    body: form,
    schema: evidenceSchema,
  });
}

export function useUploadEvidence(laporanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadEvidence,
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: laporanQueryOptions(laporanId).queryKey }),
  });
}

export const evidenceHref = (evidenceId: string) => `/api/bukti/${encodeURIComponent(evidenceId)}`;
/** The same file served inline, for the app's viewer (PDF, PNG, JPEG only; audited as a view). */
export const evidenceViewHref = (evidenceId: string) => `${evidenceHref(evidenceId)}?tampil=1`;
export const viewableMimes = new Set(['application/pdf', 'image/png', 'image/jpeg']);
