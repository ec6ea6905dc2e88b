import { type PemdaZonaBody, pemdaZonaSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { zonaQueryOptions } from './get-zona';

export function updateZona({ pemdaKode, body }: { pemdaKode: string; body: PemdaZonaBody }) {
  return apiRequest(`/pemda/${encodeURIComponent(pemdaKode)}/zona`, {
    method: 'PUT',
    body,
    schema: pemdaZonaSchema,
  });
}

export function useUpdateZona() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateZona,
    onSuccess: async (zona) => {
      queryClient.setQueryData(zonaQueryOptions(zona.pemdaKode).queryKey, zona);
      // Everyone's dates follow the zone: the person's own `me` carries it, and every deadline moved.
      await queryClient.invalidateQueries();
    },
  });
}
