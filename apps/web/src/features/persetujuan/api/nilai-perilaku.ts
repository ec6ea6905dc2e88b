import { perilakuSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { persetujuanRootKey } from './get-tim';

/** The atasan's monthly BerAKHLAK rating of a member: every value 1–5. */
export function nilaiPerilaku({
  pegawaiId,
  tahun,
  bulan,
  body,
}: {
  pegawaiId: string;
  tahun: number;
  bulan: number;
  body: { ratings: Record<string, number>; catatan: string; version: number | null };
}) {
  return apiRequest(`/persetujuan/anggota/${encodeURIComponent(pegawaiId)}/perilaku/${tahun}/${bulan}`, {
    method: 'PUT',
    body,
    schema: perilakuSchema,
  });
}

export function useNilaiPerilaku() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: nilaiPerilaku,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: persetujuanRootKey }),
  });
}
