import { tutupBulanResultSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { verifikasiKinerjaRootKey } from './get-antrean';
import { unitMonthPath } from './get-verifikasi-unit';
import type { UnitMonth } from './mulai-verifikasi';

/** Closes the month: every pegawai's score is computed and stored, the entries are locked. */
export function tutupBulan({ unit, version }: { unit: UnitMonth; version: number }) {
  return apiRequest(`${unitMonthPath(unit.unitKerjaId, unit.tahun, unit.bulan)}/tutup`, {
    method: 'POST',
    body: { version },
    schema: tutupBulanResultSchema,
  });
}

export function useTutupBulan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: tutupBulan,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: verifikasiKinerjaRootKey }),
  });
}
