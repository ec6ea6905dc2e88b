import { keberatanSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { keberatanQueryOptions } from './get-keberatan';

export function fileKeberatan(tahun: number, body: { wilayahKode: string; isi: string }) {
  return apiRequest(`/rapor/${tahun}/keberatan`, { method: 'POST', body, schema: keberatanSchema });
}

export function useFileKeberatan(tahun: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { wilayahKode: string; isi: string }) => fileKeberatan(tahun, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keberatanQueryOptions(tahun).queryKey }),
  });
}
