import { setujuiMingguResultSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { persetujuanRootKey } from './get-tim';

/** Approves the listed entries of a member's week at once; a changed version refuses the whole action. */
export function setujuiMinggu({
  pegawaiId,
  senin,
  items,
}: {
  pegawaiId: string;
  senin: string;
  items: { id: string; version: number }[];
}) {
  return apiRequest(
    `/persetujuan/anggota/${encodeURIComponent(pegawaiId)}/minggu/${encodeURIComponent(senin)}/setujui`,
    { method: 'POST', body: { items }, schema: setujuiMingguResultSchema },
  );
}

export const persetujuanMutationKey = ['persetujuan', 'putus'] as const;

export function useSetujuiMinggu() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: persetujuanMutationKey,
    mutationFn: setujuiMinggu,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: persetujuanRootKey }),
  });
}
