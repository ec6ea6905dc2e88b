import { type BantuanBody, bantuanSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { bantuanQueryOptions } from './get-bantuan';

export function updateBantuan({ pemdaKode, body }: { pemdaKode: string; body: BantuanBody }) {
  return apiRequest(`/pemda/${encodeURIComponent(pemdaKode)}/bantuan`, {
    method: 'PUT',
    body,
    schema: bantuanSchema,
  });
}

export function useUpdateBantuan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBantuan,
    onSuccess: (bantuan) =>
      queryClient.setQueryData(bantuanQueryOptions(bantuan.pemdaKode).queryKey, bantuan),
  });
}
