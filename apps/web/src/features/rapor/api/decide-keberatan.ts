import { keberatanSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { keberatanQueryOptions } from './get-keberatan';
import { publicationPreviewQueryOptions } from './get-publication-preview';

export interface KeberatanDecision {
  id: string;
  version: number;
  status: 'diterima' | 'ditolak';
  keputusan: string;
}

export function decideKeberatan(tahun: number, { id, ...body }: KeberatanDecision) {
  return apiRequest(`/rapor/${tahun}/keberatan/${id}/keputusan`, {
    method: 'POST',
    body,
    schema: keberatanSchema,
  });
}

/** A decision changes the list and the publication checklist. */
export function useDecideKeberatan(tahun: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: KeberatanDecision) => decideKeberatan(tahun, d),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keberatanQueryOptions(tahun).queryKey }),
        qc.invalidateQueries({ queryKey: publicationPreviewQueryOptions(tahun).queryKey }),
      ]),
  });
}
