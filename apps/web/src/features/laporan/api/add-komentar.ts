import { type KomentarBody, komentarListSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { komentarQueryOptions } from './get-komentar';
import { timelineQueryOptions } from './get-timeline';

export function addKomentar({ id, code, body }: { id: string; code: string; body: KomentarBody }) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/isian/${encodeURIComponent(code)}/komentar`, {
    method: 'POST',
    body,
    schema: komentarListSchema,
  });
}

export function useAddKomentar(laporanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addKomentar,
    onSuccess: (list) => {
      queryClient.setQueryData(komentarQueryOptions(laporanId).queryKey, list);
      void queryClient.invalidateQueries({ queryKey: timelineQueryOptions(laporanId).queryKey });
    },
  });
}
