import { csrfResponseSchema, errorResponseSchema, evidenceSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '@/lib/api-client';
import { i18next } from '@/lib/i18n/i18n';
import { laporanQueryKey } from './get-laporan';

/** Sends one file as multipart/form-data (the JSON client does not), with the CSRF token. */
export async function uploadEvidence({ id, code, file }: { id: string; code: string; file: File }) {
  const { csrfToken } = await apiRequest('/auth/csrf', { schema: csrfResponseSchema, auth: 'none' });
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/laporan/${encodeURIComponent(id)}/entries/${encodeURIComponent(code)}/evidence`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('errors.network'));
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = errorResponseSchema.safeParse(json);
    if (err.success)
      throw new ApiError(res.status, err.data.error.code, err.data.error.message, err.data.error.details);
    throw new ApiError(res.status, `HTTP_${res.status}`, i18next.t('errors.unknown'));
  }
  return evidenceSchema.parse(json);
}

export function useUploadEvidence(laporanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadEvidence,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: laporanQueryKey(laporanId) }),
  });
}

export const evidenceHref = (evidenceId: string) => `/api/evidence/${encodeURIComponent(evidenceId)}`;
